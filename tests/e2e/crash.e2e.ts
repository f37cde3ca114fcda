// Crash safety: Chromium is killed with SIGKILL (its whole process group, like a power cut or the OS
// ending the app) at random moments in the middle of three big writes: a 3,000-row DMC import, a findings
// bundle of 3,000 flagged students from the district, and the start of a new year for 3,000 students.
// After each restart on the same profile the app opens and every store is exactly as before the operation
// or exactly as after it, never in between.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchPersistent, type PersistentBrowser } from './browser';
import { officer, sealAtNextSignIn, setUpSchool, signIn } from './pages';
import { dmc36Xlsx } from '../factories/dmc-files';
import { generateStudents } from '../factories/dmc-students';
import { findingsBundleOf } from '../factories/district';
import { toBase64 } from '../../src/domain/bundle/bytes';
import { generateSigningKey } from '../../src/domain/bundle/keys';
import { publicKeyFile } from '../../src/domain/bundle/trust';
import type { FindingRecord } from '../../src/domain/district/findings-payload';

const KILLS = Number(process.env.CRASH_KILLS ?? 5);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const root = mkdtempSync(join(tmpdir(), 'tabian-e2e-crash-'));
const school = { code: '1050130001', smis: '50130001', name: 'โรงเรียนบ้านทดสอบ' };
const students = generateStudents(3000);

/** Per store: row count and a SHA-256 of its rows, with what differs between runs masked (ids, times, nonces). */
type Digest = Record<string, { rows: number; sha: string }>;

function readDigest(page: Page): Promise<Digest> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('tabian');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const all = await Promise.all(
      names.map(
        (n) =>
          new Promise<unknown[]>((resolve, reject) => {
            const r = tx.objectStore(n).getAll();
            r.onsuccess = () => resolve(r.result as unknown[]);
            r.onerror = () => reject(r.error ?? new Error('read failed'));
          }),
      ),
    );
    db.close();
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
    const stamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
    // A device's random id in sync clocks (16 hex digits) differs between runs too.
    const device = /^[0-9a-f]{16}$/;
    // Rows sealed at rest (src/db/vault.ts) differ by their random nonce: their length stands for the content.
    const mask = (_k: string, v: unknown) =>
      v instanceof Blob
        ? `blob:${v.size}`
        : v instanceof Uint8Array
          ? `bytes:${v.byteLength}`
          : typeof v === 'string'
            ? stamp.test(v)
              ? 'T'
              : device.test(v)
                ? 'D'
                : v.replace(uuid, 'U')
            : v;
    const out: Record<string, { rows: number; sha: string }> = {};
    for (const [i, name] of names.entries()) {
      const rows = all[i]!.map((r) => JSON.stringify(r, mask)).sort();
      const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(rows.join('\n')));
      out[name] = {
        rows: rows.length,
        sha: [...new Uint8Array(hash)]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('')
          .slice(0, 16),
      };
    }
    return out;
  });
}

interface Operation {
  name: string;
  /** The profile every run of this operation starts from. */
  base: () => string;
  clock: string;
  /** From signed in to just before the write starts. */
  prepare: (page: Page) => Promise<void>;
  /** Starts the write (a click); `done` waits until the app reports it finished. */
  start: (page: Page) => Promise<void>;
  /** The main transaction has committed once this store holds this many rows. */
  written: { store: string; rows: number };
  done: (page: Page) => Promise<void>;
}

