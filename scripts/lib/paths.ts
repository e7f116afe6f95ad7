import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const srcDir = path.join(repoRoot, 'miniprogram');
export const distDir = path.join(repoRoot, 'dist');
