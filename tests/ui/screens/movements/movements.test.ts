import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import MovementsPlace from '../../../../src/ui/screens/movements/MovementsPlace.svelte';
import { appDb } from '../../../../src/db/database';
import { getStudent } from '../../../../src/db/student-repo';
import { listMovements } from '../../../../src/db/movement-repo';
import { session } from '../../../../src/ui/state/session.svelte';
import { aUser, freshDb, seed, type } from '../confirm/school';

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 6, 1, 9, 0)); // 1 July 2026
  await freshDb();
  await seed();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function pickStudent(name: string) {
  await type(await screen.findByLabelText('ค้นหานักเรียน'), name);
  await fireEvent.click(await screen.findByRole('button', { name: new RegExp(name) }));
}

describe('movements screen', () => {
  it('records a transfer out, shows it with who recorded it, and reverses it after asking', async () => {
    session.signIn(await aUser('u1', 'officer'));
    render(MovementsPlace);
    await fireEvent.click(await screen.findByTestId('kind-transfer-out'));
    await pickStudent('มาลี');
    await type(screen.getByLabelText('ย้ายไปโรงเรียน'), 'โรงเรียนบ้านนา');
    await fireEvent.click(screen.getByTestId('save-movement'));
    expect(await screen.findByText('กรุณากรอกเหตุผล')).toBeInTheDocument();
    expect(await listMovements(appDb())).toEqual([]);

    await type(screen.getByLabelText('เหตุผล'), 'ย้ายตามผู้ปกครอง');
    await fireEvent.click(screen.getByTestId('save-movement'));
    expect(await screen.findByTestId('movement-notice')).toHaveTextContent('บันทึกการเคลื่อนย้ายของ มาลี ใจดี แล้ว');
    const item = await screen.findByTestId('movement-s1');
    expect(item).toHaveTextContent('ย้ายออก · เด็กหญิงมาลี ใจดี');
    expect(item).toHaveTextContent('มีผล 1 ก.ค. 2569 · โรงเรียนบ้านนา · ย้ายตามผู้ปกครอง');
    expect(item).toHaveTextContent('บันทึกโดย นายสมปอง');
    expect((await getStudent(appDb(), 's1'))?.status).toBe('transferred-out');

    await fireEvent.click(within(item).getByRole('button', { name: 'ยกเลิกรายการนี้' }));
    expect(item).toHaveTextContent('ยกเลิกรายการนี้ใช่ไหม?');
    await type(within(item).getByLabelText('เหตุผลที่ยกเลิก'), 'บันทึกผิดคน');
    await fireEvent.click(within(item).getByTestId('confirm-reverse'));
    await vi.waitFor(async () => expect((await getStudent(appDb(), 's1'))?.status).toBe('active'));
    expect(await screen.findByText(/ยกเลิกแล้วโดย นายสมปอง .*: บันทึกผิดคน/)).toBeInTheDocument();
    // The "saved" banner described the movement just reversed: it goes with it.
    expect(screen.queryByTestId('movement-notice')).toBeNull();
  });

  it('asks for the district office consultation before a dropout', async () => {
    session.signIn(await aUser('u1', 'officer'));
    render(MovementsPlace);
    await fireEvent.click(await screen.findByTestId('kind-dropout'));
    await pickStudent('มานะ');
    await fireEvent.change(screen.getByLabelText('สาเหตุที่ออกกลางคัน'), { target: { value: 'ฐานะยากจน' } });
    await fireEvent.click(screen.getByTestId('save-movement'));
    expect(await screen.findByText('ต้องปรึกษาสำนักงานเขตพื้นที่ก่อน แล้วกรอกวันที่ปรึกษา')).toBeInTheDocument();
    await type(screen.getByLabelText('วันที่ปรึกษาสำนักงานเขตพื้นที่แล้ว'), '25/06/2569');
    await fireEvent.click(screen.getByTestId('save-movement'));
    await screen.findByTestId('movement-notice');
    expect((await listMovements(appDb()))[0]).toMatchObject({
      kind: 'dropout',
      cause: 'dropout',
      districtConsultedOn: '2026-06-25',
      reason: 'ฐานะยากจน',
    });
  });

  it('sends an arrival after the year-end as-of date to the incoming list, and says why', async () => {
    vi.setSystemTime(new Date(2027, 3, 5, 9, 0)); // 5 April 2027: the year-end round of 2569
    session.signIn(await aUser('u1', 'officer'));
    render(MovementsPlace);
    await fireEvent.click(await screen.findByTestId('kind-transfer-in'));
    await type(screen.getByLabelText('ชื่อ'), 'ต้นกล้า');
    await fireEvent.change(screen.getByLabelText('ชั้น'), { target: { value: '04' } });
    await type(screen.getByLabelText('ห้อง'), '1');
    await type(screen.getByLabelText('ย้ายมาจากโรงเรียน'), 'โรงเรียนวัดดอน');
    await type(screen.getByLabelText('เหตุผล'), 'ย้ายตามผู้ปกครอง');
    await fireEvent.click(screen.getByTestId('save-movement'));
    expect(await screen.findByText(/เป็นนักเรียนของปีการศึกษาหน้า/)).toBeInTheDocument();
    expect(await listMovements(appDb())).toEqual([]);
  });

  it('is read-only for a teacher', async () => {
    session.signIn(await aUser('t1', 'teacher'));
    render(MovementsPlace);
    expect(await screen.findByText(/ดูได้อย่างเดียว/)).toBeInTheDocument();
    expect(screen.queryByTestId('kind-transfer-in')).toBeNull();
  });
});
