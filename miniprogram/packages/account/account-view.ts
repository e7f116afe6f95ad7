// What the account pages show: the privacy policy's sections and the build's facts. Pure.
import { brand } from '../../config/brand';
import type { BuildInfo } from '../../config/build-info';
import type { EnvConfig } from '../../config/env';
import { currentLang, t } from '../../i18n/index';

export interface PolicySection {
  id: string;
  title: string;
  paragraphs: string[];
}

export function privacyPolicy(): { intro: string; sections: PolicySection[] } {
  const name = brand.name[currentLang()];
  return {
    intro: t('me.policyIntro', { name }),
    sections: [
      {
        id: 'collect',
        title: t('me.collectTitle'),
        paragraphs: [
          t('me.collectLocation'),
          t('me.collectContact'),
          t('me.collectTraveller'),
          t('me.collectAccount'),
          t('me.collectDevice'),
        ],
      },
      { id: 'keep', title: t('me.keepTitle'), paragraphs: [t('me.keepBody')] },
      {
        id: 'delete',
        title: t('me.howDeleteTitle'),
        paragraphs: [t('me.howDeleteDevice'), t('me.howDeleteServer', { contact: brand.privacyContact })],
      },
    ],
  };
}

export interface AboutRow {
  id: string;
  label: string;
  value: string;
}

/** Release builds show the version; develop and trial builds also what staff need to know which build it is. */
export function aboutRows(info: BuildInfo, env: EnvConfig): AboutRow[] {
  const rows: AboutRow[] = [
    { id: 'version', label: t('me.version'), value: info.version },
    { id: 'environment', label: t('me.environment'), value: t(`me.env_${env.envVersion}`) },
  ];
  if (env.envVersion !== 'release') {
    rows.push(
      { id: 'commit', label: t('me.commit'), value: info.commit },
      { id: 'api', label: t('me.apiBase'), value: env.apiBaseUrl },
    );
  }
  return rows;
}
