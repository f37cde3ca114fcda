// A field a file filled with something unusable is blank in the record, its text kept (student.unmatched).
// Every finding on such a field carries that text, and a field no rule speaks about gets
// record.invalid_value, so the text stays visible (form, check list, `tabian validate`) until it is settled.
import type { Student } from '../student/schema';
import { finding, type Finding } from './catalogue';

export function withUnmatched(s: Student, found: Finding[]): Finding[] {
  const kept = s.unmatched;
  if (!kept) return found;
  const out = found.map((f): Finding => {
    const value = kept[f.field];
    if (value === undefined) return f;
    // A kept birth date is one that could not be read, not a missing one.
    return { ...(f.rule === 'birthdate.missing' ? finding('birthdate.invalid', s.id) : f), value };
  });
  for (const [field, value] of Object.entries(kept)) {
    if (!out.some((f) => f.field === field)) out.push({ ...finding('record.invalid_value', s.id, field), value });
  }
  return out;
}
