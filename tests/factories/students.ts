// Test-data factory: a valid student (a girl in ป.1 on the term-1 as-of date) with any fields replaced.
import { citizenIdCheckDigit } from '../../src/domain/ids';
import { newStudent, type Student, type StudentInput } from '../../src/domain/student/schema';

/** Term 1 of academic year 2569. */
export const AS_OF = '2026-06-10';

/** A valid 13-digit citizen ID, different for each n. */
export function citizenId(n: number): string {
  const first12 = String(110170000000 + n);
  return first12 + citizenIdCheckDigit(first12);
}

let next = 1;

/** Each call gets its own valid ID number unless `fields` gives one. */
export function aStudent(id: string, fields: Partial<Omit<StudentInput, 'id'>> = {}): Student {
  return newStudent(id, {
    idType: 'I',
    idNo: citizenId(next++),
    prefix: 'เด็กหญิง',
    firstName: 'มาลี',
    lastName: 'ใจดี',
    sex: 'F',
    birthDate: '2019-03-20',
    grade: '04',
    room: '1',
    ...fields,
  });
}

// The screens' student: a girl in ป.1/1 with no ID number unless `fields` gives one; ids s1, s2 … by default.
let n = 0;
export function student(fields: Partial<Omit<StudentInput, 'id'>> & { id?: string } = {}): Student {
  const { id = `s${++n}`, ...rest } = fields;
  return newStudent(id, {
    prefix: 'เด็กหญิง',
    firstName: 'มาลี',
    lastName: 'ใจดี',
    sex: 'F',
    birthDate: '2019-03-20',
    grade: '04',
    room: '1',
    ...rest,
  });
}
