// Photos leave a device only in the ways issues 20 and 22 allow (decision 0038): a teacher's tablet hands a
// screening with 2 photos to the school's main device in a signed sync bundle; the officer, told first what
// leaves the school, makes the full-records file encrypted to the district; the district imports it through
// its ordinary import and views the screening and its photos. Screenshots go to /tmp/shots-h20p/.
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import { createDistrictKey, officer, seedStores, setUpDistrict, setUpSchool } from './pages';
import { citizenId } from '../fixtures/students';
import { newStudent } from '../../src/domain/student/schema';
import { screeningSchema } from '../../src/domain/screening/schema';
import { recordOps } from '../../src/domain/bundle/local-ops';
import { asBytes } from '../../src/domain/bundle/bytes';
import { inspectBundle } from '../../src/domain/bundle/verify';

const SHOTS = '/tmp/shots-h20p';
const director = { name: 'นางสมศรี ใจดี', pin: '753102' };
const TABLET = 'aaaaaaaaaaaaaaaa';
const WALL = Date.parse('2026-06-12T09:00:00+07:00');
const kid = newStudent('pb-kid-1', {
  idType: 'I',
  idNo: citizenId(951),
  studentNo: '30001',
  prefix: 'เด็กหญิง',
  firstName: 'ดวงใจ',
  lastName: 'รักเรียน',
  sex: 'F',
  birthDate: '2016-02-01',
  grade: '04',
  room: '1',
  status: 'active',
});
const screening = screeningSchema.parse({
  id: `2569/${kid.id}`,
  studentId: kid.id,
  academicYear: 2569,
  formVersion: 'ฉบับปรับปรุง 6 มีนาคม 2569',
  visitedOn: '2026-06-12',
  members: [
    { name: 'เด็กหญิงดวงใจ รักเรียน', relation: 'นักเรียน', age: 10 },
    { name: 'นายสมชาย รักเรียน', relation: 'พ่อ', age: 41, income: { wages: 4500 } },
    { name: 'นางสมหญิง รักเรียน', relation: 'แม่', age: 38, income: { wages: 1500 } },
  ],
  photos: { source: null, outside: 'pb-photo-out', inside: 'pb-photo-in' },
});
const photoMeta = [
  { id: 'pb-photo-out', slot: 'outside', hue: 30 },
  { id: 'pb-photo-in', slot: 'inside', hue: 200 },
];
/** What the page evaluate receives, kept shallow for the type checker. */
type SeedArg = {
  photoMeta: { id: string; slot: string; hue: number }[];
  screening: { id: string } & Record<string, unknown>;
  ops: Record<string, unknown>[];
  device: string;
  clock: Record<string, unknown>;
};
const opRow = (op: ReturnType<typeof recordOps>[number]) => ({
  ...op,
  id: JSON.stringify([op.hlc.device, op.hlc.wall, op.hlc.counter, op.store, op.recordId, op.field]),
});

