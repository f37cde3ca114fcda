import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import ConfirmPlace from '../../../../src/ui/screens/confirm/ConfirmPlace.svelte';
import Home from '../../../../src/ui/screens/home/Home.svelte';
import { appDb } from '../../../../src/db/database';
import { getRound } from '../../../../src/db/round-repo';
import { getUser } from '../../../../src/db/user-repo';
import { saveStudent } from '../../../../src/db/student-repo';
import { schoolPlaces } from '../../../../src/ui/state/router.svelte';
import { session } from '../../../../src/ui/state/session.svelte';
import { fixturesByVersion } from '../../../db/fixtures';
import { aStudent } from '../../../factories/students';
import { aUser, freshDb, pupils, seed, tapPin } from './school';

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 5, 8, 9, 0)); // 8 June 2026: term 1 of 2569 is open
  await freshDb();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function checkRooms() {
  await fireEvent.click(await screen.findByTestId('attendance-04-1'));
  await fireEvent.click(screen.getByTestId('mark-s2'));
  expect(await screen.findByText('บันทึกแล้ว: มา 1 คน ไม่มา 1 คน')).toBeInTheDocument();
  await fireEvent.click(screen.getByTestId('attendance-done'));
  await fireEvent.click(await screen.findByTestId('attendance-09-1'));
  await fireEvent.click(screen.getByTestId('all-present'));
  await fireEvent.click(screen.getByTestId('attendance-done'));
  await vi.waitFor(() => expect(screen.getByTestId('check-attendance')).toHaveTextContent('เช็กชื่อครบทั้ง 2 ห้องแล้ว'));
}

describe('confirm and certify', () => {
  it('confirms once every room is checked, then the director certifies with a PIN that counts towards the lock-out', async () => {
    await seed();
    await aUser('d1', 'director', '7531');
    session.signIn(await aUser('u1', 'officer'));
    render(ConfirmPlace);
    expect(await screen.findByTestId('confirm-asof')).toHaveTextContent('ข้อมูล ณ วันที่ 10 มิถุนายน 2569 · นับได้ 3 คน');
    expect(screen.getByTestId('check-attendance')).toHaveTextContent('ยังไม่ได้เช็กชื่อ 2 จาก 2 ห้อง');
    expect(screen.getByTestId('confirm-round')).toBeDisabled();
    expect(screen.getByTestId('blocker-checklist')).toBeInTheDocument();

    await checkRooms();
    await fireEvent.click(screen.getByTestId('confirm-round'));
    await vi.waitFor(() => expect(screen.getByTestId('confirm-state')).toHaveTextContent('นายสมปอง (เจ้าหน้าที่ข้อมูล)'));

    await fireEvent.click(screen.getByTestId('open-certify'));
    await tapPin('1111');
    expect(await screen.findByTestId('certify-message')).toHaveTextContent('เหลืออีก 4 ครั้ง');
    expect((await getUser(appDb(), 'd1'))?.failedAttempts).toBe(1);
    await tapPin('7531');
    await vi.waitFor(() => expect(screen.getByTestId('certify-state')).toHaveTextContent('นางสมศรี (ผู้อำนวยการ)'));
    const round = await getRound(appDb(), 2569, 'term1');
    expect(round.certification).toMatchObject({ userId: 'd1', role: 'director', asOf: '2026-06-10' });
    expect(round.certification!.snapshot.map((r) => r.id)).toEqual(['s1', 's2', 's3']);
    expect((await getUser(appDb(), 'd1'))?.failedAttempts).toBe(0);
  }, 20_000);

  it('keeps what was certified and shows what changed since', async () => {
    await seed();
    await aUser('d1', 'director', '7531');
    session.signIn(await aUser('u1', 'officer'));
    render(ConfirmPlace);
    await checkRooms();
    await fireEvent.click(screen.getByTestId('confirm-round'));
    await fireEvent.click(await screen.findByTestId('open-certify'));
    await tapPin('7531');
    await screen.findByText('สิ่งที่เปลี่ยนไปหลังการรับรอง (ข้อมูลที่รับรองแล้วไม่เปลี่ยน)');
    cleanup();
    await saveStudent(appDb(), { ...pupils()[0]!, firstName: 'มาลิน', room: '2' }, session.actor());
    render(ConfirmPlace);
    expect(await screen.findByTestId('snapshot-diff')).toHaveTextContent('เด็กหญิงมาลิน ใจดี: ชื่อ มาลี → มาลิน, ห้อง 1 → 2');
    expect((await getRound(appDb(), 2569, 'term1')).certification!.snapshot.find((r) => r.id === 's1')?.firstName).toBe(
      'มาลี',
    );
  }, 20_000);

  it('blocks confirmation while an error is left, and lets no teacher confirm', async () => {
    await seed([...pupils(), aStudent('s4', { firstName: '' })]);
    session.signIn(await aUser('t1', 'teacher'));
    render(ConfirmPlace);
    expect(await screen.findByTestId('check-errors')).toHaveTextContent('ยังมีข้อผิดพลาด 1 รายการ');
    expect(screen.getByTestId('blocker-not-allowed')).toBeInTheDocument();
    // A teacher checks only their own room.
    expect(screen.getByTestId('attendance-09-1')).toBeDisabled();
    expect(screen.getByTestId('attendance-04-1')).toBeEnabled();
  });

  it('puts what remains to do on the home screen', async () => {
    await seed();
    session.signIn(await aUser('u1', 'officer'));
    render(Home, { profile: fixturesByVersion[1]!.profile, places: schoolPlaces, onpick: vi.fn() });
    const todo = await screen.findByTestId('round-todo');
    await vi.waitFor(() => expect(todo).toHaveTextContent('สิ่งที่ต้องทำ: ภาคเรียนที่ 1 ปีการศึกษา 2569'));
    expect(screen.getByTestId('todo-attendance')).toHaveTextContent('เช็กชื่อ 2 ห้อง');
    expect(screen.getByTestId('todo-confirm')).toBeInTheDocument();
  });
});
