// Poor-student screening on a phone (issue 20): a homeroom teacher, offline, screens a household of 5 with
// two photos taken in the app (a generated 12 MP JPEG), typed GPS and three signatures; a reload in the
// middle loses nothing; the print shows it all; Home shows the season's deadline with the households left
// (the clock at 06:30 Bangkok on the season's last day, 31 July); the officer sees the class progress and
// the proposed register change. Screenshots of every section, Thai and English, phone and tablet, go to
// /tmp/shots-h20s/. (That the district receives counts only: tests/ui/services/screening-submission.test.ts.)
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import { officer, seedStores, setUpSchool, signIn, waitForOfflineReady } from './pages';
import { citizenId } from '../factories/students';
import { newStudent } from '../../src/domain/student/schema';

const SHOTS = '/tmp/shots-h20s';
// 06:30 in Bangkok on the season's last day: still 30 July in UTC, so a UTC "today" would say one day left.
const DAWN_OF_DEADLINE = new Date('2026-07-31T06:30:00+07:00');
const teacher = { name: 'ครูมาลี ประจำชั้น', pin: '418203' };
const kids = ['ดวงใจ', 'มานะ', 'ปิติ'].map((first, i) =>
  newStudent(`scr-kid-${i + 1}`, {
    idType: 'I',
    idNo: citizenId(900 + i),
    studentNo: String(20001 + i),
    prefix: i === 0 ? 'เด็กหญิง' : 'เด็กชาย',
    firstName: first,
    lastName: 'รักเรียน',
    sex: i === 0 ? 'F' : 'M',
    birthDate: '2016-02-01',
    grade: '04',
    room: '1',
    status: 'active',
  }),
);
// Hand-computed: 4,500 + 2,000 + 1,200 + 800 + 0 = 8,500 baht for 5 people → 1,700 a person, under 3,000.
const MEMBERS = [
  { name: 'นายสมชาย รักเรียน', relation: 'พ่อ', age: '41', wages: '4500' },
  { name: 'นางสมหญิง รักเรียน', relation: 'แม่', age: '38', wages: '2000' },
  { name: 'นายทองดี รักเรียน', relation: 'ปู่', age: '67', farming: '1200' },
  { name: 'นางบุญมา รักเรียน', relation: 'ย่า', age: '65', welfare: '800' },
];

