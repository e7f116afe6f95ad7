// The DMO's brand, from the one brand file (miniprogram/brand/brand.json); content (destination, POIs,
// products) comes from the API, never from here.
import { brandFile } from './brand-file';
import { BRAND_ASSET_DIR, brandVariables, declarations } from './brand-model';

export const brand = {
  name: brandFile.name,
  defaultLanguage: brandFile.defaultLanguage,
  logo: BRAND_ASSET_DIR + brandFile.logo,
  colors: brandFile.colors,
  officialAccount: {
    name: brandFile.officialAccount.name,
    qrImage: BRAND_ASSET_DIR + brandFile.officialAccount.qrImage,
  },
  customerService: brandFile.customerService,
  privacyContact: brandFile.privacyContact,
};

/** Vant CSS variables for a page root's style attribute (the build also sets them on `page` in app.wxss). */
export const brandStyle = declarations(brandVariables(brandFile.colors));
