// Students for the validation case: the district factory's generated children (unique names and IDs)
// with a weight, a height and a real DOPA address, and planted problems in fixed proportions:
// 1 in 97 with a mistyped check digit, 1 in 250 a second record under the same ID, 1 in 100 the same
// child again under another ID (a possible duplicate).
import { generatedStudent, testCitizenId } from '../../tests/fixtures/district';
import type { Student } from '../../src/domain/student/schema';

const ADDRESS = { houseNo: '12/3', moo: '4', road: '', provinceCode: 50, districtCode: 5001, subdistrictCode: 500101 };

export function benchStudents(count: number): Student[] {
  const out: Student[] = [];
  for (let n = 0; n < count; n++) {
    const base = generatedStudent(n, { addresses: { registered: ADDRESS } } as Partial<Student>);
    // A grade, weight and height that fit the age, as in a real school: a warning is the exception.
    const age = 2026 - Number(base.birthDate!.slice(0, 4));
    base.grade = String(Math.min(15, Math.max(1, age - 3))).padStart(2, '0') as Student['grade'];
    base.health = { weightKg: 12 + age * 2.5 + (n % 8), heightCm: 90 + age * 5.5 + (n % 10), measuredOn: null };
    const prev = out[n - 1];
    if (prev && n % 250 === 0) out.push({ ...base, idNo: prev.idNo });
    else if (prev && n % 100 === 0)
      out.push({
        ...base,
        firstName: prev.firstName,
        lastName: prev.lastName,
        birthDate: prev.birthDate,
        idNo: testCitizenId(20_000_000 + n),
      });
    else if (n % 97 === 0)
      out.push({ ...base, idNo: base.idNo.slice(0, 12) + String((Number(base.idNo[12]) + 1) % 10) });
    else out.push(base);
  }
  return out;
}