describe('photos out of the school: sync to the main device, full records to the district', () => {
  let browser: Browser;
  const url = (place = '') => `${inject('baseURL')}${place ? `#/${place}` : ''}`;
  const shot = async (p: Page, name: string) => {
    await p.waitForTimeout(200);
    await p.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
  };
  const tap = async (p: Page, pin: string) => {
    for (const d of pin) await p.getByRole('button', { name: d, exact: true }).click();
    await p.getByTestId('pin-ok').click();
  };
  let districtKeyFile: Buffer;
  let syncFile: Buffer;
  let syncName = '';
  let tabletKeyFile: Buffer;
  let fullFile: Buffer;
  let fullName = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  let district: Page;

  it('the district makes its key and hands out the public key file', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'th-TH',
      timezoneId: 'Asia/Bangkok',
    });
    const page = (district = await context.newPage());
    await page.clock.setFixedTime(new Date('2026-06-14T10:00:00+07:00'));
    await page.goto(url());
    await setUpDistrict(page);
    await createDistrictKey(page, url());
    const [pub] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-public-key').click()]);
    districtKeyFile = readFileSync((await pub.path())!);
  }, 120_000);

  it('a teacher’s tablet exports a screening with 2 photos in a signed sync bundle', async () => {
    const context = await newTabletContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.clock.setFixedTime(new Date('2026-06-12T10:00:00+07:00'));
    await page.goto(url());
    await setUpSchool(page);
    // What the screening form and the camera left on the tablet: the record, two compressed pictures and
    // their sync operations, stamped with this tablet's clock (the form's own saves are tested in screening.e2e).
    const hlc = { wall: WALL, counter: 0, device: TABLET };
    const ops = [
      ...recordOps('screenings', screening.id, screening, hlc, 'ครูมาลี'),
      ...photoMeta.flatMap((p, i) =>
        recordOps(
          'photos',
          p.id,
          { owner: { kind: 'screening', id: screening.id }, slot: p.slot },
          { ...hlc, counter: i + 1 },
          'ครูมาลี',
        ),
      ),
    ].map(opRow);
    const arg = {
      photoMeta,
      screening,
      ops,
      device: TABLET,
      clock: { wall: WALL, counter: 9, device: TABLET },
    } as unknown as SeedArg;
    await page.evaluate(async ({ photoMeta, screening, ops, device, clock }: SeedArg) => {
      const jpeg = async (hue: number, w: number, h: number) => {
        const c = document.createElement('canvas');
        c.width = w;
        c.height = h;
        const g = c.getContext('2d')!;
        g.fillStyle = `hsl(${hue} 55% 60%)`;
        g.fillRect(0, 0, w, h);
        g.fillStyle = `hsl(${hue + 120} 45% 30%)`;
        g.fillRect(w * 0.25, h * 0.35, w * 0.5, h * 0.45);
        g.beginPath();
        g.moveTo(w * 0.2, h * 0.36);
        g.lineTo(w * 0.5, h * 0.12);
        g.lineTo(w * 0.8, h * 0.36);
        g.fill();
        const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.85));
        return new Uint8Array(await blob.arrayBuffer());
      };
      const photos = await Promise.all(
        photoMeta.map(async (p) => {
          const bytes = await jpeg(p.hue, 1600, 1200);
          const thumb = await jpeg(p.hue, 320, 240);
          return {
            schemaVersion: 1,
            id: p.id,
            owner: { kind: 'screening', id: screening.id },
            slot: p.slot,
            takenAt: '2026-06-12T09:00:00',
            width: 1600,
            height: 1200,
            mime: 'image/jpeg',
            bytes,
            thumb: { width: 320, height: 240, mime: 'image/jpeg', bytes: thumb },
            size: bytes.length + thumb.length,
          };
        }),
      );
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tabian');
        open.onsuccess = () => {
          const tx = open.result.transaction(['photos', 'screenings', 'ops', 'settings'], 'readwrite');
          for (const p of photos) tx.objectStore('photos').put(p);
          tx.objectStore('screenings').put({ ...screening, updatedAt: '2026-06-12T02:00:00.000Z', updatedBy: 'ครูมาลี' });
          for (const op of ops) tx.objectStore('ops').put(op);
          tx.objectStore('settings').put({ key: 'sync.device', value: device });
          tx.objectStore('settings').put({ key: 'sync.clock', value: clock });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      });
    }, arg);
    await seedStores(page, { students: [kid] });

    await page.goto(url('settings'));
    const [key] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sync-device-export').click()]);
    tabletKeyFile = readFileSync((await key.path())!);
    const [out] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sync-export').click()]);
    syncName = out.suggestedFilename();
    syncFile = readFileSync((await out.path())!);
    await expect.poll(() => page.getByTestId('sync-note').textContent()).toContain('ภาพ 2 ภาพ');
    const statement = (await inspectBundle(asBytes(new Uint8Array(syncFile)))).statement!;
    expect(statement).toMatchObject({ kind: 'sync', counts: { photos: 2 }, encryption: null });
    await page.getByTestId('sync-card').scrollIntoViewIfNeeded();
    await shot(page, 'tablet-sync-export-th-800x1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('sync-note').scrollIntoViewIfNeeded();
    await shot(page, 'tablet-sync-export-th-390x844');
    await page.getByTestId('locale-en').click();
    await page.getByTestId('sync-card').scrollIntoViewIfNeeded();
    await shot(page, 'tablet-sync-en-390x844');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('the main device takes it in, then the officer makes the full-records file for the district', async () => {
    const context = await newTabletContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
    await page.clock.setFixedTime(new Date('2026-06-13T10:00:00+07:00'));
    await page.goto(url());
    await setUpSchool(page);
    await seedStores(page, { students: [kid] });
    await page.goto(url('settings'));
    await page.getByTestId('add-user').click();
    await page.fill('#user-name', director.name);
    await page.getByLabel(/ผู้อำนวยการ/).check();
    await page.fill('#user-pin', director.pin);
    await page.fill('#user-pin2', director.pin);
    await page.getByTestId('create-user').click();
    await page.getByText(`บันทึกผู้ใช้งาน ${director.name} แล้ว`).waitFor();
    await page
      .getByTestId('keys-district-file')
      .setInputFiles({ name: 'เขต.json', mimeType: 'application/json', buffer: districtKeyFile });
    await page.getByTestId('keys-district').filter({ hasText: 'สพป.ทดสอบ เขต 1' }).waitFor();
    await page
      .getByTestId('sync-key-file')
      .setInputFiles({ name: 'แท็บเล็ต.json', mimeType: 'application/json', buffer: tabletKeyFile });
    await expect.poll(() => page.getByTestId('sync-note').textContent()).toContain('นำเข้ากุญแจของแท็บเล็ตแล้ว');
    await page
      .getByTestId('sync-file')
      .setInputFiles({ name: syncName, mimeType: 'application/octet-stream', buffer: syncFile });
    await expect
      .poll(() => page.getByTestId('sync-note').textContent(), { timeout: 30_000 })
      .toContain('และภาพ 2 ภาพแล้ว');
    await page.getByTestId('sync-card').scrollIntoViewIfNeeded();
    await shot(page, 'main-sync-import-th-800x1280');

    await page.goto(url('screening'));
    await page.getByTestId('scr-tab-school').click();
    const card = page.getByTestId('full-records-card');
    await expect.poll(() => card.textContent()).toContain('1 คน พร้อมภาพ 2 ภาพ');
    await page.getByTestId('full-make').click();
    await expect.poll(() => page.getByTestId('full-warn').textContent()).toContain('รายได้ของสมาชิกครัวเรือน');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'main-full-warn-th-800x1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'main-full-warn-th-390x844');
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.getByTestId('full-agree').click();
    await expect.poll(() => page.getByTestId('full-pin-for').textContent()).toContain(officer.name);
    await tap(page, officer.pin);
    await expect
      .poll(() => page.getByTestId('full-pin-for').textContent(), { timeout: 30_000 })
      .toContain(director.name);
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await tap(page, director.pin);
    const full = await downloading;
    fullName = full.suggestedFilename();
    expect(fullName).toBe('1050130001-2569-full-1.tabian');
    fullFile = readFileSync((await full.path())!);
    await expect.poll(() => page.getByTestId('full-done').textContent()).toContain(fullName);
    const statement = (await inspectBundle(asBytes(new Uint8Array(fullFile)))).statement!;
    expect(statement).toMatchObject({
      kind: 'full-records',
      round: null,
      counts: { part: 1, parts: 1, screenings: 1, photos: 2 },
    });
    expect(statement.encryption).not.toBeNull();
    expect(statement.attestations.map((a) => a.act)).toEqual(['confirm-existence', 'certify']);

    // English, both sizes.
    await page.goto(url('settings'));
    await page.getByTestId('locale-en').click();
    await page.goto(url('screening'));
    await page.getByTestId('scr-tab-school').click();
    await page.getByTestId('full-make').click();
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'main-full-warn-en-800x1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'main-full-warn-en-390x844');
    await page.goto(url('settings'));
    await page.getByTestId('sync-card').scrollIntoViewIfNeeded();
    await shot(page, 'main-sync-en-390x844');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('the district imports the full records like a submission and views the screening and its photos', async () => {
    const page = district;
    const errors = watchErrors(page);
    // The school's two signing keys, compared by phone and enrolled as a trust list (as district.e2e does).
    const statement = (await inspectBundle(asBytes(new Uint8Array(fullFile)))).statement!;
    const trust = { format: 'tabian-trust/1', keys: statement.keys.map((k) => ({ ...k, school: '1050130001' })) };
    await page.goto(url('schools'));
    await page.getByTestId('tab-schools').click();
    await page
      .getByTestId('import-trust')
      .setInputFiles({ name: 'keys.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(trust)) });
    await page.waitForTimeout(500);
    await page.goto(url('import'));
    await page
      .getByTestId('bundle-files')
      .setInputFiles({ name: fullName, mimeType: 'application/octet-stream', buffer: fullFile });
    await expect.poll(() => page.getByTestId('import-summary').textContent(), { timeout: 60_000 }).toContain('รับเข้า 1');
    await shot(page, 'district-import-full-th-1366x768');

    await page.goto(url('reports'));
    const panel = page.getByTestId('district-full-records');
    await panel.getByTestId('full-view-1050130001').click();
    const table = page.getByTestId('full-screenings');
    await expect.poll(() => table.textContent(), { timeout: 30_000 }).toContain('เด็กหญิงดวงใจ รักเรียน');
    // 6,000 baht for 3 people: 2,000 a person, under the line.
    expect(await table.textContent()).toContain('2,000');
    expect(await table.locator('img').count()).toBe(2);
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'district-full-view-th-1366x768');
    await page.getByTestId('full-photo-pb-photo-out').click();
    await page.getByTestId('full-large').waitFor();
    expect(await page.getByTestId('full-large').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
    await page.getByTestId('full-large').scrollIntoViewIfNeeded();
    await shot(page, 'district-full-photo-th-1366x768');

    await page.goto(url('settings'));
    await page.getByTestId('locale-en').click();
    await page.goto(url('reports'));
    await page.getByTestId('full-view-1050130001').click();
    await expect
      .poll(() => page.getByTestId('full-screenings').textContent(), { timeout: 30_000 })
      .toContain('Income a person');
    await page.getByTestId('district-full-records').scrollIntoViewIfNeeded();
    await shot(page, 'district-full-view-en-1366x768');
    expect(errors).toEqual([]);
  }, 180_000);
});
