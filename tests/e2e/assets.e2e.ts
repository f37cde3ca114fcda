// Issue 22 on a tablet: last year's buildings carried over, five updated (one downgraded to ทรุดโทรม with a
// note), one added, the equipment counted, both confirmed and certified with the director's PIN, offline.
// Screenshots of each screen at tablet and phone size, Thai and English, go to /tmp/shots-h22/.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { handOverByDownload, launch, newTabletContext, watchErrors } from './browser';
import { enrolThroughForm, seedStores, setUpSchool, waitForOfflineReady } from './pages';
import { citizenId } from '../factories/students';

const SHOTS = '/tmp/shots-h22';
const director = { name: 'นางสมศรี ใจดี', pin: '753102' };
const lastYear = ['อาคาร 1', 'อาคาร 2', 'ส้วมนักเรียน', 'โรงอาหาร', 'บ้านพักครู'].map((name, i) => ({
  key: `2568/b${i}`,
  year: 2568,
  updatedAt: '2025-10-20T03:00:00.000Z',
  building: {
    schemaVersion: 1,
    id: `b${i}`,
    kind: ['b01', 'b01', 'b05', 'b02', 'b04'][i],
    design: i < 2 ? 'สปช. 105/29' : '',
    name,
    roomsByDesign: i < 2 ? 4 : null,
    roomsActual: i < 2 ? 4 : null,
    specialRooms: null,
    floors: 2,
    builtYearBE: 2530 + i,
    budgetBaht: 1_200_000,
    budgetSource: 'งบประมาณจากต้นสังกัด',
    condition: 'good',
    inUse: true,
    note: '',
    photos: {},
    removedOn: null,
  },
}));

