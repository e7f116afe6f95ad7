// The shape of the brand file (miniprogram/brand/brand.json) and what the app and the build derive from it.
// Pure: used by the app (brand.ts), the build's brand injection and `npm run brand:check`.
export type BrandLang = 'zh-CN' | 'en';

export interface BrandText {
  'zh-CN': string;
  en: string;
}

export interface BrandColors {
  /** The brand colour: navigation bar, primary buttons, the selected tab (light theme). */
  primary: string;
  /** Text on `primary`; #ffffff or #000000 because the navigation bar text can only be white or black. */
  onPrimary: string;
  /** The brand colour as text on the dark theme's surfaces (the selected tab in dark mode). */
  primaryDark: string;
  accent: string;
  onAccent: string;
}

export interface BrandFile {
  name: BrandText;
  defaultLanguage: BrandLang;
  /** Image file names beside brand.json; the build places them at /brand/<name> in the bundle. */
  logo: string;
  colors: BrandColors;
  officialAccount: { name: BrandText; qrImage: string };
  customerService: { title: BrandText };
  /** Where visitors ask about or for deletion of the data the DMO's servers hold. */
  privacyContact: string;
}

/** Where the brand's images are in the bundle. */
export const BRAND_ASSET_DIR = '/brand/';

/** The brand colours as Vant CSS variables (and the app's own --brand-* ones), name -> value. */
export function brandVariables(colors: BrandColors): Array<[string, string]> {
  return [
    ['--brand-primary', colors.primary],
    ['--brand-on-primary', colors.onPrimary],
    ['--brand-primary-dark', colors.primaryDark],
    ['--brand-accent', colors.accent],
    ['--brand-on-accent', colors.onAccent],
    ['--button-primary-background-color', colors.primary],
    ['--button-primary-border-color', colors.primary],
    ['--button-primary-color', colors.onPrimary],
    ['--calendar-selected-day-background-color', colors.primary],
    ['--calendar-selected-day-color', colors.onPrimary],
    ['--calendar-range-edge-background-color', colors.primary],
    ['--calendar-range-edge-color', colors.onPrimary],
    ['--calendar-range-middle-color', colors.primary],
    ['--loading-spinner-color', colors.primary],
  ];
}

/** CSS declarations for a style attribute or a rule body. */
export function declarations(variables: Array<[string, string]>): string {
  return variables.map(([name, value]) => `${name}: ${value};`).join(' ');
}
