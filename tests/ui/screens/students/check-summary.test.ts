import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import StudentsPlace from '../../../../src/ui/screens/students/StudentsPlace.svelte';
import { studentsPlace } from '../../../../src/ui/screens/students/place.svelte';
import { freshPlace, IDS, seed, student } from './factory';

beforeEach(() => freshPlace());
afterEach(() => cleanup());

describe('school validation summary', () => {
  beforeEach(() =>
    seed([
      student({ id: 'ok', idNo: IDS.malee }),
      student({ id: 'bad-id', idNo: '1112034563563', firstName: 'ขวัญ' }),
      student({ id: 'twin-id', idNo: IDS.somchai, firstName: 'จันทร์' }),
      student({ id: 'twin-id-2', idNo: IDS.somchai, firstName: 'ดาว', room: '2' }),
      student({ id: 'no-birth', idNo: IDS.manee, firstName: 'เดือน', birthDate: null }),
      student({ id: 'gone', idNo: '', status: 'transferred-out' }),
    ]),
  );

  async function openCheck() {
    render(StudentsPlace);
    await fireEvent.click(await screen.findByTestId('open-check'));
    return screen.findByTestId('check-totals');
  }

  it('counts every failing rule over the current students', async () => {
    const totals = await openCheck();
    expect(totals).toHaveTextContent('นักเรียน 5 คน');
    expect(totals).toHaveTextContent('ต้องแก้ 4 จุด');
    expect(within(screen.getByTestId('rule-id.checksum')).getByTestId('rule-count')).toHaveTextContent('1 จุด');
    expect(within(screen.getByTestId('rule-id.duplicate')).getByTestId('rule-count')).toHaveTextContent('2 จุด');
    expect(within(screen.getByTestId('rule-birthdate.missing')).getByTestId('rule-count')).toHaveTextContent('1 จุด');
    // A student who has left is not checked.
    expect(screen.queryByTestId('rule-id.missing')).toBeNull();
  });

  it('lists the students of a rule and opens the form at the field to fix', async () => {
    await openCheck();
    const rule = screen.getByTestId('rule-birthdate.missing');
    await fireEvent.click(within(rule).getByRole('button', { name: 'ดูรายชื่อ' }));
    const row = within(rule).getByTestId('fix-row');
    expect(row).toHaveTextContent('ป.1/1 · เด็กหญิงเดือน ใจดี');
    expect(row).toHaveTextContent('วันเกิด');
    await fireEvent.click(row);
    expect(studentsPlace.view).toEqual({ name: 'student', id: 'no-birth', focus: 'birthDate' });
    await screen.findByTestId('student-form');
    await waitFor(() => expect(document.activeElement?.id).toBe('f-birthDate'));
    expect(screen.getByTestId('tab-identity')).toHaveAttribute('aria-selected', 'true');
    expect(document.getElementById('f-birthDate-error')).toHaveTextContent('ไม่มีวันเกิด');
    await fireEvent.click(screen.getByTestId('student-back'));
    expect(await screen.findByTestId('check-totals')).toBeInTheDocument();
  });

  it('opens the right tab for a field on another tab', async () => {
    studentsPlace.openStudent('ok', 'addresses.current.provinceCode');
    render(StudentsPlace);
    await screen.findByTestId('student-form');
    expect(screen.getByTestId('tab-addresses')).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(document.activeElement?.id).toBe('f-addresses-current-provinceCode'), { timeout: 3000 });
  });
});

describe('possible duplicates in the summary', () => {
  // Same birth date and the same name under two IDs: probably one child entered twice.
  beforeEach(() =>
    seed([
      student({ id: 'a', idNo: IDS.malee, firstName: 'มาลี', lastName: 'ใจดี' }),
      student({ id: 'b', idNo: IDS.manee, firstName: 'มา ลี', lastName: 'ใจดี', room: '2' }),
    ]),
  );

  it('lists the pair with its reason and remembers "not the same person", with an undo', async () => {
    render(StudentsPlace);
    await fireEvent.click(await screen.findByTestId('open-check'));
    const pairs = await screen.findByTestId('possible-duplicates');
    expect(pairs).toHaveTextContent('อาจเป็นนักเรียนคนเดียวกัน 1 คู่');
    await fireEvent.click(within(pairs).getByTestId('not-same-person'));
    expect(await within(pairs).findByText('บันทึกแล้วว่าเป็นคนละคน')).toBeInTheDocument();
    // Checking again: the dismissed pair is no longer listed.
    await fireEvent.click(screen.getByRole('button', { name: 'ตรวจอีกครั้ง' }));
    await waitFor(() => expect(screen.queryByTestId('possible-duplicates')).toBeNull());
    await screen.findByTestId('check-totals');
    expect(screen.queryByTestId('possible-duplicates')).toBeNull();
  });
});
