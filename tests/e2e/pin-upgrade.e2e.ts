// Issue 18 in Chromium: a user whose PIN an earlier release stored (PBKDF2, 4 digits) signs in once more,
// must choose 6–8 digits before anything opens, and leaves an Argon2id PIN hash behind (decision 20).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import { officer, setUpSchool, signIn } from './pages';

/** Replaces the officer's PIN hash with what the previous release wrote for `pin` (PBKDF2-SHA-256, 210,000 rounds). */
const plantOlderPin = (page: Page, pin: string) =>
  page.evaluate(async (pin) => {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
    const bits = new Uint8Array(
      await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 210_000 }, base, 256),
    );
    const b64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('tabian');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('users', 'readwrite');
      const all = tx.objectStore('users').getAll();
      all.onsuccess = () => {
        for (const u of all.result as { pin: unknown }[])
          tx.objectStore('users').put({
            ...u,
            pin: { alg: 'PBKDF2-SHA256', iterations: 210_000, salt: b64(salt), hash: b64(bits) },
          });
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, pin);

const storedPin = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const req = indexedDB.open('tabian');
        req.onsuccess = () => {
          const all = req.result.transaction('users').objectStore('users').getAll();
          all.onsuccess = () => {
            req.result.close();
            resolve((all.result[0] as { pin: Record<string, unknown> }).pin);
          };
        };
        req.onerror = () => reject(req.error);
      }),
  );

describe('an older 4-digit PIN', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const url = (place = '') => `${inject('baseURL')}${place ? `#/${place}` : ''}`;
  const shot = (name: string) => page.screenshot({ path: `test-results/pin-change-${name}.png`, fullPage: true });

  beforeAll(async () => {
    browser = await launch();
    page = await (await newTabletContext(browser)).newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function signInWithOlderPin(pin: string): Promise<void> {
    await page.goto(url('settings'));
    // The vault's data key is wrapped under the current PIN: off for this test, as on a school that never turned it on.
    await page.getByTestId('vault-status').waitFor();
    if (await page.getByTestId('vault-off').count()) {
      await page.getByTestId('vault-off').click();
      // The app's own dialog asks first (no browser confirm()).
      await page.getByTestId('vault-off-yes').click();
      for (const d of officer.pin)
        await page.getByTestId('vault-card').getByRole('button', { name: d, exact: true }).click();
      await page.getByTestId('vault-card').getByTestId('pin-ok').click();
      await page.getByTestId('vault-on').waitFor({ timeout: 30_000 });
    }
    await plantOlderPin(page, pin);
    await page.reload();
    await signIn(page, officer.name, pin);
    await page.getByTestId('change-pin').waitFor({ timeout: 30_000 });
  }

  it('signs in once, must choose 6–8 digits, and is stored with Argon2id afterwards', async () => {
    await page.goto(url());
    await setUpSchool(page);
    await signInWithOlderPin('2569');
    await shot('th-tablet');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('th-phone');
    await page.setViewportSize({ width: 800, height: 1280 });
    // Nothing is open yet: still the sign-in screen.
    expect(await page.getByTestId('sign-in').count()).toBe(1);
    await page.fill('#new-pin', '1357');
    await page.fill('#new-pin2', '1357');
    await page.getByTestId('change-pin-save').click();
    await expect.poll(() => page.getByTestId('change-pin-error').textContent()).toContain('6–8 หลัก');
    await page.fill('#new-pin', officer.pin);
    await page.fill('#new-pin2', officer.pin);
    await page.getByTestId('change-pin-save').click();
    await page.getByTestId('sign-in').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await storedPin(page)).toMatchObject({ alg: 'argon2id', m: 65_536, t: 2, p: 1 });
    expect(errors).toEqual([]);
  }, 180_000);

  it('says so in English too', async () => {
    await page.goto(url('settings'));
    await page.getByTestId('locale-en').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    await signInWithOlderPin('7788');
    await expect(page.getByTestId('change-pin').textContent()).resolves.toContain('Choose a new PIN');
    await shot('en-tablet');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('en-phone');
    expect(errors).toEqual([]);
  }, 180_000);
});
