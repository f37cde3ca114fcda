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
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
};

// One config for the app build and the unit tests (vitest reads `test`).
export default defineConfig({
  plugins: [
    contentSecurityPolicy,
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
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  // No source maps in the release build: they would ship the whole source to every device.
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', '**/.scratch/**'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
});
