// Localized names of the insurance vocabulary, shared by the package's view builders.
import type { components } from '../../../typings/api';
import { t, type MessageKey } from '../../i18n/index';
import type { ValidationCode } from '../../domain/validate/index';

type Schemas = components['schemas'];

export const COVERAGE_KEYS: readonly Schemas['CoverageKey'][] = [
  'medical',
  'evacuation',
  'cancellation',
  'baggage',
  'delay',
];

export const coverageLabel = (key: Schemas['CoverageKey']): string => t(`insurance.cov_${key}`);
export const bandLabel = (band: Schemas['AgeBand']): string => t(`insurance.band_${band}`);
export const documentLabel = (type: Schemas['DocumentType']): string => t(`insurance.doc_${type}`);
export const sexLabel = (sex: Schemas['Sex']): string => t(`insurance.sex_${sex}`);

/**
 * The message under a field: a shared validation code, or a code only the server uses (e.g. quote_mismatch),
 * which reads as a general rejection rather than a raw code.
 */
export function fieldMessage(code: ValidationCode | string): string {
  const key = `validation.${code}` as MessageKey;
  const text = t(key);
  return text === key ? t('insurance.serverRejected') : text;
}
