// The class in the order the teacher calls it: by student number (เลขประจำตัว) or by name.
import type { RosterOrder } from './measurement';

interface RosterStudent {
  id: string;
  studentNo: string;
  firstName: string;
  lastName: string;
}

const collator = new Intl.Collator('th', { numeric: true });

export function orderRoster<T extends RosterStudent>(students: readonly T[], order: RosterOrder): T[] {
  const byName = (a: T, b: T) => collator.compare(a.firstName, b.firstName) || collator.compare(a.lastName, b.lastName);
  // Students without a number go last, in name order.
  const byNumber = (a: T, b: T) =>
    (a.studentNo === '' ? 1 : 0) - (b.studentNo === '' ? 1 : 0) ||
    collator.compare(a.studentNo, b.studentNo) ||
    byName(a, b);
  return [...students].sort(order === 'name' ? byName : byNumber);
}
