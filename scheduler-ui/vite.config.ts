import { defineConfig } from 'vitest/config';

// Built straight into Maven's classes, so the jar holds public/index.html and public/assets/…,
// which the orchestrator serves from classpath:public. The targets are the last browsers of old Windows PCs;
// scripts/check-bundle.mjs checks the output against them.
export default defineConfig({
  build: { outDir: 'target/classes/public', emptyOutDir: true, target: ['chrome109', 'firefox115'] },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
