// Runs the import pipeline the way the worker does, for tests.
import { loadAreaIndex } from '../../src/domain/areas/load';
import type { Student } from '../../src/domain/student/schema';
import { areaExistsIn } from '../../src/domain/validation/student';
import { areaResolver } from '../../src/io/spreadsheet/areas';
import type { Detection } from '../../src/io/spreadsheet/layout';
import { buildPreview, detect, openFile, type Preview } from '../../src/io/spreadsheet/pipeline';
import { AS_OF } from '../factories/students';

const areas = await loadAreaIndex();
export const areaIndex = areas;
export const resolveArea = areaResolver(areas);

export function preview(
  bytes: Uint8Array,
  register: readonly Student[] = [],
  change?: (d: Detection) => Detection,
): Preview {
  const { wb } = openFile(bytes);
  const found = detect(wb);
  return buildPreview(wb, change ? change(found) : found, {
    register,
    asOf: AS_OF,
    resolveArea,
    areaExists: areaExistsIn(areas),
  });
}

/** The students a file gives, in row order (unreadable rows left out). */
export const studentsOf = (bytes: Uint8Array): Student[] =>
  preview(bytes).plan.rows.flatMap((r) => (r.student ? [r.student] : []));

/** The fields DMC's 36-column download carries: what an export → import round trip must keep. */
export function dmcFields(s: Student) {
  const r = s.addresses.registered;
  const f = s.family;
  return {
    idNo: s.idNo,
    grade: s.grade,
    room: s.room,
    studentNo: s.studentNo,
    sex: s.sex,
    prefix: s.prefix,
    firstName: s.firstName,
    lastName: s.lastName,
    birthDate: s.birthDate,
    weightKg: s.health.weightKg,
    heightCm: s.health.heightCm,
    bloodGroup: s.bloodGroup,
    religion: s.religion,
    ethnicity: s.ethnicity,
    nationality: s.nationality,
    houseNo: r.houseNo,
    moo: r.moo,
    road: r.road,
    areas: [r.subdistrictCode, r.districtCode, r.provinceCode],
    guardian: [f.guardian.firstName, f.guardian.lastName, f.guardian.occupation, f.guardian.relation],
    father: [f.father.firstName, f.father.lastName, f.father.occupation],
    mother: [f.mother.firstName, f.mother.lastName, f.mother.occupation],
    disadvantage: s.welfare.disadvantage,
  };
}