describe('screening a household on a phone, offline', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const url = (place = '') => `${inject('baseURL')}${place ? `#/${place}` : ''}`;
  const shot = async (name: string) => {
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
  };

  /** A camera-sized JPEG (4032×3024) drawn in the page, as a phone's camera would hand it over. */
  async function cameraJpeg(hue: number): Promise<Buffer> {
    const b64 = await page.evaluate((hue) => {
      const c = document.createElement('canvas');
      c.width = 4032;
      c.height = 3024;
      const g = c.getContext('2d')!;
      const grad = g.createLinearGradient(0, 0, 4032, 3024);
      grad.addColorStop(0, `hsl(${hue} 60% 70%)`);
      grad.addColorStop(1, `hsl(${hue + 90} 50% 30%)`);
      g.fillStyle = grad;
      g.fillRect(0, 0, 4032, 3024);
      for (let i = 0; i < 400; i++) {
        g.fillStyle = `hsl(${(hue + i * 7) % 360} 70% ${30 + (i % 40)}%)`;
        g.fillRect((i * 977) % 4000, (i * 613) % 3000, 60 + (i % 200), 40 + (i % 150));
      }
      return c.toDataURL('image/jpeg', 0.92).split(',')[1]!;
    }, hue);
    return Buffer.from(b64, 'base64');
  }

  async function draw(who: string) {
    // Into the middle of the screen, clear of the sticky bars.
    await page.getByTestId(`pad-${who}`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await page.getByTestId(`pad-${who}`).boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height * 0.4);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++)
      await page.mouse.move(box.x + 20 + i * 22, box.y + box.height * (0.4 + 0.25 * Math.sin(i)));
    await page.mouse.up();
    await page.getByTestId(`pad-save-${who}`).click();
    await page.getByTestId(`sig-done-${who}`).waitFor();
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launch();
    context = await newTabletContext(browser, 'phone');
    page = await context.newPage();
    errors = watchErrors(page);
    await page.clock.setFixedTime(DAWN_OF_DEADLINE);
    await page.goto(url());
    await setUpSchool(page);
    await seedStores(page, {
      students: kids.map((k) => ({ ...k, updatedAt: '2026-05-20T02:00:00.000Z', revision: 1 })),
    });
    // The officer gives the homeroom teacher their class.
    await page.goto(url('settings'));
    await page.getByTestId('add-user').click();
    await page.fill('#user-name', teacher.name);
    await page.locator('input[name="role"][value="teacher"]').check();
    await page.fill('#user-rooms', 'ป.1/1');
    await page.fill('#user-pin', teacher.pin);
    await page.fill('#user-pin2', teacher.pin);
    await page.getByTestId('create-user').click();
    await page.getByTestId('users-card').getByText(teacher.name, { exact: true }).waitFor({ timeout: 30_000 });
    await waitForOfflineReady(page);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('a teacher screens a household of 5 with 2 photos, GPS and signatures, offline, and prints it', async () => {
    // Offline from here on: the app comes from the service worker (a reload, as a hash change would not).
    await context.setOffline(true);
    await page.goto(url('screening'));
    await page.reload();
    await signIn(page, teacher.name, teacher.pin);
    await page.getByTestId('sign-in').waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByTestId('scr-progress').waitFor();
    await expect.poll(() => page.getByTestId('scr-progress').textContent()).toContain('ยังไม่เยี่ยม 3');
    await shot('01-class-phone-th');
    // Home: the season's deadline in the Buddhist Era, due today on the Bangkok date, and the teacher's homes left.
    await page.goto(url('home'));
    const season = page.getByTestId('screening-deadline');
    await season.waitFor();
    expect(await season.textContent()).toContain('31 กรกฎาคม 2569');
    expect(await page.getByTestId('screening-days').textContent()).toBe('ครบกำหนดวันนี้');
    expect(await page.getByTestId('screening-left').textContent()).toBe(
      'ชั้นของท่าน: ยังไม่เยี่ยม 3 ครัวเรือน · ยังไม่ครบ 0 ครัวเรือน',
    );
    await season.scrollIntoViewIfNeeded();
    await shot('00-home-deadline-phone-th');
    await page.getByTestId('screening-go').click();
    await page.getByTestId('scr-progress').waitFor();

    await page.getByTestId('scr-row-scr-kid-1').getByRole('button').click();
    await page.getByTestId('scr-section-student').waitFor();
    await page.getByTestId('choice-familyStatus').getByLabel('พ่อแม่อยู่ด้วยกัน').check();
    await page.getByTestId('choice-livesWith').getByLabel('พ่อ/แม่').check();
    await page.fill('#scr-g-name', 'นางสมหญิง รักเรียน');
    await page.fill('#scr-g-phone', '0812345678');
    await shot('02-student-phone-th');

    await page.getByTestId('scr-next').click();
    await page.getByTestId('scr-section-members').waitFor();
    // The student is the first member already, from the register.
    await expect.poll(() => page.getByTestId('member-0').locator('#m0-name').inputValue()).toBe('เด็กหญิงดวงใจ รักเรียน');
    for (const [j, m] of MEMBERS.entries()) {
      const i = j + 1;
      await page.getByTestId('member-add').click();
      await page.fill(`#m${i}-name`, m.name);
      await page.fill(`#m${i}-rel`, m.relation);
      await page.fill(`#m${i}-age`, m.age);
      for (const k of ['wages', 'farming', 'welfare'] as const)
        if (m[k as keyof typeof m]) await page.fill(`#m${i}-${k}`, m[k as keyof typeof m]!);
    }
    await expect.poll(() => page.getByTestId('income-per-person').textContent()).toContain('1,700');
    expect(await page.getByTestId('income-line').textContent()).toContain('ไม่เกิน 3,000');
    await page.getByTestId('income-line').scrollIntoViewIfNeeded();
    await shot('03-members-phone-th');
    await expect.poll(() => page.getByTestId('scr-saved').textContent()).toBe('บันทึกในเครื่องแล้ว');

    // The phone sleeps and the page reloads: nothing typed is lost.
    await page.reload();
    await signIn(page, teacher.name, teacher.pin);
    await page.getByTestId('sign-in').waitFor({ state: 'detached', timeout: 60_000 });
    await page.goto(url('screening'));
    await expect
      .poll(() => page.getByTestId('scr-row-scr-kid-1').getByTestId('scr-state').textContent())
      .toBe('ยังไม่ครบ');
    await page.getByTestId('scr-row-scr-kid-1').getByRole('button').click();
    await page.getByTestId('scr-next').click();
    await expect.poll(() => page.locator('#m4-name').inputValue()).toBe('นางบุญมา รักเรียน');
    await expect.poll(() => page.getByTestId('income-per-person').textContent()).toContain('1,700');

    await page.getByTestId('scr-next').click();
    await page.getByTestId('scr-section-household').waitFor();
    await page.getByTestId('choice-floor').getByLabel(/ดิน/).check();
    await page.getByTestId('choice-toilet').getByLabel('ไม่มี').check();
    await page.getByTestId('choice-electricity').getByLabel('ไฟต่อพ่วง/แบตเตอรี่').check();
    await shot('04-household-phone-th');

    await page.getByTestId('scr-next').click();
    await page.getByTestId('scr-section-travel').waitFor();
    await page.getByTestId('choice-travelModes').getByLabel('เดิน', { exact: true }).check();
    await page.fill('#tr-km', '6');
    await shot('05-travel-phone-th');

    await page.getByTestId('scr-next').click();
    await page.getByTestId('scr-section-address').waitFor();
    await page.fill('#gps-lat', '18.812345');
    await page.fill('#gps-lon', '98.954321');
    await shot('06-address-phone-th');

    await page.getByTestId('scr-next').click();
    await page.getByTestId('scr-section-photos').waitFor();
    await page
      .getByTestId('choice-photoSource')
      .getByLabel(/ลงเยี่ยมบ้าน/)
      .check();
    await page
      .getByTestId('photo-outside')
      .getByTestId('photo-take')
      .setInputFiles({ name: 'outside.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(30) });
    await page.getByTestId('photo-outside').getByTestId('photo-date').waitFor({ timeout: 30_000 });
    await page
      .getByTestId('photo-inside')
      .getByTestId('photo-take')
      .setInputFiles({ name: 'inside.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(200) });
    await page.getByTestId('photo-inside').getByTestId('photo-date').waitFor({ timeout: 30_000 });
    await shot('07-photos-phone-th');
    // Compressed on the phone: long side 1600 px, at most ~400 KB.
    const sizes = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const open = indexedDB.open('tabian');
          open.onsuccess = () => {
            const req = open.result.transaction('photos').objectStore('photos').getAll();
            req.onsuccess = () => {
              resolve((req.result as { size: number }[]).map((r) => r.size));
              open.result.close();
            };
          };
        }),
    );
    expect(sizes).toHaveLength(2);
    for (const n of sizes) expect(n).toBeLessThan(450_000);

    await page.getByTestId('scr-next').click();
    await page.getByTestId('scr-section-sign').waitFor();
    await page.getByTestId('consent-pdpa').check();
    await page.getByTestId('sig-name-teacher').fill(teacher.name);
    await draw('teacher');
    await draw('guardian');
    await page.getByTestId('sig-name-official').fill('นางสมศรี ใจดี');
    await page.getByTestId('sig-official').getByLabel('เซ็นในกระดาษแล้วถ่ายภาพ').check();
    await page
      .getByTestId('sig-official')
      .getByTestId('photo-take')
      .setInputFiles({ name: 'paper.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(90) });
    await page.getByTestId('sig-done-official').waitFor({ timeout: 30_000 });
    await shot('08-sign-phone-th');

    await page.getByTestId('scr-next').click();
    await page.getByTestId('scr-section-result').waitFor();
    await page.getByTestId('result-complete').waitFor();
    await shot('09-result-phone-th');

    await page.getByTestId('scr-print').click();
    const sheet = page.getByTestId('print-sheet-scr-kid-1');
    await sheet.waitFor();
    expect(await sheet.getByTestId('print-members').locator('tbody tr').count()).toBe(5);
    expect(await sheet.getByTestId('print-income').textContent()).toContain('1,700');
    expect(await sheet.getByTestId('print-gps').textContent()).toContain('18.812345, 98.954321');
    await expect
      .poll(() =>
        sheet
          .getByTestId('print-photo')
          .evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth === 1600).length),
      )
      .toBe(2);
    for (const who of ['teacher', 'guardian', 'official']) {
      await expect
        .poll(() =>
          sheet
            .getByTestId(`print-sign-${who}`)
            .locator('img')
            .evaluate((i) => (i as HTMLImageElement).naturalWidth),
        )
        .toBeGreaterThan(0);
    }
    expect(await sheet.getByTestId('print-sign-official').textContent()).toContain('นางสมศรี ใจดี');
    await shot('10-print-phone-th');
    await page.getByTestId('print-back').click();
    await page.getByTestId('scr-close').click();
    await expect
      .poll(() => page.getByTestId('scr-row-scr-kid-1').getByTestId('scr-state').textContent())
      .toBe('ครบแล้ว');
    await page.goto(url('home'));
    await expect
      .poll(() => page.getByTestId('screening-left').textContent())
      .toBe('ชั้นของท่าน: ยังไม่เยี่ยม 2 ครัวเรือน · ยังไม่ครบ 0 ครัวเรือน');
    expect(errors).toEqual([]);
  }, 240_000);

  it('looks right in English and on a tablet (screenshots of every section)', async () => {
    for (const locale of ['th', 'en'] as const) {
      for (const size of [
        { name: 'phone', width: 390, height: 844 },
        { name: 'tablet', width: 800, height: 1280 },
      ]) {
        if (locale === 'th' && size.name === 'phone') continue;
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.goto(url('settings'));
        await page.getByTestId(`locale-${locale}`).click();
        await page.goto(url('screening'));
        await page.getByTestId('scr-progress').waitFor();
        await shot(`01-class-${size.name}-${locale}`);
        await page.getByTestId('scr-row-scr-kid-1').getByRole('button').click();
        for (let n = 2; n <= 9; n++) {
          await page.getByTestId('scr-step').waitFor();
          await shot(`0${n}-section-${size.name}-${locale}`);
          if (n < 9) await page.getByTestId('scr-next').click();
        }
        await page.getByTestId('scr-print').click();
        await page.getByTestId('print-sheet-scr-kid-1').waitFor();
        await shot(`10-print-${size.name}-${locale}`);
        await page.getByTestId('print-back').click();
        await page.getByTestId('scr-close').click();
      }
    }
    await context.setOffline(false);
    // The officer's whole-school view: progress, the proposal for the register, the checks.
    await page.getByTestId('lock').click();
    await signIn(page, officer.name, officer.pin);
    await page.getByTestId('sign-in').waitFor({ state: 'detached', timeout: 60_000 });
    await page.goto(url('screening'));
    await page.getByTestId('scr-tab-school').click();
    await page.getByTestId('scr-proposal-scr-kid-1').waitFor();
    // The class's progress: one done, two not visited, of three.
    const row = page.getByTestId('scr-school-table').locator('tbody tr').first();
    expect(await row.locator('td').allTextContents()).toEqual(['1', '0', '2', '0', '3']);
    await shot('11-school-tablet-en');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('11-school-phone-en');
    await page.goto(url('home'));
    await page.getByTestId('screening-deadline').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('screening-left').textContent()).toBe('2 households not visited · 0 not complete');
    await shot('00-home-deadline-phone-en');
    await page.goto(url('settings'));
    await page.getByTestId('locale-th').click();
    await page.goto(url('screening'));
    await page.getByTestId('scr-tab-school').click();
    await page.getByTestId('scr-proposal-scr-kid-1').waitFor();
    expect(await page.getByTestId('scr-school-table').locator('tbody tr').first().locator('th').textContent()).toBe(
      'ป.1/1',
    );
    await shot('11-school-phone-th');
    // The officer confirms: the register now says poor, with the four shortages, and nothing is left to propose.
    await page.getByTestId('scr-accept-scr-kid-1').click();
    await page.getByTestId('scr-no-proposals').waitFor();
    expect(await page.getByTestId('scr-findings').textContent()).toBe('');
    expect(errors).toEqual([]);
  }, 240_000);
});
