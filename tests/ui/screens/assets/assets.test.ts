import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import AssetsPlace from '../../../../src/ui/screens/assets/AssetsPlace.svelte';
import { appDb } from '../../../../src/db/database';
import { listBuildings, saveBuilding } from '../../../../src/db/asset-repo';
import { getSurvey } from '../../../../src/db/asset-survey-repo';
import { buildingSchema } from '../../../../src/domain/assets/schema';
import { blankSurvey } from '../../../../src/domain/assets/round';
import { session } from '../../../../src/ui/state/session.svelte';
import { aUser, freshDb, seed, tapPin, type } from '../confirm/school';

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 11, 7, 9, 0)); // 7 December 2026: academic year 2569
  await freshDb();
  await seed();
  for (const [i, kind] of ['b01', 'b01', 'b05'].entries()) {
    await saveBuilding(
      appDb(),
      2568,
      buildingSchema.parse({
        id: `b${i}`,
        kind,
        name: `อาคาร ${i + 1}`,
        roomsActual: 2,
        condition: 'good',
        photos: { front: { id: 'p', takenOn: '2025-10-01' } },
      }),
    );
  }
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the assets place', () => {
  it('carries last year over, wants a note for a downgrade, adds a building, and is confirmed and certified', async () => {
    session.signIn(await aUser('u1', 'officer'));
    await aUser('d1', 'director', '753102');
    render(AssetsPlace);
    const list = await screen.findByTestId('building-list');
    expect(within(list).getAllByRole('button')).toHaveLength(3);
    expect(screen.getByText(/ยกมาจากการสำรวจปี 2568/)).toBeInTheDocument();
    expect(within(list).getAllByTestId('problem-photos.old')).toHaveLength(3);

    await fireEvent.click(screen.getByTestId('building-อาคาร 1'));
    await fireEvent.click(await screen.findByTestId('condition-poor'));
    await fireEvent.click(screen.getByTestId('building-save'));
    expect(await screen.findByText('สภาพเปลี่ยนจากปีที่แล้ว: กรุณาบันทึกเหตุผลในหมายเหตุ')).toBeInTheDocument();
    await type(screen.getByLabelText('หมายเหตุ'), 'หลังคารั่ว ผนังร้าว');
    await fireEvent.click(screen.getByTestId('building-save'));
    expect(await screen.findByTestId('assets-saved')).toHaveTextContent('บันทึกอาคารแล้ว');

    await fireEvent.click(screen.getByTestId('building-add'));
    await type(await screen.findByLabelText('ชื่อเรียก'), 'อาคารเรียนใหม่');
    await type(screen.getByLabelText('ก่อสร้างเมื่อปี พ.ศ.'), '2026');
    await fireEvent.click(screen.getByTestId('building-save'));
    expect(await screen.findByText('กรอกปีเป็น พ.ศ. เช่น 2527')).toBeInTheDocument();
    await type(screen.getByLabelText('ก่อสร้างเมื่อปี พ.ศ.'), '2569');
    await fireEvent.click(screen.getByTestId('building-save'));
    expect(await screen.findByTestId('building-อาคารเรียนใหม่')).toHaveTextContent('เพิ่มใหม่ปีนี้');

    expect((await listBuildings(appDb(), 2568)).find((b) => b.id === 'b0')!.condition).toBe('good');
    expect((await listBuildings(appDb(), 2569)).find((b) => b.id === 'b0')).toMatchObject({
      condition: 'poor',
      note: 'หลังคารั่ว ผนังร้าว',
    });

    await fireEvent.click(screen.getByTestId('confirm-buildings'));
    await fireEvent.click(await screen.findByTestId('certify-buildings'));
    await tapPin('753102');
    expect(await screen.findByTestId('certified-buildings', {}, { timeout: 10_000 })).toHaveTextContent(
      'รับรองแล้วโดย นางสมศรี',
    );
    expect((await getSurvey(appDb(), blankSurvey('buildings', 2569, '2026-10-30'))).certification).toMatchObject({
      userId: 'd1',
    });
    expect(screen.queryByTestId('building-add')).toBeNull();
  }, 60_000);

  it('states the classroom rule and counts equipment against the last count', async () => {
    session.signIn(await aUser('u1', 'officer'));
    render(AssetsPlace);
    await fireEvent.click(await screen.findByTestId('tab-classrooms'));
    expect(screen.getByTestId('classroom-rule')).toHaveTextContent('ห้องละไม่เกิน 40 คน (อนุบาล 30 คน)');
    // ป.1/1 and ป.6/1 need a room each; two classroom buildings of 2 actual rooms give 4.
    expect(screen.getByTestId('classroom-shortage')).toHaveTextContent('ห้องเรียนเพียงพอ');

    await fireEvent.click(screen.getByTestId('tab-equipment'));
    await type(await screen.findByLabelText('โต๊ะเก้าอี้นักเรียนประถมศึกษา: ใช้งานได้'), '120');
    await type(screen.getByLabelText('โต๊ะเก้าอี้นักเรียนประถมศึกษา: รอซ่อม'), '๖');
    await type(screen.getByTestId('equipment-new'), 'เครื่องตัดหญ้า');
    await fireEvent.click(screen.getByTestId('equipment-add'));
    await type(await screen.findByLabelText('เครื่องตัดหญ้า: ใช้งานได้'), '2');
    await fireEvent.click(screen.getByTestId('equipment-save'));
    expect(await screen.findByTestId('assets-saved')).toHaveTextContent('บันทึกการนับแล้ว');
    expect(await screen.findByTestId('equipment-changes')).toHaveTextContent('เปลี่ยนจากการนับครั้งก่อน 3 รายการ');
    expect(screen.getByTestId('equipment-changes')).toHaveTextContent('เครื่องตัดหญ้า · ใช้งานได้: 0 → 2');
  }, 60_000);
});
