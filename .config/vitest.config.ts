import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Lives in .config/ to keep the project's top level as ARCHITECTURE.md draws it.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
