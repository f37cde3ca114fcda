// The built app under its Content-Security-Policy (issue 18): the policy is there, has no 'unsafe-eval',
// and the main screens of a school (the import worker and SheetJS included) cause no violation; no
// source maps are served.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import { setUpSchool } from './pages';

const VIOLATIONS = '__cspViolations';

describe('the served app under its Content-Security-Policy', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const consoleCsp: string[] = [];
  const violations = () =>
    page.evaluate((key) => (window as unknown as Record<string, string[]>)[key] ?? [], VIOLATIONS);

  beforeAll(async () => {
    browser = await launch();
    const context = await newTabletContext(browser);
    // Listening from the first script on, so a violation while the app boots is caught too.
    await context.addInitScript((key) => {
      const w = window as unknown as Record<string, string[]>;
      w[key] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w[key]!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    }, VIOLATIONS);
    page = await context.newPage();
    errors = watchErrors(page);
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) consoleCsp.push(m.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('carries a policy without unsafe-eval, and the current mobile-web-app-capable tag', async () => {
    await page.goto(inject('baseURL'));
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
    await expect(page.locator('meta[name="apple-mobile-web-app-capable"]').count()).resolves.toBe(0);
    await expect(page.locator('meta[name="mobile-web-app-capable"]').count()).resolves.toBe(1);
  });

  it('sets up a school and opens the main screens without a single violation', async () => {
    await setUpSchool(page);
    for (const place of ['students', 'movements', 'confirm', 'exchange', 'reports', 'measure', 'settings', '']) {
      await page.goto(`${inject('baseURL')}${place ? `#/${place}` : ''}`);
      await page.waitForLoadState('networkidle');
      await page.locator('main').first().waitFor();
    }
    // The import worker starts and runs zod and SheetJS under the same page.
    await page.goto(`${inject('baseURL')}#/exchange`);
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
    expect(consoleCsp).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('ships no source maps', () => {
    const assets = join(process.cwd(), 'dist', 'assets');
    const files = readdirSync(assets);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of files.filter((n) => n.endsWith('.js')))
      expect(readFileSync(join(assets, f), 'utf8')).not.toContain('sourceMappingURL');
  });
});
