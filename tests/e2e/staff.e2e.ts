// Issue 21 on a tablet: a data officer imports the staff roster, records a transfer out on 1 June and a new
// contract teacher on 10 June; the headcount as of 10 June counts the newcomer and not the leaver.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import { setUpSchool } from './pages';
import { rosterTable } from '../../src/domain/staff/roster-sheet';
import { staffSchema } from '../../src/domain/staff/schema';
import { xlsxBytes } from '../../src/io/export/book';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHOTS = '/tmp/shots-h21';
// A school's roster file, written in the roster workbook's layout (Thai headers).
const roster = [
  {
    id: 'x1',
    idNo: '1112034563562',
    prefix: 'นาง',
    firstName: 'มาลี',
    lastName: 'ศรีสุข',
    sex: 'F',
    personnelType: 'civil-teacher',
    standing: 'k2',
    startedAtSchoolOn: '2015-05-16',
    classesTaught: ['ป.4'],
  },
  {
    id: 'x2',
    prefix: 'นาย',
    firstName: 'ปรีชา',
    lastName: 'ย้ายไกล',
    sex: 'M',
    personnelType: 'civil-teacher',
    standing: 'k3',
    startedAtSchoolOn: '2018-05-16',
    classesTaught: ['ป.5'],
  },
  {
    id: 'x3',
    prefix: 'นาย',
    firstName: 'สมศักดิ์',
    lastName: 'ใจดี',
    sex: 'M',
    personnelType: 'administrator',
    position: 'director',
    standing: 'k3',
    startedAtSchoolOn: '2020-10-01',
  },
].map((r) => staffSchema.parse(r));
const file = Buffer.from(xlsxBytes([{ name: 'บุคลากร', rows: rosterTable(roster, 'th', { contact: true }) }]));
// A district's list in a layout of its own (unknown headers), and an EMIS-style list (the built-in preset).
const ownLayout = Buffer.from(
  xlsxBytes([
    {
      name: 'รายชื่อ',
      rows: [
        ['รหัส', 'ครู', 'สังกัดงาน', 'ชาย/หญิง'],
        ['3100600223349', 'นายวิชัย ขยันสอน', 'ข้าราชการครู', 'ชาย'],
        ['3100600223357', 'นางสาวแก้ว ใจงาม', 'ครูอัตราจ้าง', 'หญิง'],
      ],
    },
  ]),
);
const emisList = Buffer.from(
  xlsxBytes([
    {
      name: 'EMIS',
      rows: [
        ['ข้อมูลครูและบุคลากร ณ วันที่ 10 มิถุนายน 2569'],
        ['ลำดับ', 'ชื่อ-สกุล', 'ตำแหน่ง-วิทยฐานะ', 'เพศ'],
        [1, 'นางมาลี ศรีสุข', 'ครู ชำนาญการ', 'หญิง'],
      ],
    },
  ]),
);

