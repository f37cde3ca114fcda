// The bench page: domain code and the platform floors, run in Chromium without the app's UI.
// Built apart from the app (its own root and outDir), so the app's build is never touched.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  build: { outDir: fileURLToPath(new URL('./dist', import.meta.url)), emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
});
