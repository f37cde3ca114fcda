import { findDuplicates } from '../../../../domain/duplicates/find';
import type { Student } from '../../../../domain/student/schema';
import { finding, type Finding } from '../../../../domain/validation/catalogue';
import { classLabel } from '../../../services/students.service';

/**
 * Duplicate findings for one record against the rest of the school, naming the other student,
 * so the form can say "same ID as ด.ญ. มาลี ใจดี (ป.1/1)" while the user is still typing.
 */
export function duplicatesOf(record: Student, others: readonly Student[], dismissed: ReadonlySet<string>): Finding[] {
  const all = [record, ...others.filter((o) => o.id !== record.id)];
  return findDuplicates(all, dismissed)
    .filter((p) => p.indexes[0] === 0)
    .map((p) => {
      const other = all[p.indexes[1]]!;
      const who = `${other.prefix}${other.firstName} ${other.lastName} (${classLabel(other.grade, other.room)})`;
      const f = finding(p.rule, record.id);
      return { ...f, message: { th: `${f.message.th} [${who}]`, en: `${f.message.en} [${who}]` } };
    });
}

/** The ids of the records the duplicate check pairs with this one (what it may be merged with). */
export function pairedIds(record: Student, others: readonly Student[], dismissed: ReadonlySet<string>): string[] {
  const all = [record, ...others.filter((o) => o.id !== record.id)];
  return findDuplicates(all, dismissed)
    .filter((p) => p.indexes[0] === 0)
    .map((p) => all[p.indexes[1]]!.id);
}
