import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import StudentsPlace from '../../../../src/ui/screens/students/StudentsPlace.svelte';
import { studentsPlace } from '../../../../src/ui/screens/students/place.svelte';
import { appDb } from '../../../../src/db/database';
import { getStudent, historyOf, listStudents } from '../../../../src/db/student-repo';
import { updates } from '../../../../src/ui/state/updates.svelte';
import { freshPlace, IDS, seed, student, user } from './factory';

beforeEach(() => freshPlace());
afterEach(() => cleanup());

// Fields by record path: every tab stays in the page, so "ชื่อ" is also the father's first name.
const field = (path: string) => document.getElementById(`f-${path.replace(/\./g, '-')}`) as HTMLInputElement;
const type = (path: string, value: string) => fireEvent.input(field(path), { target: { value } });
const leave = (path: string) => fireEvent.blur(field(path));

async function openNew() {
  studentsPlace.grade = '04';
  studentsPlace.room = '1';
  studentsPlace.openStudent(null);
  render(StudentsPlace);
  await screen.findByTestId('student-form');
}

describe('student form', () => {
  it('sets the sex from the prefix, and the prefix from the sex', async () => {
    await openNew();
    await fireEvent.change(field('prefix'), { target: { value: 'เด็กหญิง' } });
    expect(screen.getByLabelText('หญิง')).toBeChecked();
    await fireEvent.click(screen.getByLabelText('ชาย'));
    expect(field('prefix')).toHaveValue('เด็กชาย');
  });

  it('reads a Buddhist Era date, shows it back in words, and stores ISO', async () => {
    await openNew();
    await type('birthDate', '20032555');
    expect(screen.getByTestId('f-birthDate-echo')).toHaveTextContent('20 มีนาคม 2555');
    await leave('birthDate');
    expect(field('birthDate')).toHaveValue('20/03/2555');
    await type('birthDate', '31/02/2555');
    expect(screen.getByText(/อ่านวันที่ไม่ได้/)).toBeInTheDocument();
    await type('birthDate', '20/3/2555');
    await fireEvent.click(screen.getByTestId('save-student'));
    await screen.findByTestId('save-outcome');
    const [saved] = await listStudents(appDb());
    expect(saved!.birthDate).toBe('2012-03-20');
  });

  it('shows a validation message beside the field once the user leaves it', async () => {
    await openNew();
    await type('idNo', '1-1120-34563-56-3');
    expect(screen.queryByText(/หลักสุดท้ายไม่ตรง/)).toBeNull();
    await leave('idNo');
    expect(document.getElementById('f-idNo-error')).toHaveTextContent('เลขประจำตัวประชาชนไม่ถูกต้อง (หลักสุดท้ายไม่ตรง)');
    expect(field('idNo')).toHaveValue('1112034563563');
    await type('idNo', IDS.malee);
    expect(document.getElementById('f-idNo-error')).toBeNull();
  });

  it('says when the ID belongs to another current student', async () => {
    await seed([student({ id: 'old', idNo: IDS.malee, firstName: 'มาลี' })]);
    await openNew();
    await new Promise((r) => setTimeout(r, 50)); // the rest of the school loads in the background
    await type('idNo', IDS.malee);
    await leave('idNo');
    expect(document.getElementById('f-idNo-error')).toHaveTextContent('เด็กหญิงมาลี ใจดี (ป.1/1)');
  });

  it('saves a new student with an audit entry naming the user, and shows it in the history', async () => {
    await openNew();
    await type('idNo', IDS.somchai);
    await fireEvent.change(field('prefix'), { target: { value: 'เด็กชาย' } });
    await type('firstName', ' สมชาย ');
    await type('lastName', 'รักเรียน');
    await type('birthDate', '01/06/2562');
    expect(updates.hasUnsaved).toBe(true);
    await fireEvent.click(screen.getByTestId('save-student'));
    expect(await screen.findByTestId('save-outcome')).toHaveTextContent('บันทึกแล้ว');
    expect(updates.hasUnsaved).toBe(false);
    const [saved] = await listStudents(appDb());
    expect(saved).toMatchObject({ firstName: 'สมชาย', sex: 'M', grade: '04', room: '1', idNo: IDS.somchai });
    const [entry] = await historyOf(appDb(), saved!.id);
    expect(entry).toMatchObject({ action: 'create', userName: 'ครูทะเบียน ใจดี' });
    await fireEvent.click(screen.getByTestId('tab-history'));
    expect(await screen.findByTestId('history')).toHaveTextContent('เพิ่มนักเรียน');
  });

  it('renames a student: the old name stays in the history with the reason', async () => {
    await seed([student({ id: 'r1', idNo: IDS.malee })]);
    studentsPlace.openStudent('r1');
    render(StudentsPlace);
    await screen.findByTestId('student-form');
    await type('firstName', 'มาลินี');
    expect(screen.getByText('ชื่อเดิม “เด็กหญิงมาลี ใจดี” จะยังอยู่ในประวัติการแก้ไข')).toBeInTheDocument();
    await fireEvent.input(screen.getByLabelText('เหตุผลที่เปลี่ยนชื่อ (ถ้ามี)'), { target: { value: 'เปลี่ยนชื่อตามทะเบียนบ้าน' } });
    await fireEvent.click(screen.getByTestId('save-student'));
    await screen.findByTestId('save-outcome');
    await fireEvent.click(screen.getByTestId('tab-history'));
    const history = await screen.findByTestId('history');
    expect(history).toHaveTextContent('เปลี่ยนชื่อ');
    expect(history).toHaveTextContent('ชื่อ มาลี → มาลินี');
    expect(history).toHaveTextContent('หมายเหตุ: เปลี่ยนชื่อตามทะเบียนบ้าน');
    expect((await getStudent(appDb(), 'r1'))!.firstName).toBe('มาลินี');
  });

  it('shows a full disk in Thai and keeps the input', async () => {
    await openNew();
    await type('firstName', 'สมชาย');
    vi.spyOn(appDb().students, 'bulkPut').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await fireEvent.click(screen.getByTestId('save-student'));
    expect(await screen.findByText(/พื้นที่จัดเก็บในเครื่องเต็ม/)).toBeInTheDocument();
    expect(field('firstName')).toHaveValue('สมชาย');
    expect(updates.hasUnsaved).toBe(true);
  });

  it('is read-only for a teacher outside their rooms', async () => {
    await seed([student({ id: 't1', room: '2' })]);
    await freshPlace(user({ id: 'u-t', role: 'teacher', rooms: [{ grade: '04', room: '1' }] }));
    await seed([student({ id: 't1', room: '2' })]);
    studentsPlace.openStudent('t1');
    render(StudentsPlace);
    await screen.findByTestId('student-form');
    expect(screen.getByText(/ดูได้อย่างเดียว/)).toBeInTheDocument();
    expect(field('firstName')).toBeDisabled();
    expect(screen.queryByTestId('save-student')).toBeNull();
  });

  it('asks before leaving unsaved input', async () => {
    await openNew();
    await type('firstName', 'สมชาย');
    await fireEvent.click(screen.getByTestId('student-back'));
    expect(screen.getByText('มีข้อมูลที่ยังไม่ได้บันทึก')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('discard'));
    expect(studentsPlace.view.name).toBe('list');
  });
});
