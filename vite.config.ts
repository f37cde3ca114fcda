import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };

/**
 * The served app's Content-Security-Policy (docs/security.md), added to the built index.html only: the dev
 * server needs inline scripts for hot reload. No 'unsafe-eval' (zod runs jitless: src/domain/zod-jitless.ts);
 * 'wasm-unsafe-eval' for WebAssembly (Argon2id); inline styles for Svelte's style attributes; the card
 * bridge on loopback; data: and blob: images for camera photos; nothing from other sites.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "media-src 'self' blob: mediastream:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const contentSecurityPolicy: Plugin = {
  name: 'tabian-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
};

/** Where the fake devices live (src/devices/<device>/fake/), and a string only the fake card reader holds. */
const FAKE_MODULE = /[\\/]src[\\/]devices[\\/].+[\\/]fake[\\/]/;
const FAKE_MARKERS = ['Fake ACS ACR39U', '__tabianFakeCard', '__tabianFakeScale', '__tabianFakeCamera'];

/**
 * The release build must hold no fake device (issue 19): fails it when a chunk holds a module from a fake/
 * folder or a fake's own words, so a fake that slipped past __TABIAN_FAKES__ can never be precached on a tablet.
 */
export const releaseHasNoFakes: Plugin = {
  name: 'tabian-release-has-no-fakes',
  apply: 'build',
  generateBundle(_options, bundle) {
    for (const file of Object.values(bundle)) {
      // A source map (only the bench's profiling build asks for one; the release has none) holds the original
      // sources, where the composition module names the hooks it leaves out of the code.
      if (file.fileName.endsWith('.map')) continue;
      const modules = file.type === 'chunk' ? Object.keys(file.modules).filter((id) => FAKE_MODULE.test(id)) : [];
      const text = file.type === 'chunk' ? file.code : typeof file.source === 'string' ? file.source : '';
      const words = FAKE_MARKERS.filter((m) => text.includes(m));
      if (modules.length || words.length)
        this.error(
          `the release build holds fake device code in ${file.fileName}: ${[...modules, ...words].join(', ')}`,
        );
    }
  },
};

// One config for the app build and the unit tests (vitest reads `test`). The release is mode 'production';
// every other mode (the e2e build's 'e2e', the dev server, vitest) compiles the fake devices in.
export default defineConfig(({ mode }) => ({
  plugins: [
    contentSecurityPolicy,
    ...(mode === 'production' ? [releaseHasNoFakes] : []),
    svelte(),
    VitePWA({
      // 'prompt': a new version waits until the user agrees, so unsaved input is never lost.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.svg', 'icons/*.png'],
      manifest: {
        name: 'ทะเบียน Tabian — ทะเบียนนักเรียนรายบุคคล',
        short_name: 'Tabian',
        description: 'ทะเบียนนักเรียนรายบุคคลแบบออฟไลน์ สำหรับโรงเรียนและสำนักงานเขตพื้นที่การศึกษา',
        lang: 'th',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#f7f5ef',
        theme_color: '#1d4f91',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the app needs offline, fonts and the address lists included.
        globPatterns: ['**/*.{js,css,html,woff2,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        // The IT helper's pages are real documents, not routes of the app.
        navigateFallbackDenylist: [/^\/help\//],
        cleanupOutdatedCaches: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(pkg.version), __TABIAN_FAKES__: JSON.stringify(mode !== 'production') },
  // No source maps in the release build: they would ship the whole source to every device.
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', '**/.scratch/**'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    // Seconds, not milliseconds, under load: see tests/setup.ts.
    testTimeout: 20_000,
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
}));
