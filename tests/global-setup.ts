/** Placeholder replaced by the renderer-build step; kept so vitest.config's globalSetup resolves. */
export default async function setup(): Promise<void> {}