describe('killing the browser in the middle of a write', () => {
  const url = (place = '') => `${inject('baseURL')}${place ? `#/${place}` : ''}`;
  let schoolBase = '';
  let promotionBase = '';
  const running: PersistentBrowser[] = [];
  let findingsFile = '';

  async function open(dir: string, clock: string): Promise<PersistentBrowser> {
    const b = await launchPersistent(dir);
    running.push(b);
    await b.page.clock.setFixedTime(new Date(clock));
    return b;
  }
  /** The app opened on the restarted profile: its lock screen offers the officer. */
  async function appOpens(page: Page): Promise<void> {
    await page.goto(url());
    await page.getByRole('button', { name: new RegExp(officer.name) }).waitFor({ timeout: 60_000 });
  }
  async function signedIn(b: PersistentBrowser): Promise<void> {
    await appOpens(b.page);
    await signIn(b.page, officer.name, officer.pin);
    await b.page.getByTestId('device-title').waitFor();
  }
  function copyOf(base: string, label: string): string {
    const dir = mkdtempSync(join(root, `${label}-`));
    cpSync(base, dir, { recursive: true });
    return dir;
  }

  beforeAll(async () => {
    // The school's device: profile, officer, and the district's key trusted (for findings).
    schoolBase = mkdtempSync(join(root, 'school-'));
    const district = await generateSigningKey(true);
    const keyPath = join(root, 'district.tabian-key.json');
    writeFileSync(
      keyPath,
      JSON.stringify(
        publicKeyFile({
          keyid: district.keyid,
          alg: 'ES256',
          spki: toBase64(district.spki),
          role: 'district',
          name: 'สพป.เชียงใหม่ เขต 1',
          school: null,
        }),
      ),
    );
    const findings: FindingRecord[] = students.map((s) => ({
      id: `id.duplicate:${s.id}:1050130002`,
      studentId: s.id,
      rule: 'id.duplicate',
      match: 'same-id',
      student: { idNo: s.idNo, prefix: s.prefix, firstName: s.firstName, lastName: s.lastName },
      otherSchool: { code: '1050130002', name: 'โรงเรียนบ้านนา' },
      reason: { th: 'เลขประจำตัวเดียวกันกับนักเรียนของโรงเรียนอื่น', en: 'The same ID as a student of another school' },
      asOf: '2026-06-10',
    }));
    findingsFile = join(root, 'findings.tabian');
    writeFileSync(findingsFile, (await findingsBundleOf(district, school, findings, null)).bytes);

    const b = await open(schoolBase, '2026-06-20T10:00:00+07:00');
    await b.page.goto(url());
    await setUpSchool(b.page);
    await b.page.goto(url('settings'));
    await b.page.getByTestId('keys-district-file').setInputFiles(keyPath);
    await b.page.getByTestId('keys-district').filter({ hasText: 'สพป.เชียงใหม่ เขต 1' }).waitFor();
    await b.close();
  }, 180_000);

  afterAll(async () => {
    for (const b of running) await b.kill();
    rmSync(root, { recursive: true, force: true });
  });

  /** Milliseconds until `store` holds at least `rows` rows: a read waits for the write's transaction to commit. */
  function untilStored(page: Page, store: string, rows: number): Promise<number> {
    return page.evaluate(
      async ({ store, rows }) => {
        const t0 = performance.now();
        for (;;) {
          const n = await new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('tabian');
            open.onerror = () => reject(open.error ?? new Error('open failed'));
            open.onsuccess = () => {
              const r = open.result.transaction(store, 'readonly').objectStore(store).count();
              r.onsuccess = () => {
                open.result.close();
                resolve(r.result);
              };
            };
          });
          if (n >= rows) return Math.round(performance.now() - t0);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      },
      { store, rows },
    );
  }

  /**
   * One uninterrupted run measures the write (until its main transaction commits) and gives the "after"
   * state; then runs are killed at random moments spread over that time and a little past it. A run that
   * comes back "before" is tried again on the same profile, so one profile may be killed several times.
   * Returns the uninterrupted run's profile (closed politely).
   */
  async function crashMany(op: Operation): Promise<string> {
    const refDir = copyOf(op.base(), `${op.name}-ref`);
    const ref = await open(refDir, op.clock);
    await signedIn(ref);
    await op.prepare(ref.page);
    const written = untilStored(ref.page, op.written.store, op.written.rows);
    await op.start(ref.page);
    const ms = await written;
    await op.done(ref.page);
    const after = await readDigest(ref.page);
    await ref.close();

    const outcomes: string[] = [];
    let dir = '';
    let b: PersistentBrowser | null = null;
    for (let k = 0; k < KILLS; k++) {
      if (!b) {
        dir = copyOf(op.base(), `${op.name}-${k}`);
        b = await open(dir, op.clock);
      }
      await signedIn(b);
      await op.prepare(b.page);
      const before = await readDigest(b.page);
      expect(before[op.written.store]!.rows).toBeLessThan(op.written.rows);
      const delay = Math.round(((k + Math.random()) / KILLS) * ms * 1.15);
      await op.start(b.page);
      await new Promise((resolve) => setTimeout(resolve, delay));
      await b.kill();

      const again = await open(dir, op.clock);
      await appOpens(again.page);
      const now = await readDigest(again.page);
      const same = (a: Digest) => JSON.stringify(now) === JSON.stringify(a);
      const state = same(before) ? 'before' : same(after) ? 'after' : 'HALF';
      outcomes.push(`${delay} ms → ${state}`);
      if (state === 'HALF') {
        const differ = (a: Digest) =>
          Object.keys(now)
            .filter((n) => JSON.stringify(now[n]) !== JSON.stringify(a[n]))
            .map((n) => `${n} ${a[n]?.rows}/${now[n]?.rows}`)
            .join(', ');
        console.log(
          `e2e crash: ${op.name} half-applied after a kill at ${delay} ms; unlike before: ${differ(before)}; unlike after: ${differ(after)}`,
        );
      }
      expect(state, `${op.name} killed at ${delay} ms`).not.toBe('HALF');
      if (state === 'before') b = again;
      else {
        await again.kill();
        rmSync(dir, { recursive: true, force: true });
        b = null;
      }
    }
    await b?.kill();
    console.log(`e2e crash: ${op.name}, written in ${ms} ms uninterrupted; killed at ${outcomes.join('; ')}`);
    return refDir;
  }

  it(`a 3,000-row DMC import, killed ${KILLS} times while it saves`, async () => {
    const file = Buffer.from(dmc36Xlsx(students));
    promotionBase = await crashMany({
      name: 'import',
      base: () => schoolBase,
      clock: '2026-06-20T10:00:00+07:00',
      prepare: async (page) => {
        await page.goto(url('exchange'));
        await page.getByTestId('import-panel').waitFor();
        await page
          .getByTestId('import-file')
          .setInputFiles({ name: '2569-1-student.xlsx', mimeType: XLSX_TYPE, buffer: file });
        await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
        await expect(page.getByTestId('count-new').textContent()).resolves.toBe('3000');
      },
      start: (page) => page.getByTestId('import-commit').click(),
      written: { store: 'students', rows: 3000 },
      done: async (page) => {
        await expect(page.getByTestId('import-done').textContent({ timeout: 60_000 })).resolves.toContain(
          'เพิ่ม 3000 คน',
        );
      },
    });
  }, 240_000);

  it(`a findings bundle of 3,000 students from the district, killed ${KILLS} times while it is read and stored`, async () => {
    await crashMany({
      name: 'findings',
      base: () => schoolBase,
      clock: '2026-06-25T10:00:00+07:00',
      prepare: async (page) => {
        await page.goto(url('exchange'));
        await page.getByTestId('tab-findings').click();
        await page.getByTestId('import-findings').waitFor();
      },
      start: (page) => page.getByTestId('findings-file').setInputFiles(findingsFile),
      written: { store: 'findings', rows: 3000 },
      done: async (page) => {
        await expect(page.getByTestId('findings-result').textContent({ timeout: 60_000 })).resolves.toContain('3000');
      },
    });
  }, 240_000);

  it(`the start of a new year for 3,000 students, killed ${KILLS} times while it is applied`, async () => {
    // Year-end results for everyone (all passed), written straight into the profile the import left.
    const b = await open(promotionBase, '2027-03-20T10:00:00+07:00');
    await signedIn(b);
    await b.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('tabian');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      const tx = db.transaction(['students', 'results'], 'readwrite');
      const ids = await new Promise<string[]>((resolve) => {
        const r = tx.objectStore('students').getAllKeys();
        r.onsuccess = () => resolve(r.result as string[]);
      });
      for (const studentId of ids) {
        tx.objectStore('results').put({
          key: `2569/${studentId}`,
          academicYear: 2569,
          studentId,
          result: 'passed',
          recordedAt: '2027-03-20T03:00:00.000Z',
          recordedBy: { userId: 'test', userName: 'ครูทดสอบ' },
        });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      db.close();
    });
    await sealAtNextSignIn(b.page);
    await b.close();

    await crashMany({
      name: 'new year',
      base: () => promotionBase,
      clock: '2027-03-20T10:00:00+07:00',
      prepare: async (page) => {
        await page.goto(url('movements'));
        await page.getByTestId('tab-year-end').click();
        await expect
          .poll(() => page.getByTestId('new-year-summary').innerText(), { timeout: 60_000 })
          .toMatch(/เลื่อนชั้น\s*\d{3,}/);
        expect(await page.getByTestId('unresolved').count()).toBe(0);
        await page.getByTestId('start-year').click();
      },
      start: (page) => page.getByTestId('confirm-start-year').click(),
      written: { store: 'rounds', rows: 1 },
      done: async (page) => {
        await page.getByTestId('year-started').waitFor({ timeout: 60_000 });
      },
    });
  }, 240_000);
});
