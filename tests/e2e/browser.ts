import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

// The flags this workplace's closed network needs; see DEVELOPERS.md.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(
      `Chromium not found at ${path}: run "npm test" (it installs Debian's chromium) or set CHROMIUM_PATH`,
    );
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
    viewport: sizes[viewport],
    deviceScaleFactor: 1,
    hasTouch: true,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
  });
}

/** Fails the test on any uncaught page error, which would otherwise pass unseen. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** A Chromium started by the test on a profile directory that outlives it, so it can be killed hard and started again. */
export interface PersistentBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  pid: number;
  /** SIGKILL to the whole process group. */
  kill: () => Promise<void>;
  /** A polite close (CDP Browser.close), so the profile is complete on disk. */
  close: () => Promise<void>;
}

/**
 * Starts Chromium in its own process group on `userDataDir` and connects over CDP. `kill()` sends SIGKILL to
 * the whole group (browser, renderers, storage and GPU helpers): a power cut for the app, not a polite close.
 */
export async function launchPersistent(
  userDataDir: string,
  size: { width: number; height: number } = sizes.tablet,
): Promise<PersistentBrowser> {
  const { spawn } = await import('node:child_process');
  const child = spawn(
    chromiumPath(),
    [
      '--headless',
      ...FLAGS,
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      `--window-size=${size.width},${size.height}`,
      '--lang=th-TH',
      '--no-default-browser-check',
      'about:blank',
    ],
    {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, TZ: 'Asia/Bangkok', LANGUAGE: 'th' },
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ws = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not report its DevTools port:\n${seen}`)), 60_000);
    // Keep reading stderr for the browser's whole life: a full pipe would block Chromium.
    child.stderr.on('data', (chunk: Buffer) => {
      if (seen.length < 20_000) seen += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened:\n${seen}`)));
  });
  const browser = await chromium.connectOverCDP(ws, { timeout: 60_000 });
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  const pid = child.pid!;
  const kill = async () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await exited;
  };
  const close = async () => {
    const cdp = await browser.newBrowserCDPSession();
    await cdp.send('Browser.close').catch(() => undefined);
    await exited;
  };
  return { browser, context, page, pid, kill, close };
}

/**
 * Chromium offers the save picker and Web Share of files; a test reads the hand-over as a download, the way a
 * browser with neither hands the file over (src/ui/services/files.ts).
 */
export async function handOverByDownload(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true });
    Object.defineProperty(navigator, 'canShare', { value: undefined, configurable: true });
  });
}
