import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import MovementsPlace from '../../../../src/ui/screens/movements/MovementsPlace.svelte';
import { appDb } from '../../../../src/db/database';
import { getStudent } from '../../../../src/db/student-repo';
import { listResults } from '../../../../src/db/result-repo';
import { listIncoming } from '../../../../src/db/incoming-repo';
import { session } from '../../../../src/ui/state/session.svelte';
import { aUser, freshDb, seed, type } from '../confirm/school';

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2027, 2, 10, 9, 0)); // 10 March 2027: year-end round of 2569
  await freshDb();
  await seed();
  session.signIn(await aUser('u1', 'officer'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function openYearEnd() {
  render(MovementsPlace);
  await fireEvent.click(screen.getByTestId('tab-year-end'));
}

describe('year end', () => {
  it("records a room's results in one go, everyone passing but the one tapped", async () => {
    await openYearEnd();
    await fireEvent.click(await screen.findByTestId('results-04-1'));
    await fireEvent.click(screen.getByTestId('result-s2'));
    expect(screen.getByTestId('result-s2')).toHaveTextContent('ซ้ำชั้น');
    expect(screen.getByTestId('save-results')).toHaveTextContent('บันทึกผล (ผ่าน 1 · ซ้ำชั้น 1)');
    await fireEvent.click(screen.getByTestId('save-results'));
    expect(await screen.findByTestId('results-04-1')).toHaveTextContent('บันทึกครบ · ซ้ำชั้น 1 คน');
    expect((await listResults(appDb(), 2569)).map((r) => `${r.studentId}:${r.result}`).sort()).toEqual([
      's1:passed',
      's2:repeat',
    ]);
    // ชูใจ in ป.6 has no result yet: the new year cannot start.
    expect(screen.getByTestId('unresolved')).toHaveTextContent('นักเรียน 1 คนยังไม่มีผลการเรียน');
    expect(screen.getByTestId('start-year')).toBeDisabled();
  });

  it('previews the new year, applies it after asking, and undoes it', async () => {
    await openYearEnd();
    for (const room of ['results-04-1', 'results-09-1']) {
      await fireEvent.click(await screen.findByTestId(room));
      await fireEvent.click(screen.getByTestId('save-results'));
    }
    await vi.waitFor(() =>
      expect(screen.getByTestId('new-year-summary')).toHaveTextContent(/เลื่อนชั้น\s*2\s*ซ้ำชั้น\s*0\s*สำเร็จการศึกษา\s*1/),
    );
    await type(screen.getByLabelText('ชื่อห้องใน ป.2'), 'ทานตะวัน');
    await fireEvent.click(screen.getByTestId('start-year'));
    expect(screen.getByText('เริ่มปีการศึกษา 2570 ใช่ไหม?')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('confirm-start-year'));
    expect(await screen.findByTestId('year-started')).toHaveTextContent('เริ่มปีการศึกษา 2570 แล้ว');
    expect(await getStudent(appDb(), 's1')).toMatchObject({ grade: '05', room: 'ทานตะวัน' });
    expect((await getStudent(appDb(), 's3'))?.status).toBe('graduated');

    await fireEvent.click(screen.getByTestId('undo-year'));
    await fireEvent.click(screen.getByTestId('confirm-undo-year'));
    await screen.findByTestId('start-year');
    expect(await getStudent(appDb(), 's1')).toMatchObject({ grade: '04', room: '1' });
    expect((await getStudent(appDb(), 's3'))?.status).toBe('active');
  });

  it("keeps next year's applicants on their own list and explains why", async () => {
    render(MovementsPlace);
    await fireEvent.click(screen.getByTestId('tab-incoming'));
    expect(await screen.findByTestId('incoming-why')).toHaveTextContent('ต้องไม่อยู่ในข้อมูลสิ้นปีการศึกษา 2569');
    await fireEvent.click(screen.getByTestId('add-incoming'));
    await fireEvent.click(screen.getByTestId('save-incoming'));
    expect(await screen.findByText(/กรุณากรอกชื่อนักเรียน/)).toBeInTheDocument();
    await type(screen.getByLabelText('ชื่อ'), 'ต้นกล้า');
    await fireEvent.change(screen.getByLabelText('ชั้น'), { target: { value: '04' } });
    await type(screen.getByLabelText('ห้อง'), '1');
    await fireEvent.click(screen.getByTestId('save-incoming'));
    await vi.waitFor(() => expect(screen.getByTestId('incoming-list')).toHaveTextContent('ต้นกล้า'));
    expect((await listIncoming(appDb(), 2570)).map((i) => i.student.firstName)).toEqual(['ต้นกล้า']);
    expect(await getStudent(appDb(), (await listIncoming(appDb(), 2570))[0]!.id)).toBeNull();
  });
});
