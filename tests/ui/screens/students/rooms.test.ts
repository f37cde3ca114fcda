import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import StudentsPlace from '../../../../src/ui/screens/students/StudentsPlace.svelte';
import { studentsPlace } from '../../../../src/ui/screens/students/place.svelte';
import { appDb } from '../../../../src/db/database';
import { historyOf, listClass } from '../../../../src/db/student-repo';
import { listRooms } from '../../../../src/db/room-repo';
import { freshPlace, seed, student, user } from './factory';

beforeEach(() => freshPlace());
afterEach(() => cleanup());

async function openRooms() {
  studentsPlace.show('rooms');
  render(StudentsPlace);
  await screen.findByTestId('room-list');
}
const pick = (testid: string, value: string) => fireEvent.change(screen.getByTestId(testid), { target: { value } });

describe('grades and rooms', () => {
  it('adds a room, and removes it while it is empty', async () => {
    await openRooms();
    await fireEvent.change(document.getElementById('new-room-grade')!, { target: { value: '05' } });
    await fireEvent.input(document.getElementById('new-room-name')!, { target: { value: ' 3 ' } });
    await fireEvent.click(screen.getByTestId('add-room'));
    expect(await screen.findByTestId('rooms-message')).toHaveTextContent('เพิ่มห้อง ป.2/3 แล้ว');
    await waitFor(() => expect(screen.getByTestId('room-list')).toHaveTextContent('ป.2/3 · 0 คน'));
    await fireEvent.click(screen.getByRole('button', { name: 'ลบห้อง ป.2/3' }));
    await waitFor(() => expect(screen.getByTestId('room-list')).not.toHaveTextContent('ป.2/3'));
    expect(await listRooms(appDb())).toEqual([]);
  });

  it('moves chosen students to another room at once, each move audited', async () => {
    await seed([
      student({ id: 'm1', firstName: 'กมล' }),
      student({ id: 'm2', firstName: 'ขวัญ' }),
      student({ id: 'm3', firstName: 'คณิน' }),
      student({ id: 'x', room: '2', firstName: 'จันทร์' }),
    ]);
    await openRooms();
    expect(screen.getByTestId('room-list')).toHaveTextContent('ป.1/1 · 3 คน');
    await pick('from-grade', '04');
    await pick('from-room', '1');
    const move = screen.getByTestId('move-students');
    await within(move).findByLabelText('เด็กหญิงกมล ใจดี');
    await fireEvent.click(within(move).getByLabelText('เด็กหญิงกมล ใจดี'));
    await fireEvent.click(within(move).getByLabelText('เด็กหญิงคณิน ใจดี'));
    await pick('to-grade', '04');
    await pick('to-room', '2');
    expect(screen.getByTestId('move-button')).toHaveTextContent('ย้าย 2 คนไป ป.1/2');
    await fireEvent.click(screen.getByTestId('move-button'));
    expect(await screen.findByTestId('move-done')).toHaveTextContent('ย้ายนักเรียน 2 คนไป ป.1/2 แล้ว');
    expect((await listClass(appDb(), '04', '2')).map((s) => s.id).sort()).toEqual(['m1', 'm3', 'x']);
    const [entry] = await historyOf(appDb(), 'm3');
    expect(entry).toMatchObject({
      action: 'move-room',
      userName: 'ครูทะเบียน ใจดี',
      changes: [{ field: 'room', from: '1', to: '2' }],
    });
    await waitFor(() => expect(screen.getByTestId('room-list')).toHaveTextContent('ป.1/2 · 3 คน'));
    expect(within(move).queryByLabelText('เด็กหญิงกมล ใจดี')).toBeNull();
  });

  it('lets a teacher move only between their own rooms, and not manage rooms', async () => {
    await freshPlace(user({ id: 't', role: 'teacher', rooms: [{ grade: '04', room: '1' }] }));
    await seed([student({ id: 'm1' }), student({ id: 'x', room: '2' })]);
    await openRooms();
    expect(screen.queryByTestId('add-room')).toBeNull();
    await pick('from-grade', '04');
    await pick('from-room', '1');
    await fireEvent.click(await screen.findByTestId('pick-all'));
    await pick('to-grade', '04');
    await pick('to-room', '2');
    expect(screen.getByText('คุณบันทึกได้เฉพาะนักเรียนในห้องที่รับผิดชอบ')).toBeInTheDocument();
    expect(screen.getByTestId('move-button')).toBeDisabled();
  });
});
