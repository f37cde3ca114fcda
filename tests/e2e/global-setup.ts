import { readdirSync, readFileSync } from 'node:fs';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

let server: PreviewServer | null = null;

/** The tests put fake card readers, scales and cameras behind the app: only a build in mode 'e2e' holds them. */
function assertE2eBuild(): void {
  const assets = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  if (!assets.some((f) => readFileSync(`dist/assets/${f}`, 'utf8').includes('Fake ACS ACR39U'))) {
    throw new Error(
      'dist/ is a release build, without the fake devices: run without E2E_SKIP_BUILD, or `npm run build:e2e` first',
    );
  }
}

/** Builds the app once (with the fake devices) and serves dist/ on a free loopback port for every e2e file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!process.env.E2E_SKIP_BUILD) await build({ mode: 'e2e', logLevel: 'warn' });
  else assertE2eBuild();
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseURL', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server?.close();
  };
}
