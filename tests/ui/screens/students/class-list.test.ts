import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import StudentsPlace from '../../../../src/ui/screens/students/StudentsPlace.svelte';
import { studentsPlace } from '../../../../src/ui/screens/students/place.svelte';
import { session } from '../../../../src/ui/state/session.svelte';
import { freshPlace, IDS, seed, student, user } from './factory';

beforeEach(() => freshPlace());
afterEach(() => cleanup());

const rowNames = () => screen.getAllByTestId('student-row').map((r) => r.querySelector('.name')!.textContent!.trim());
const search = (q: string) => fireEvent.input(screen.getByTestId('student-search'), { target: { value: q } });

describe('class list', () => {
  beforeEach(() =>
    seed([
      student({ id: 'a', prefix: 'เด็กชาย', firstName: 'อรุณ', lastName: 'สุขใจ', sex: 'M', studentNo: '1003' }),
      student({ id: 'b', firstName: 'เกศินี', lastName: 'ใจดี', idNo: IDS.malee, studentNo: '1001' }),
      student({ id: 'c', prefix: 'เด็กชาย', firstName: 'กานต์', lastName: 'ทองคำ', sex: 'M', studentNo: '1002' }),
      student({ id: 'd', firstName: 'ไอลดา', lastName: 'มั่นคง', room: '2' }),
      student({ id: 'e', firstName: 'ขวัญ', lastName: 'ใจดี', status: 'transferred-out' }),
    ]),
  );

  it('lists the chosen class in Thai order with counts by sex', async () => {
    render(StudentsPlace);
    await screen.findAllByTestId('student-row');
    await fireEvent.change(screen.getByTestId('class-grade'), { target: { value: '04' } });
    await fireEvent.change(screen.getByTestId('class-room'), { target: { value: '1' } });
    // เกศินี files under ก (after กานต์), not after อ as code points would put it.
    expect(rowNames()).toEqual(['ด.ช. กานต์ ทองคำ', 'ด.ญ. เกศินี ใจดี', 'ด.ช. อรุณ สุขใจ']);
    expect(screen.getByTestId('sex-counts')).toHaveTextContent('ชาย 2 · หญิง 1 · รวม 3 คน');
  });

  it('shows students who left only when asked', async () => {
    render(StudentsPlace);
    await screen.findAllByTestId('student-row');
    expect(screen.getAllByTestId('student-row')).toHaveLength(4);
    await fireEvent.click(screen.getByLabelText('รวมนักเรียนที่จำหน่ายแล้ว'));
    expect(screen.getAllByTestId('student-row')).toHaveLength(5);
    expect(screen.getByText('ย้ายออก')).toBeInTheDocument();
  });

  it('searches as you type by name, citizen ID (with dashes) and student number', async () => {
    render(StudentsPlace);
    await screen.findAllByTestId('student-row');
    await search('ใจดี');
    expect(rowNames()).toEqual(['ด.ญ. เกศินี ใจดี']);
    await search('1-1120-3456');
    expect(rowNames()).toEqual(['ด.ญ. เกศินี ใจดี']);
    await search('1003');
    expect(rowNames()).toEqual(['ด.ช. อรุณ สุขใจ']);
    expect(screen.getByTestId('sex-counts')).toHaveTextContent('ชาย 1 · หญิง 0 · รวม 1 คน');
    await search('ไม่มีใคร');
    expect(screen.getByTestId('no-students')).toHaveTextContent('ไม่พบนักเรียนที่ตรงกับ “ไม่มีใคร”');
  });

  it('starts afresh when another user signs in on the shared tablet', async () => {
    const { unmount } = render(StudentsPlace);
    await screen.findAllByTestId('student-row');
    await search('อรุณ');
    unmount();
    session.signIn(user({ id: 'u-other', name: 'ครูสมศรี' }));
    render(StudentsPlace);
    expect(screen.getByTestId('student-search')).toHaveValue('');
  });

  it('opens a student from the list', async () => {
    render(StudentsPlace);
    const rows = await screen.findAllByTestId('student-row');
    await fireEvent.click(rows[0]!);
    expect(studentsPlace.view).toEqual({ name: 'student', id: 'c', focus: null });
    expect(await screen.findByTestId('student-name')).toHaveTextContent('เด็กชายกานต์ ทองคำ');
  });
});

describe('a school of 3,000 students', () => {
  it('keeps only a few dozen rows in the page and filters the whole school', async () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      student({
        id: `m${i}`,
        firstName: `สมชาย${String(i).padStart(4, '0')}`,
        lastName: 'รักเรียน',
        studentNo: String(10000 + i),
        sex: i % 2 ? 'F' : 'M',
        prefix: i % 2 ? 'เด็กหญิง' : 'เด็กชาย',
      }),
    );
    await seed(many);
    render(StudentsPlace);
    await screen.findAllByTestId('student-row');
    expect(screen.getByTestId('sex-counts')).toHaveTextContent('ชาย 1500 · หญิง 1500 · รวม 3000 คน');
    const rendered = screen.getAllByTestId('student-row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    const list = screen.getByTestId('student-list');
    expect(list.style.height).toBe(`${3000 * 68}px`);
    // Scrolled 1,000 rows down: the rows around the 1,001st are in the page, not the first ones.
    list.getBoundingClientRect = () => ({ top: -68 * 1000 }) as DOMRect;
    await fireEvent.scroll(window);
    const positions = screen.getAllByRole('listitem').map((li) => Number(li.getAttribute('aria-posinset')));
    expect(Math.min(...positions)).toBeGreaterThan(980);
    expect(Math.max(...positions)).toBeLessThan(1060);
    list.getBoundingClientRect = () => ({ top: 0 }) as DOMRect;
    const started = performance.now();
    await search('12999');
    expect(performance.now() - started).toBeLessThan(500);
    expect(rowNames()).toEqual(['ด.ญ. สมชาย2999 รักเรียน']);
  }, 30_000);
});
