// The DMO's brand; content (destination, POIs, products) comes from the API, never from here.
export const brand = {
  name: { 'zh-CN': '漫游者', en: 'Wayfarer' },
  destinationId: 'auckland',
  /** Vant CSS variables applied at the page root. */
  colors: {
    primary: '#0b6e4f',
    primaryText: '#ffffff',
    accent: '#f2a541',
  },
} as const;

export const brandStyle = `--button-primary-background-color: ${brand.colors.primary}; --button-primary-border-color: ${brand.colors.primary}; --button-primary-color: ${brand.colors.primaryText};`;
