// The class list and form pieces that help a data officer resolve records: finding markers, the empty
// register pointing to the import, the grade picker of the levels taught, and removing a record entered
// by mistake with an undo.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import StudentsPlace from '../../../../src/ui/screens/students/StudentsPlace.svelte';
import { studentsPlace } from '../../../../src/ui/screens/students/place.svelte';
import { app } from '../../../../src/ui/state/app.svelte';
import { router } from '../../../../src/ui/state/router.svelte';
import { appDb } from '../../../../src/db/database';
import { getStudent } from '../../../../src/db/student-repo';
import { schoolProfile } from '../../services/certified-school';
import { freshPlace, IDS, seed, student } from './factory';

beforeEach(async () => {
  await freshPlace();
  app.profile = schoolProfile; // levels: primary only
});
afterEach(() => {
  cleanup();
  app.profile = null;
});

describe('class list markers and empty register', () => {
  it('marks the records the school check finds something in', async () => {
    await seed([
      student({ id: 'ok', idNo: IDS.malee }),
      student({ id: 'bad', firstName: 'ชูใจ', idNo: '1234567890123' }), // fails its check digit
    ]);
    render(StudentsPlace);
    await screen.findAllByTestId('student-row');
    await waitFor(() => expect(screen.getAllByTestId('finding-mark')).toHaveLength(1));
    const marked = screen.getByTestId('finding-mark').closest('[data-testid="student-row"]')!;
    expect(marked).toHaveTextContent('ชูใจ');
    expect(marked).toHaveTextContent('มีข้อที่ต้องแก้');
  });

  it('says how to import when the register is empty, and goes to the import screen', async () => {
    render(StudentsPlace);
    const empty = await screen.findByTestId('no-students');
    expect(empty).toHaveTextContent('นำเข้าไฟล์จาก DMC');
    await fireEvent.click(screen.getByTestId('go-import'));
    expect(router.place).toBe('exchange');
  });
});

describe('grade picker', () => {
  it('offers the levels the school teaches, the rest behind "show all"', async () => {
    studentsPlace.openStudent(null);
    render(StudentsPlace);
    await screen.findByTestId('student-form');
    const grade = document.getElementById('f-grade') as HTMLSelectElement;
    const labels = () => [...grade.options].map((o) => o.textContent!.trim()).filter((l) => !l.startsWith('—'));
    expect(labels()).toEqual(['ป.1', 'ป.2', 'ป.3', 'ป.4', 'ป.5', 'ป.6']);
    await fireEvent.click(screen.getByTestId('grade-show-all'));
    expect(labels()).toContain('ม.1');
    expect(labels()).toContain('อ.1');
  });
});

describe('removing a record entered by mistake', () => {
  it('needs a reason, says a real leaver is a movement, and can be undone from the list', async () => {
    await seed([student({ id: 'x', firstName: 'ซ้ำ' })]);
    studentsPlace.openStudent('x');
    render(StudentsPlace);
    await fireEvent.click(await screen.findByTestId('remove-open'));
    expect(screen.getByTestId('record-actions')).toHaveTextContent('ให้บันทึกที่หน้า “การเคลื่อนย้าย” แทน');
    expect(screen.getByTestId('remove-confirm')).toBeDisabled();
    await fireEvent.input(screen.getByTestId('remove-reason'), { target: { value: 'บันทึกผิดคน' } });
    await fireEvent.click(screen.getByTestId('remove-confirm'));
    await screen.findByTestId('removed-banner', {}, { timeout: 8000 });
    expect(await getStudent(appDb(), 'x')).toBeNull();
    await fireEvent.click(screen.getByTestId('removed-undo'));
    await waitFor(async () => expect(await getStudent(appDb(), 'x')).not.toBeNull());
    await screen.findAllByTestId('student-row');
  }, 30_000);
});

describe('a record entered twice, from the check summary', () => {
  it('lists a same-ID pair with a merge (never "not the same person") and merges it, picking a field', async () => {
    await seed([
      student({ id: 'a', idNo: IDS.malee, studentNo: '' }),
      student({ id: 'b', idNo: IDS.malee, studentNo: '1001', room: '2' }),
    ]);
    render(StudentsPlace);
    await fireEvent.click(await screen.findByTestId('open-check'));
    const pairs = await screen.findByTestId('possible-duplicates', {}, { timeout: 5000 });
    expect(pairs.querySelector('[data-testid="not-same-person"]')).toBeNull();
    await fireEvent.click(screen.getByTestId('merge-pair'));
    const fields = await screen.findAllByTestId('merge-field', {}, { timeout: 5000 });
    expect(fields.map((f) => f.dataset.field).sort()).toEqual(['room', 'studentNo']);
    const keep = screen.getByTestId('merge-keep').textContent!.includes('ป.1/1') ? 'a' : 'b';
    await fireEvent.click(screen.getByTestId('merge-confirm'));
    await screen.findByTestId('merge-done', {}, { timeout: 8000 });
    const kept = (await getStudent(appDb(), keep))!;
    expect(kept.studentNo).toBe('1001');
    expect(await getStudent(appDb(), keep === 'a' ? 'b' : 'a')).toBeNull();
  }, 30_000);
});
