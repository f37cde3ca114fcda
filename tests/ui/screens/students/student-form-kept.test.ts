// What an import could not place stays visible in the form until a value is picked, and a citizen ID that
// fails its check is saved only with a reasoned override that lands in the history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import StudentsPlace from '../../../../src/ui/screens/students/StudentsPlace.svelte';
import { studentsPlace } from '../../../../src/ui/screens/students/place.svelte';
import { appDb } from '../../../../src/db/database';
import { getStudent, historyOf } from '../../../../src/db/student-repo';
import { freshPlace, IDS, seed, student } from './factory';

beforeEach(() => freshPlace());
afterEach(() => cleanup());

const field = (path: string) => document.getElementById(`f-${path.replace(/\./g, '-')}`) as HTMLInputElement;
const BAD = '1112034563563'; // IDS.malee with the wrong check digit
// Saving goes through the sealed IndexedDB: give a loaded machine time.

async function open(id: string) {
  studentsPlace.openStudent(id);
  render(StudentsPlace);
  await screen.findByTestId('student-form', {}, { timeout: 10_000 });
}

describe('a value kept from a file', () => {
  it('shows beside the empty picker, and picking a code clears it', async () => {
    await seed([
      student({
        id: 'k1',
        idNo: IDS.malee,
        unmatched: { 'family.mother.occupation': 'ขายของออนไลน์', grade: 'ป.9' },
        grade: null,
      }),
    ]);
    await open('k1');
    expect(screen.getByTestId('kept-f-family-mother-occupation')).toHaveTextContent('ในไฟล์เขียนว่า “ขายของออนไลน์”');
    expect(screen.getByTestId('kept-f-grade')).toHaveTextContent('“ป.9”');
    await fireEvent.change(field('family.mother.occupation'), { target: { value: '3' } });
    expect(screen.queryByTestId('kept-f-family-mother-occupation')).toBeNull();
    await fireEvent.click(screen.getByTestId('save-student'));
    await screen.findByTestId('save-outcome', {}, { timeout: 10_000 });
    const saved = await getStudent(appDb(), 'k1');
    expect(saved!.family.mother.occupation).toBe('3');
    expect(saved!.unmatched).toEqual({ grade: 'ป.9' });
  }, 40_000);
});

describe('a citizen ID that fails its check', () => {
  it('is refused under type O until confirmed with a reason, then saved as a citizen ID with an audited reason', async () => {
    await seed([student({ id: 'o1', idType: 'O', idNo: '' })]);
    await open('o1');
    await fireEvent.input(field('idNo'), { target: { value: BAD } });
    await fireEvent.blur(field('idNo'));
    expect(document.getElementById('f-idNo-error')).toHaveTextContent('หลักสุดท้ายไม่ตรง');
    await fireEvent.click(screen.getByTestId('save-student'));
    expect(
      await screen.findByText(/ไม่ผ่านการตรวจ: แก้เลขให้ถูก หรือติ๊กยืนยันและกรอกเหตุผล/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect((await getStudent(appDb(), 'o1'))!.idNo).toBe('');

    await fireEvent.click(screen.getByTestId('id-override-on'));
    await fireEvent.input(field('idOverride.reason'), { target: { value: 'ตรวจกับบัตรประชาชนตัวจริงแล้ว' } });
    await fireEvent.click(screen.getByTestId('save-student'));
    await screen.findByTestId('save-outcome', {}, { timeout: 10_000 });
    const saved = (await getStudent(appDb(), 'o1'))!;
    expect(saved).toMatchObject({
      idType: 'I',
      idNo: BAD,
      idOverride: { idNo: BAD, reason: 'ตรวจกับบัตรประชาชนตัวจริงแล้ว' },
    });
    const [entry] = await historyOf(appDb(), 'o1');
    expect(entry!.note).toContain('ตรวจกับบัตรประชาชนตัวจริงแล้ว');
    expect(entry!.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['idNo', 'idType']));
  }, 40_000);

  it('follows the number typed: 13 digits make a record of type O a citizen ID', async () => {
    await seed([student({ id: 'o2', idType: 'O', idNo: '' })]);
    await open('o2');
    await fireEvent.input(field('idNo'), { target: { value: IDS.malee } });
    await fireEvent.blur(field('idNo'));
    expect(field('idType')).toHaveValue('I');
  }, 40_000);
});
