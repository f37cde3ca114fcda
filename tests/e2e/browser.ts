import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

// The flags this workplace's closed network needs; see DEVELOPERS.md.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-quic', '--no-first-run', '--disable-sync'];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: run "npm test" (it installs Debian's chromium) or set CHROMIUM_PATH`);
  return path;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: FLAGS });
}

export type Viewport = 'tablet' | 'phone';
const sizes: Record<Viewport, { width: number; height: number }> = {
  tablet: { width: 800, height: 1280 }, // 10" tablet, portrait
  phone: { width: 390, height: 844 },
};

/** A fresh profile (its own IndexedDB and service worker) in Thai time, like a school's tablet. */
export async function newTabletContext(browser: Browser, viewport: Viewport = 'tablet'): Promise<BrowserContext> {
  return browser.newContext({
    viewport: sizes[viewport], deviceScaleFactor: 1, hasTouch: true, locale: 'th-TH', timezoneId: 'Asia/Bangkok',
  });
}

/** Fails the test on any uncaught page error, which would otherwise pass unseen. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}
