import { describe, expect, it } from 'vitest';
import { newStudent, type Student } from '../../../../src/domain/student/schema';
import { StorageError } from '../../../../src/db/errors';
import { i18n } from '../../../../src/ui/i18n/i18n.svelte';
import { th } from '../../../../src/ui/i18n/th';
import { StudentDraft, type DraftPorts } from '../../../../src/ui/screens/students/form/student-draft.svelte';

const malee = (fields: Partial<Student> = {}, id = 's1'): Student =>
  newStudent(id, {
    idNo: '1112034563562',
    prefix: 'เด็กหญิง',
    firstName: 'มาลี',
    lastName: 'ใจดี',
    sex: 'F',
    birthDate: '2019-03-20',
    grade: '04',
    room: '1',
    ...fields,
  });

function ports(
  over: Partial<DraftPorts> = {},
): DraftPorts & { saved: { record: Student; note: string | null }[]; revealed: string[] } {
  const saved: { record: Student; note: string | null }[] = [];
  const revealed: string[] = [];
  return {
    saved,
    revealed,
    save: (record, note) => (saved.push({ record, note }), Promise.resolve()),
    others: () => Promise.resolve({ students: [], dismissed: new Set<string>() }),
    mayEdit: () => true,
    signedIn: () => true,
    reveal: (path) => void revealed.push(path),
    today: '2026-06-10',
    ...over,
  };
}

describe('the student draft', () => {
  it('is dirty once edited, saves the tidied record, and is clean again after the save', async () => {
    i18n.set('th');
    const p = ports();
    const form = new StudentDraft(newStudent('n1', { grade: '04', room: '1' }), true, null, p);
    expect(form.dirty).toBe(false);
    expect(form.stored).toBeNull();
    Object.assign(form.draft, {
      idNo: '1-1120-34563-56-2',
      prefix: 'เด็กหญิง',
      firstName: '  มาลี ',
      lastName: 'ใจดี',
      sex: 'F',
      birthDate: '2019-03-20',
    });
    expect(form.dirty).toBe(true);
    await form.save();
    expect(p.saved[0]!.record).toMatchObject({ idNo: '1112034563562', firstName: 'มาลี' });
    expect(p.saved[0]!.note).toBeNull();
    expect(form.stored?.firstName).toBe('มาลี');
    expect(form.dirty).toBe(false);
    expect(form.outcome).toBe('ok');
    expect(form.message).toBeNull();
  });

  it('shows a new record’s problems only for fields left, a stored one’s at once', () => {
    const fresh = new StudentDraft(newStudent('n1'), true, null, ports());
    expect(fresh.errorFor('firstName')).toBeNull();
    fresh.leave('firstName');
    expect(fresh.errorFor('firstName')).not.toBeNull();
    const stored = new StudentDraft(malee({ firstName: '' }), false, null, ports());
    expect(stored.errorFor('firstName')).not.toBeNull();
  });

  it('asks why a name changed and writes the reason into the save', async () => {
    const p = ports();
    const form = new StudentDraft(malee(), false, null, p);
    expect(form.renamedFrom).toBeNull();
    form.draft.lastName = 'ศรีสุข';
    expect(form.renamedFrom).toBe('เด็กหญิงมาลี ใจดี');
    form.renameNote = ' คำสั่งศาล ';
    await form.save();
    expect(p.saved[0]!.note).toBe('คำสั่งศาล');
    expect(form.renamedFrom).toBeNull();
    expect(form.renameNote).toBe('');
  });

  it('refuses a class that is not the user’s, and input it cannot read, without saving', async () => {
    const p = ports({ mayEdit: () => false });
    const form = new StudentDraft(malee(), false, 'health.weightKg', p);
    expect(form.tab).toBe('health');
    expect(form.canEdit).toBe(false);
    await form.save();
    expect(form.problem).toBe('student.not_yours');
    const q = ports();
    const other = new StudentDraft(malee(), false, null, q);
    other.setBad('birthDate', 'student.date.invalid');
    await other.save();
    expect(other.message).toBe(th['student.fix_input']);
    expect(q.revealed).toEqual(['birthDate']);
    expect(p.saved).toEqual([]);
    expect(q.saved).toEqual([]);
  });

  it('says why storage refused the save and keeps the draft unsaved', async () => {
    const form = new StudentDraft(
      malee(),
      false,
      null,
      ports({ save: () => Promise.reject(new StorageError('storage.full', null)) }),
    );
    form.draft.room = '2';
    await form.save();
    expect(form.message).toBe(th['error.storage.full']);
    expect(form.task.busy).toBe(false);
    expect(form.dirty).toBe(true);
  });

  it('names the other record when the draft looks like a student already here', async () => {
    const twin = malee({}, 's2');
    const form = new StudentDraft(
      newStudent('n1', { grade: '04', room: '1' }),
      true,
      null,
      ports({
        others: () => Promise.resolve({ students: [twin], dismissed: new Set<string>() }),
      }),
    );
    await form.loadOthers();
    form.draft.idNo = '1112034563562';
    form.leave('idNo');
    expect(form.paired.map((s) => s.id)).toEqual(['s2']);
    expect(form.errorFor('idNo')).toContain('มาลี ใจดี');
  });
});
