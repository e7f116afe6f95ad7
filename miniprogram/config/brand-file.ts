// The brand file as the app sees it. The mini program cannot require a .json file, so the build replaces this
// module's output with the brand file inlined as JS (scripts/lib/brand.ts), from whichever brand it builds.
import file from '../brand/brand.json';
import type { BrandFile } from './brand-model';

export const brandFile = file as BrandFile;
