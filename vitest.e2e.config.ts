import { defineConfig } from 'vitest/config';

// End-to-end tests: the built app, served by `vite preview`, in Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
