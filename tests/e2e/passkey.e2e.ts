// Decision 26 in Chromium: the device key is stored only sealed (no CryptoKey in IndexedDB), and a passkey
// with the PRF extension — here Chromium's virtual authenticator, through DevTools — becomes a second
// factor of the data key: added with the PIN, asked for at the next sign-in, removed with the PIN and it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import { officer, setUpSchool, signIn } from './pages';

/** The raw rows of one store, as someone with the profile's files reads them: CryptoKeys counted, wraps' kinds listed. */
const rawStore = (page: Page, store: string) =>
  page.evaluate(async (name) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('tabian');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows: unknown[] = await new Promise((resolve, reject) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    let cryptoKeys = 0;
    const walk = (v: unknown): void => {
      if (v instanceof CryptoKey) cryptoKeys += 1;
      else if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) Object.values(v).forEach(walk);
    };
    rows.forEach(walk);
    return { rows: rows.length, cryptoKeys, json: JSON.stringify(rows) };
  }, store);

async function typePin(page: Page, card: string) {
  for (const d of officer.pin) await page.getByTestId(card).getByRole('button', { name: d, exact: true }).click();
  await page.getByTestId(card).getByTestId('pin-ok').click();
}

describe('passkey and held device key', () => {
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;
  let errors: string[];
  // WebAuthn refuses an IP address as the relying party: the same server, named localhost.
  const base = () => inject('baseURL').replace('127.0.0.1', 'localhost');
  const url = (place = '') => `${base()}${place ? `#/${place}` : ''}`;

  beforeAll(async () => {
    browser = await launch();
    page = await (await newTabletContext(browser)).newPage();
    errors = watchErrors(page);
    cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
        hasPrf: true,
      },
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps the device key out of IndexedDB as a CryptoKey', async () => {
    await page.goto(url());
    await setUpSchool(page);
    await page.goto(url('settings'));
    await expect
      .poll(() => page.getByTestId('sync-device').textContent(), { timeout: 30_000 })
      .toMatch(/[0-9a-f]{4} [0-9a-f]{4}/);
    const keys = await rawStore(page, 'keys');
    expect(keys.rows).toBe(1);
    expect(keys.cryptoKeys).toBe(0);
    expect(keys.json).toContain('DATA-KEY+A256GCM');
  }, 180_000);

  it('adds a passkey with the PIN, asks for it at sign-in, and removes it with the PIN and the passkey', async () => {
    await page.getByTestId('passkey-add').click();
    await typePin(page, 'passkey-card');
    await expect
      .poll(() => page.getByTestId('passkey-status').textContent(), { timeout: 30_000 })
      .toContain('ใช้ PIN คู่กับกุญแจผ่านอยู่');
    expect((await rawStore(page, 'settings')).json).toContain('pin+passkey/1');

    await page.getByTestId('lock').click();
    await signIn(page, officer.name, officer.pin);
    // The virtual authenticator answers the passkey prompt; without its PRF output the data key would not open.
    await page.getByTestId('device-title').waitFor({ timeout: 30_000 });
    await page.goto(url('settings'));
    await expect.poll(() => page.getByTestId('sync-device').textContent(), { timeout: 30_000 }).toMatch(/[0-9a-f]{4}/);

    await page.getByTestId('passkey-remove').click();
    await typePin(page, 'passkey-card');
    await expect
      .poll(() => page.getByTestId('passkey-status').textContent(), { timeout: 30_000 })
      .toContain('ใช้ PIN อย่างเดียว');
    expect((await rawStore(page, 'settings')).json).not.toContain('pin+passkey/1');
    expect(errors).toEqual([]);
  }, 180_000);
});
