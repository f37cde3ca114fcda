// The screening form on a phone: changes saved shortly after typing and at once on flush (leaving a field,
// the page hiding), saves never overlap, a failed save says so and keeps the change for the next try, and
// the institution section appears only for an institutional household.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StorageError } from '../../../../src/db/errors';
import { screeningSchema, type Screening } from '../../../../src/domain/screening/schema';
import { aStudent } from '../../../factories/students';
import { AUTOSAVE_MS, ScreeningFormState } from '../../../../src/ui/screens/screening/form.svelte';

const start = () => screeningSchema.parse({ id: '2569/s1', studentId: 's1', academicYear: 2569, formVersion: 'v' });

afterEach(() => vi.useRealTimers());

describe('ScreeningFormState', () => {
  it('saves a moment after the last change, once, with the latest values', async () => {
    vi.useFakeTimers();
    const saved: Screening[] = [];
    const form = new ScreeningFormState(start(), aStudent('s1'), { save: (s) => (saved.push(s), Promise.resolve(s)) });
    form.draft.members.push({
      name: 'แม่',
      relation: '',
      idNo: '',
      education: '',
      age: null,
      disabled: false,
      chronicIllness: false,
      income: { wages: 2000, farming: null, business: null, welfare: null, other: null },
    });
    form.changed();
    form.draft.student.familyStatus = '01';
    form.changed();
    expect(form.saved).toBe(false);
    expect(form.income).toEqual({ total: 2000, perPerson: 2000 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 10);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.student.familyStatus).toBe('01');
    expect(form.saved).toBe(true);
  });

  it('saves at once on flush, and a refused save keeps the change unsaved with a message', async () => {
    const save = vi.fn((s: Screening) => Promise.resolve(s));
    const form = new ScreeningFormState(start(), aStudent('s1'), { save });
    save.mockImplementationOnce(() => Promise.reject(new StorageError('storage.full', new Error('quota'))));
    form.draft.gps = { lat: 18.8, lon: 98.9, accuracyM: null, source: 'manual' };
    form.changed();
    await form.flush();
    expect(form.problem).toBe('error.storage.full');
    expect(form.saved).toBe(false);
    await form.flush();
    expect(save).toHaveBeenCalledTimes(2);
    expect(form.problem).toBeNull();
    expect(form.saved).toBe(true);
    await form.flush();
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('walks the sections, with the institution only for an institutional household', () => {
    const form = new ScreeningFormState(start(), aStudent('s1'), { save: (s) => Promise.resolve(s) });
    expect(form.sections).not.toContain('institution');
    form.next();
    expect(form.section).toBe('members');
    form.draft.student.livesWith = '05';
    expect(form.sections).toContain('institution');
    form.back();
    expect(form.section).toBe('student');
  });
});
