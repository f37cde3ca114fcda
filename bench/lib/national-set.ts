// The generated national set, shared by the national bench case and `bench/tools/profile-national.ts`:
// N students in 245 districts (about 120 schools each at full size, fewer at smaller sizes so that a school
// keeps about 220 students), each district's round as a district export of its schools' encrypted submissions
// with the content keys granted to a national key, and the same student records as JSON lines (the floor's input).
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toBase64 } from '../../src/domain/bundle/bytes';
import { exportPrivateJwk, generateSigningKey, type PrivateJwk } from '../../src/domain/bundle/keys';
import type { TrustedKey } from '../../src/domain/bundle/trust';
import { newStudent, type Student } from '../../src/domain/student/schema';
import { generatedStudent, makeSchool, submissionOf, type TestSchool } from '../../tests/fixtures/district';
import { exportOf, makeDistrict } from '../../tests/fixtures/district-export';

export const DISTRICTS = 245;
const PER_SCHOOL = 220;
/** One child in this many is also counted by a school of the next district (same ID). */
const PLANT_EVERY = 1000;

export interface NationalSet {
  files: string[];
  districtKeys: TrustedKey[];
  /** The national key as a private JWK (sign and decrypt are imported from it). */
  nationalJwk: PrivateJwk;
  nationalKeyid: string;
  floorJsonl: string;
  schools: number;
  planted: number;
}

export async function makeNationalSet(size: number, dir: string, log: (m: string) => void): Promise<NationalSet> {
  const schoolsPer = Math.max(1, Math.min(120, Math.round(size / DISTRICTS / PER_SCHOOL)));
  const perSchool = Math.ceil(size / DISTRICTS / schoolsPer);
  const national = await generateSigningKey(true);
  const files: string[] = [];
  const districtKeys: TrustedKey[] = [];
  const floorJsonl = join(dir, 'students.jsonl');
  writeFileSync(floorJsonl, '');
  let n = 0;
  let planted = 0;
  let copies = 0;
  let carryOver: Student[] = [];
  for (let d = 0; d < DISTRICTS; d++) {
    const schools: TestSchool[] = [];
    for (let s = 0; s < schoolsPer; s++) {
      const students = Array.from({ length: perSchool }, () => generatedStudent(n++));
      // The children planted by the district before: counted here too, under a new record id.
      if (s === 0) {
        students.push(...carryOver);
        planted += carryOver.length;
      }
      schools.push(await makeSchool(d * schoolsPer + s + 1, students));
    }
    carryOver = schools
      .flatMap((s) => s.students.filter((_, i) => i % PLANT_EVERY === 7))
      .map(({ id: _id, ...rest }) => newStudent(`00000000-0000-4000-9000-${String(copies++).padStart(12, '0')}`, rest));
    const district = await makeDistrict(String(1000 + d), `สพป.ทดสอบ เขต ${d + 1}`, schools);
    districtKeys.push({
      keyid: district.key.keyid,
      alg: 'ES256' as const,
      spki: toBase64(district.key.spki),
      role: 'district' as const,
      name: district.name,
      school: null,
      district: district.code,
    });
    const subs = [];
    for (const s of schools) {
      subs.push(
        await submissionOf(s, { encryptTo: district.key, district: { code: district.code, name: district.name } }),
      );
      appendFileSync(floorJsonl, s.students.map((x) => JSON.stringify(x)).join('\n') + '\n');
    }
    const file = join(dir, `export-${district.code}.tabian`);
    writeFileSync(file, (await exportOf(district, subs, { keyid: national.keyid, spki: national.spki })).bytes);
    files.push(file);
    if (d % 49 === 0)
      log(`national: generated ${d + 1}/${DISTRICTS} districts (${n.toLocaleString('en-US')} students)`);
  }
  return {
    files,
    districtKeys,
    nationalJwk: await exportPrivateJwk(national.privateKey),
    nationalKeyid: national.keyid,
    floorJsonl,
    schools: DISTRICTS * schoolsPer,
    planted,
  };
}
