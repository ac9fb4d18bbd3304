import { defineConfig } from 'vitest/config';

// Built straight into Maven's classes, so the jar holds public/index.html and public/assets/…,
// which the orchestrator serves from classpath:public.
export default defineConfig({
  build: { outDir: 'target/classes/public', emptyOutDir: true, target: 'es2020' },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
