// One insured traveller: names, identity document, birth date (age within the plan), sex. Cross-field rules:
// a PRC ID's embedded birth date and sex must match the stated ones.
import { validateAge, validateBirthDate, type LocalDate } from './local-date';
import { validateChineseName, validatePinyinName } from './names';
import { parsePrcId, validatePrcId, type Sex } from './prc-id';
import { ErrorList, fail, ok, type FieldResult, type ObjectResult } from './result';
import { validateHkMacaoPermit, validatePassport, type PassportIssuer } from './travel-documents';

export const DOCUMENT_TYPES = ['prc_id', 'passport', 'hk_macao_permit'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const PASSPORT_ISSUERS = ['CHN', 'other'] as const satisfies readonly PassportIssuer[];
export const SEXES = ['M', 'F'] as const satisfies readonly Sex[];

/** What a form or a request body holds; every field may be missing or of the wrong type. */
export interface TravellerInput {
  nameZh?: unknown;
  namePinyin?: unknown;
  documentType?: unknown;
  passportIssuer?: unknown;
  documentNumber?: unknown;
  birthDate?: unknown;
  sex?: unknown;
}

export interface Traveller {
  /** Required for PRC ID cards, HK / Macao permits and PRC passports (they print it); optional otherwise. */
  nameZh?: string;
  namePinyin: string;
  documentType: DocumentType;
  /** Only for passports. */
  passportIssuer?: PassportIssuer;
  documentNumber: string;
  birthDate: LocalDate;
  /** As stated, or taken from the PRC ID when not stated. */
  sex?: Sex;
}

export interface TravellerContext {
  /** The destination's today: birth dates (stated or in an ID) may not be later. */
  today: LocalDate;
  /** Ages are taken on the first day of cover. */
  tripStart: LocalDate;
  minAge: number;
  maxAge: number;
}

const isAbsent = (value: unknown): boolean => value === undefined || value === null || value === '';

function validateChoice<T extends string>(value: unknown, options: readonly T[]): FieldResult<T> {
  if (isAbsent(value)) return fail('required');
  return options.includes(value as T) ? ok(value as T) : fail('choice');
}

/** The number's rule for its document; undefined while a passport's issuer is unknown. */
function documentNumberResult(
  type: DocumentType,
  issuer: PassportIssuer | undefined,
  value: unknown,
  today: LocalDate,
): FieldResult<string> | undefined {
  if (type === 'prc_id') return validatePrcId(value, { today });
  if (type === 'hk_macao_permit') return validateHkMacaoPermit(value);
  return issuer && validatePassport(value, { issuer });
}

/**
 * Validates one traveller. Error fields, in form order: nameZh, namePinyin, documentType, passportIssuer,
 * documentNumber, birthDate, sex. Birth date: 'id.birth_mismatch' when it differs from a valid PRC ID's, then the
 * plan's age range on ctx.tripStart. Sex: 'id.sex_mismatch' when it differs from a valid PRC ID's.
 */
export function validateTraveller(input: TravellerInput, ctx: TravellerContext): ObjectResult<Traveller> {
  const list = new ErrorList();
  const documentType = validateChoice(input.documentType, DOCUMENT_TYPES);
  const passportIssuer = validateChoice(input.passportIssuer, PASSPORT_ISSUERS);
  const issuer =
    documentType.ok && documentType.value === 'passport' && passportIssuer.ok
      ? passportIssuer.value
      : undefined;
  const printsChineseName = documentType.ok && (documentType.value !== 'passport' || issuer === 'CHN');

  const nameZh =
    printsChineseName || !isAbsent(input.nameZh)
      ? list.take('nameZh', validateChineseName(input.nameZh))
      : undefined;
  const namePinyin = list.take('namePinyin', validatePinyinName(input.namePinyin));
  const type = list.take('documentType', documentType);
  if (type === 'passport') list.take('passportIssuer', passportIssuer);

  const numberResult = type && documentNumberResult(type, issuer, input.documentNumber, ctx.today);
  const documentNumber = numberResult && list.take('documentNumber', numberResult);
  const fromId = type === 'prc_id' && documentNumber ? parsePrcId(documentNumber) : undefined;

  const birthDate = list.take('birthDate', validateBirthDate(input.birthDate, ctx.today));
  if (birthDate !== undefined) {
    if (fromId && fromId.birthDate !== birthDate) list.add('birthDate', 'id.birth_mismatch');
    else list.take('birthDate', validateAge(birthDate, ctx.tripStart, ctx.minAge, ctx.maxAge));
  }

  const sex = isAbsent(input.sex) ? fromId?.sex : list.take('sex', validateChoice(input.sex, SEXES));
  if (sex !== undefined && fromId && fromId.sex !== sex) list.add('sex', 'id.sex_mismatch');

  if (list.errors.length > 0 || !type || !namePinyin || !documentNumber || !birthDate) {
    return { ok: false, errors: list.errors };
  }
  const traveller: Traveller = { namePinyin, documentType: type, documentNumber, birthDate };
  if (nameZh !== undefined) traveller.nameZh = nameZh;
  if (issuer !== undefined) traveller.passportIssuer = issuer;
  if (sex !== undefined) traveller.sex = sex;
  return ok(traveller);
}
