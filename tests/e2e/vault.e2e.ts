// Encryption at rest in a real browser: a new school's register is sealed on disk from the first
// student; what IndexedDB holds reveals no name or ID, while the signed-in user works as usual.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import { enrolThroughForm, officer, setUpSchool, signIn } from './pages';
import { citizenId } from '../factories/students';

const kid = { prefix: 'เด็กหญิง', first: 'วิมลรัตน์', last: 'ปกปิดนาม', grade: '04', birth: '03/09/2562' };
const idNo = citizenId(951);

/** Every string and byte array in every store, read with the raw IndexedDB API (no app code). */
const rawDatabaseText = (page: Page) =>
  page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('tabian');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const parts: string[] = [];
    let sealedStudents = 0;
    const walk = (v: unknown): void => {
      if (typeof v === 'string') parts.push(v);
      else if (v instanceof Uint8Array) parts.push(new TextDecoder().decode(v));
      else if (v instanceof ArrayBuffer) parts.push(new TextDecoder().decode(new Uint8Array(v)));
      else if (v && typeof v === 'object' && !(v instanceof Blob)) for (const x of Object.values(v)) walk(x);
    };
    for (const name of [...db.objectStoreNames]) {
      const rows: unknown[] = await new Promise((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      if (name === 'students')
        sealedStudents = rows.filter((r) => (r as Record<string, unknown>)['$sealed'] instanceof Uint8Array).length;
      rows.forEach(walk);
    }
    db.close();
    return { text: parts.join('\n'), sealedStudents };
  });

describe('encryption at rest', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const url = (place = '') => `${inject('baseURL')}${place ? `#/${place}` : ''}`;

  beforeAll(async () => {
    browser = await launch();
    page = await (await newTabletContext(browser)).newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is on for a new school: the disk holds no name or ID, the signed-in user sees them', async () => {
    await page.goto(url());
    await setUpSchool(page);
    await enrolThroughForm(page, inject('baseURL'), kid, idNo, true);

    const raw = await rawDatabaseText(page);
    expect(raw.sealedStudents).toBe(1);
    for (const secret of [kid.first, kid.last, idNo]) expect(raw.text).not.toContain(secret);

    await page.goto(url('settings'));
    await expect.poll(() => page.getByTestId('vault-status').textContent()).toContain('เปิดการเข้ารหัสอยู่');
    await page.getByTestId('vault-card').screenshot({ path: 'test-results/vault-card.png' });

    // Locked, the key is gone; signing in again opens the register.
    await page.getByTestId('lock').click();
    await signIn(page, officer.name, officer.pin);
    await page.getByTestId('device-title').waitFor();
    await page.goto(url('students'));
    // The same user gets their place back as they left it: the form, saved; back to the list.
    await page.getByTestId('student-back').click();
    await expect.poll(() => page.locator('body').textContent(), { timeout: 15_000 }).toContain(kid.first);
    expect(errors).toEqual([]);
  }, 180_000);

  it('turns off and on again from Settings with the PIN, rewriting the register each way', async () => {
    await page.goto(url('settings'));
    await page.getByTestId('vault-off').click();
    // The app's own dialog asks first (no browser confirm()).
    await page.getByTestId('vault-off-yes').click();
    for (const d of officer.pin)
      await page.getByTestId('vault-card').getByRole('button', { name: d, exact: true }).click();
    await page.getByTestId('vault-card').getByTestId('pin-ok').click();
    await expect
      .poll(() => page.getByTestId('vault-status').textContent(), { timeout: 30_000 })
      .toContain('ยังไม่ได้เข้ารหัส');
    expect((await rawDatabaseText(page)).text).toContain(kid.first);

    await page.getByTestId('vault-on').click();
    for (const d of officer.pin)
      await page.getByTestId('vault-card').getByRole('button', { name: d, exact: true }).click();
    await page.getByTestId('vault-card').getByTestId('pin-ok').click();
    await expect
      .poll(() => page.getByTestId('vault-status').textContent(), { timeout: 30_000 })
      .toContain('เปิดการเข้ารหัสอยู่');
    const raw = await rawDatabaseText(page);
    expect(raw.sealedStudents).toBe(1);
    expect(raw.text).not.toContain(kid.first);
    expect(errors).toEqual([]);
  }, 180_000);
});