describe('the land, buildings and equipment survey on a tablet', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const url = (place = '') => `${inject('baseURL')}${place ? `#/${place}` : ''}`;
  const tap = async (pin: string) => {
    for (const d of pin) await page.getByRole('button', { name: d, exact: true }).click();
    await page.getByTestId('pin-ok').click();
  };
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launch();
    context = await newTabletContext(browser);
    await handOverByDownload(context);
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('walks the campus offline: five buildings updated, one added, equipment counted, both certified', async () => {
    await page.clock.setFixedTime(new Date('2026-12-07T09:00:00+07:00'));
    await page.goto(url());
    await setUpSchool(page);
    await page.goto(url('settings'));
    await page.getByTestId('add-user').click();
    await page.fill('#user-name', director.name);
    await page.getByLabel(/ผู้อำนวยการ/).check();
    await page.fill('#user-pin', director.pin);
    await page.fill('#user-pin2', director.pin);
    await page.getByTestId('create-user').click();
    await page.getByText(`บันทึกผู้ใช้งาน ${director.name} แล้ว`).waitFor();
    const kid = { prefix: 'เด็กชาย', first: 'ก้องภพ', last: 'ใจดี', birth: '14/02/2562', grade: '04' };
    await enrolThroughForm(page, inject('baseURL'), kid, citizenId(901), true);
    await seedStores(page, { buildings: lastYear });
    await waitForOfflineReady(page);
    await context.setOffline(true);

    await page.goto(url('assets'));
    const list = page.getByTestId('building-list');
    await expect.poll(() => list.getByRole('button').count(), { timeout: 30_000 }).toBe(5);
    await expect.poll(() => page.getByTestId('assets-year').textContent()).toContain('2569');
    await shot('buildings-tablet-th');

    // Five buildings walked: the first downgraded with a note, the others with their rooms or notes brought up to date.
    await page.getByTestId('building-อาคาร 1').click();
    await page.getByTestId('condition-poor').check();
    await page.getByTestId('building-save').click();
    await page.getByText('สภาพเปลี่ยนจากปีที่แล้ว: กรุณาบันทึกเหตุผลในหมายเหตุ').first().waitFor();
    await page.fill('#b-note', 'หลังคารั่ว ผนังร้าว รอซ่อม');
    await shot('building-form-tablet-th');
    await page.getByTestId('building-save').click();
    await expect.poll(() => page.getByTestId('assets-saved').textContent()).toContain('บันทึกอาคารแล้ว');
    // A picture as the camera would give it: a JPEG drawn in the page.
    const jpeg = Buffer.from(
      await page.evaluate(async () => {
        const c = new OffscreenCanvas(1200, 900);
        const g = c.getContext('2d')!;
        g.fillStyle = '#c96';
        g.fillRect(0, 0, 1200, 900);
        g.fillStyle = '#345';
        g.fillRect(200, 300, 800, 500);
        return [...new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer())];
      }),
    );
    for (const [name, rooms] of [
      ['อาคาร 2', '3'],
      ['ส้วมนักเรียน', '6'],
      ['โรงอาหาร', '1'],
      ['บ้านพักครู', '2'],
    ] as const) {
      await page.getByTestId(`building-${name}`).click();
      await page.fill('#b-rooms-actual', rooms);
      if (name === 'อาคาร 2' || name === 'ส้วมนักเรียน') {
        for (const slot of ['front', 'back']) {
          await page
            .getByTestId(`photo-${slot}`)
            .getByTestId('photo-choose')
            .setInputFiles({ name: `${slot}.jpg`, mimeType: 'image/jpeg', buffer: jpeg });
          await expect
            .poll(() => page.getByTestId(`photo-${slot}`).getByTestId('photo-date').textContent(), { timeout: 30_000 })
            .toContain('2569');
        }
        if (name === 'อาคาร 2') await shot('building-photos-tablet-th');
      }
      await page.fill('#b-note', 'ตรวจแล้ว ธ.ค. 2569');
      await page.getByTestId('building-save').click();
      const photographed = name === 'อาคาร 2' || name === 'ส้วมนักเรียน';
      await expect
        .poll(() => page.getByTestId(`building-${name}`).textContent())
        .toContain(photographed ? 'แก้ไข 3 รายการ' : 'แก้ไข 2 รายการ');
      expect(await page.getByTestId(`building-${name}`).getByTestId('problem-photos.missing').count()).toBe(
        photographed ? 0 : 1,
      );
    }
    await page.getByTestId('building-add').click();
    await page.selectOption('#b-kind', 'b06');
    await page.fill('#b-name', 'ห้องสมุดใหม่');
    await page.fill('#b-design', 'แบบ สพฐ. ห้องสมุด');
    await page.fill('#b-floors', '1');
    await page.fill('#b-year', '2569');
    await page.getByTestId('condition-good').check();
    await page.getByTestId('building-save').click();
    await expect.poll(() => page.getByTestId('building-ห้องสมุดใหม่').textContent()).toContain('เพิ่มใหม่ปีนี้');
    await expect.poll(() => page.getByTestId('building-อาคาร 1').textContent()).toContain('ทรุดโทรม');

    await page.getByTestId('tab-site').click();
    await page.selectOption('#s-land', 'royal-property');
    await page.fill('#s-doc', 'ชม. 1234');
    await page.fill('#s-rai', '5');
    await page.fill('#s-ngan', '2');
    await page.fill('#s-wa', '40');
    await page.fill('#s-power', 'การไฟฟ้าส่วนภูมิภาค');
    await page.fill('#gps-lat', '18.788300');
    await page.fill('#gps-lon', '98.985300');
    await page.getByTestId('site-save').click();
    await expect.poll(() => page.getByTestId('assets-saved').textContent()).toContain('บันทึกข้อมูลโรงเรียนแล้ว');
    await shot('site-tablet-th');

    await page.getByTestId('tab-classrooms').click();
    await expect.poll(() => page.getByTestId('classroom-rule').textContent()).toContain('ห้องละไม่เกิน 40 คน');
    await shot('classrooms-tablet-th');

    await page.getByTestId('tab-equipment').click();
    await page.getByLabel('โต๊ะเก้าอี้นักเรียนประถมศึกษา: ใช้งานได้').fill('120');
    await page.getByLabel('โต๊ะเก้าอี้นักเรียนประถมศึกษา: รอซ่อม').fill('6');
    await page.getByLabel('ไมโครคอมพิวเตอร์ (ใช้ในการเรียนการสอน): ใช้งานได้').fill('10');
    await page.getByTestId('equipment-new').fill('เครื่องตัดหญ้า');
    await page.getByTestId('equipment-add').click();
    await page.getByLabel('เครื่องตัดหญ้า: ใช้งานได้').fill('2');
    // Every count box is a tablet-sized target.
    const box = await page.getByLabel('เครื่องตัดหญ้า: ใช้งานได้').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await page.getByTestId('equipment-save').click();
    await expect
      .poll(() => page.getByTestId('equipment-changes').textContent())
      .toContain('เครื่องตัดหญ้า · ใช้งานได้: 0 → 2');
    await page.getByTestId('confirm-equipment').click();
    await page.getByTestId('certify-equipment').click();
    await tap(director.pin);
    await expect
      .poll(() => page.getByTestId('certified-equipment').textContent(), { timeout: 30_000 })
      .toContain(director.name);
    await shot('equipment-tablet-th');

    await page.getByTestId('tab-buildings').click();
    await page.getByTestId('confirm-buildings').click();
    await page.getByTestId('certify-buildings').click();
    await tap(director.pin);
    await expect
      .poll(() => page.getByTestId('certified-buildings').textContent(), { timeout: 30_000 })
      .toContain(director.name);
    await expect.poll(() => page.getByTestId('building-add').count()).toBe(0);
    await shot('certified-tablet-th');
    expect(errors).toEqual([]);
  }, 300_000);

  it('looks right on a phone and in English', async () => {
    await context.setOffline(false);
    for (const [size, viewport] of [
      ['tablet', { width: 800, height: 1280 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(viewport);
      for (const locale of ['th', 'en'] as const) {
        await page.goto(url('settings'));
        await page.getByTestId(`locale-${locale}`).click();
        await page.goto(url('assets'));
        await page.getByTestId('tab-buildings').click();
        await page.getByTestId('building-list').waitFor();
        await shot(`buildings-${size}-${locale}`);
        for (const tab of ['site', 'classrooms', 'equipment'] as const) {
          await page.getByTestId(`tab-${tab}`).click();
          await page.waitForTimeout(300);
          await shot(`${tab}-${size}-${locale}`);
          await page.screenshot({ path: `${SHOTS}/${tab}-${size}-${locale}-screen.png` });
        }
      }
    }
    expect(errors).toEqual([]);
  }, 300_000);
});
