// Builds the app and the bench page, and serves each on its own free loopback port with `vite preview`.
import { build, preview, type PreviewServer } from 'vite';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BENCH_CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
export const BENCH_DIST = fileURLToPath(new URL('../dist/', import.meta.url));
// The app is built here, not in dist/: end-to-end runs in the same tree rebuild dist/ at any moment.
export const APP_DIST = fileURLToPath(new URL('../app-dist/', import.meta.url));

export interface Servers {
  app: string;
  bench: string;
  close(): Promise<void>;
}

function urlOf(server: PreviewServer): string {
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return `http://127.0.0.1:${address.port}/`;
}

export async function buildAll(): Promise<void> {
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: APP_DIST, emptyOutDir: true, sourcemap: true } }); // the profiler maps samples back (bench/tools)
  await build({ configFile: BENCH_CONFIG, logLevel: 'warn' });
}

export async function serveAll(): Promise<Servers> {
  const options = { preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' as const };
  const app = await preview({ root: ROOT, ...options, build: { outDir: APP_DIST } });
  const bench = await preview({ configFile: BENCH_CONFIG, ...options });
  return {
    app: urlOf(app),
    bench: urlOf(bench),
    async close() {
      await app.close();
      await bench.close();
    },
  };
}
