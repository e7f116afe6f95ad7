// Pages and components read getApp/getCurrentPages, which miniprogram-simulate does not provide.
const g = globalThis as unknown as Record<string, unknown>;
const app: Record<string, unknown> = { globalData: {} };
g.getApp = () => app;
g.getCurrentPages = () => [];
