import { defineConfig } from 'vitest/config';

// One runner for the whole repo. Integration and end-to-end tests share real
// servers (Kafka, ClickHouse, PostgreSQL, Redis), so files run one at a time.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.next/**', '**/dist/**'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