describe('the staff roster on a tablet', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launch();
    context = await newTabletContext(browser);
    page = await context.newPage();
    errors = watchErrors(page);
    await page.clock.setFixedTime(new Date('2026-06-12T10:00:00+07:00'));
    await page.goto(inject('baseURL'));
    await setUpSchool(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports the roster from a spreadsheet', async () => {
    await page.goto(`${inject('baseURL')}#/staff`);
    await page.getByTestId('staff-import-open').click();
    await page
      .getByTestId('staff-import-file')
      .setInputFiles({ name: 'บุคลากร.xlsx', mimeType: XLSX_TYPE, buffer: file });
    await expect
      .poll(() => page.getByTestId('staff-import-preview').textContent(), { timeout: 30_000 })
      .toContain('เพิ่มใหม่ 3 คน');
    await page.getByTestId('staff-import-confirm').click();
    await expect.poll(() => page.getByTestId('staff-count').textContent(), { timeout: 10_000 }).toContain('3 คน');
  }, 60_000);

  it('records a transfer out on 1 June', async () => {
    await page.getByTestId('staff-row').filter({ hasText: 'ปรีชา' }).click();
    await page.selectOption('#sm-kind', 'move-out');
    await page.fill('#sm-on', '01/06/2569');
    await page.fill('#sm-school', 'โรงเรียนบ้านนา');
    await page.getByTestId('sm-save').click();
    await expect.poll(() => page.getByTestId('staff-moves').textContent(), { timeout: 10_000 }).toContain('ย้ายออก');
    await page.screenshot({ path: `${SHOTS}/person-tablet-th.png`, fullPage: true });
    await page.getByRole('button', { name: 'ยกเลิก', exact: true }).click();
    // Someone who moved out leaves the "working here" list.
    await expect.poll(() => page.getByTestId('staff-count').textContent(), { timeout: 10_000 }).toContain('2 คน');
  });

  it('adds a new contract teacher who starts on 10 June', async () => {
    await page.getByTestId('staff-add').click();
    await page.fill('#sf-id', '1101700230708');
    await page.fill('#sf-prefix', 'นางสาว');
    await page.fill('#sf-first', 'สายใจ');
    await page.fill('#sf-last', 'มาใหม่');
    await page.selectOption('#sf-sex', 'F');
    await page.selectOption('#sf-type', 'contract-teacher');
    await page.fill('#sf-start', '10/06/2569');
    await page.fill('#sf-classes', 'ป.1, ป.2');
    await page.selectOption('#sf-funding', 'school-income');
    await page.getByTestId('sf-save').click();
    await expect.poll(() => page.getByTestId('staff-notice').textContent(), { timeout: 10_000 }).toContain('สายใจ');
    // Contract staff with their funding given: nothing to check on her line.
    await expect(page.getByTestId('staff-row').filter({ hasText: 'สายใจ' }).textContent()).resolves.not.toContain(
      'ต้องตรวจ',
    );
    await page.screenshot({ path: `${SHOTS}/roster-tablet-th.png`, fullPage: true });
  });

  it('counts the newcomer and not the leaver as of 10 June', async () => {
    await page.getByTestId('tab-headcount').click();
    await expect
      .poll(() => page.getByTestId('staff-headcount').textContent(), { timeout: 10_000 })
      .toContain('10 มิถุนายน 2569');
    await expect.poll(() => page.getByTestId('hc-total').textContent(), { timeout: 10_000 }).toBe('3');
    const row = (key: string) => page.locator(`[data-key="${key}"] td:last-child`).textContent();
    await expect(row('temporary-employee')).resolves.toBe('1');
    await expect(row('teacher.k3')).resolves.toBe('0');
    await expect(row('teacher.k2')).resolves.toBe('1');
    await expect(row('director.k3')).resolves.toBe('1');
    await page.screenshot({ path: `${SHOTS}/headcount-tablet-th.png`, fullPage: true });
    // The day before 10 June the newcomer is not counted yet; the day before 1 June the leaver still is.
    await page.fill('#hc-asof', '09/06/2569');
    await expect.poll(() => row('temporary-employee'), { timeout: 10_000 }).toBe('0');
    await expect(row('teacher.k3')).resolves.toBe('0');
    await page.fill('#hc-asof', '31/05/2569');
    await expect.poll(() => row('teacher.k3'), { timeout: 10_000 }).toBe('1');
    await expect(page.getByTestId('hc-total').textContent()).resolves.toBe('3');
    expect(errors).toEqual([]);
  });

  it('shows the screens on a phone and in English', async () => {
    await page.getByTestId('tab-technology').click();
    await page.getByTestId('tech-form').waitFor();
    await page.fill('[data-testid="tech-teaching-obec-working"]', '20');
    await page.getByTestId('tech-add-connection').click();
    await page.getByTestId('tech-save').click();
    await expect.poll(() => page.getByTestId('tech-total').textContent(), { timeout: 10_000 }).toContain('20');
    await page.getByTestId('tech-saved').waitFor();
    await page.screenshot({ path: `${SHOTS}/technology-tablet-th.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    for (const tab of ['roster', 'headcount', 'technology']) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SHOTS}/${tab}-phone-th.png`, fullPage: true });
    }
    await page.goto(`${inject('baseURL')}#/settings`);
    await page.getByTestId('locale-en').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    await page.goto(`${inject('baseURL')}#/staff`);
    for (const [w, h, name] of [
      [390, 844, 'phone'],
      [800, 1280, 'tablet'],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const tab of ['roster', 'headcount', 'technology']) {
        await page.getByTestId(`tab-${tab}`).click();
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${SHOTS}/${tab}-${name}-en.png`, fullPage: true });
      }
    }
    expect(errors).toEqual([]);
  }, 90_000);

  it('imports a list in a layout of its own through the column screen, keeps the columns, and reads an EMIS list at once', async () => {
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.goto(`${inject('baseURL')}#/settings`);
    await page.getByTestId('locale-th').click();
    await page.goto(`${inject('baseURL')}#/staff`);
    await page.getByTestId('staff-import-open').click();
    await page
      .getByTestId('staff-import-file')
      .setInputFiles({ name: 'รายชื่อ.xlsx', mimeType: XLSX_TYPE, buffer: ownLayout });
    const form = page.getByTestId('mapping-form');
    await form.waitFor({ timeout: 30_000 });
    await expect(form.textContent()).resolves.toContain('นายวิชัย ขยันสอน');
    // Nothing can be read until a name or an ID column is chosen.
    await expect(page.getByTestId('mapping-continue').isDisabled()).resolves.toBe(true);
    await page.selectOption('[data-testid="map-A"]', 'idNo');
    await page.selectOption('[data-testid="map-B"]', 'fullName');
    await page.selectOption('[data-testid="map-C"]', 'personnelType');
    await page.selectOption('[data-testid="map-D"]', 'sex');
    await page.getByTestId('keep-preset').check();
    await page.fill('[data-testid="preset-name"]', 'รายชื่อจากเขต');
    await page.screenshot({ path: `${SHOTS}/import-mapping-tablet-th.png`, fullPage: true });
    await page.getByTestId('mapping-continue').click();
    const preview = page.getByTestId('staff-import-preview');
    await expect.poll(() => preview.textContent(), { timeout: 30_000 }).toContain('เพิ่มใหม่ 2 คน');
    // The roster's checks before anything is written: the contract teacher has no funding.
    await expect(preview.getByTestId('staff-import-findings').textContent()).resolves.toContain('ต้องแก้ 0 รายการ');
    await expect(preview.textContent()).resolves.toContain('แก้ว ใจงาม: ครูอัตราจ้างและลูกจ้างชั่วคราวต้องระบุแหล่งงบประมาณที่จ้าง');
    await page.screenshot({ path: `${SHOTS}/import-preview-tablet-th.png`, fullPage: true });
    await page.getByTestId('staff-import-confirm').click();
    await expect
      .poll(() => page.getByTestId('staff-notice').textContent(), { timeout: 10_000 })
      .toContain('นำเข้าแล้ว 2 คน');
    await expect(page.getByTestId('staff-row').filter({ hasText: 'วิชัย' }).textContent()).resolves.toContain(
      'ข้าราชการครู',
    );

    // The same layout again: the kept columns, straight to the preview, updating the same two people.
    await page
      .getByTestId('staff-import-file')
      .setInputFiles({ name: 'รายชื่อ.xlsx', mimeType: XLSX_TYPE, buffer: ownLayout });
    await expect.poll(() => preview.textContent(), { timeout: 30_000 }).toContain('ปรับข้อมูล 2 คน');
    await expect(preview.getByTestId('staff-preset-used').textContent()).resolves.toContain('รายชื่อจากเขต');
    // An EMIS-style list: its name and position-with-standing cells read at once.
    await page
      .getByTestId('staff-import-file')
      .setInputFiles({ name: 'emis.xlsx', mimeType: XLSX_TYPE, buffer: emisList });
    await expect.poll(() => preview.textContent(), { timeout: 30_000 }).toContain('ใช้รูปแบบที่บันทึกไว้: EMIS');
    await expect(preview.textContent()).resolves.toContain('พบ 1 คน');
    expect(errors).toEqual([]);
  }, 120_000);
});
