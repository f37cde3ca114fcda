// @vitest-environment node
// A province round through the district's own services (fake IndexedDB) and the `tabian national` command
// (decision 32): the app's district exports its round above, a second district's export is made with the same
// domain code, the province ingests both, finds the child counted in the two districts, writes the national
// findings, and the app's district imports them with the other district named.
import { openTestDataKey } from '../../fixtures/data-key';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { nationalCommand } from '../../../src/cli/commands/national';
import { appDb, resetAppDb } from '../../../src/db/database';
import { saveProfile } from '../../../src/db/profile-repo';
import { fromBase64, toBase64 } from '../../../src/domain/bundle/bytes';
import { exportPrivateJwk, generateSigningKey } from '../../../src/domain/bundle/keys';
import { publicKeyFile } from '../../../src/domain/bundle/trust';
import { verifyBundle } from '../../../src/domain/bundle/verify';
import type { DistrictProfile } from '../../../src/domain/school';
import { session } from '../../../src/ui/state/session.svelte';
import { makeSchools, plantCases, submissionOf, trustOf } from '../../factories/district';
import { districtPublicFile, exportOf, makeDistrict } from '../../factories/district-export';

vi.mock('../../../src/ui/services/export.service', () => ({ download: () => {} }));
const { createDistrictKey, districtPublicKeyFile } = await import('../../../src/ui/services/keys.service');
const { enrolKeyFile } = await import('../../../src/ui/services/trust.service');
const { importBundleFiles } = await import('../../../src/ui/services/bundles-in.service');
const { exportAbove } = await import('../../../src/ui/services/district-export.service');
const { importNationalFindings, nationalFindingsOf } =
  await import('../../../src/ui/services/national-findings.service');

const profile: DistrictProfile = {
  kind: 'district',
  version: 1,
  code: '1050',
  name: 'สพป.เชียงใหม่ เขต 1',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
};
const officer = {
  id: 'u1',
  name: 'นายสมปอง ข้อมูลดี',
  role: 'officer' as const,
  rooms: [],
  pin: { alg: 'PBKDF2-SHA256' as const, iterations: 100_000, salt: 'x'.repeat(16), hash: 'x'.repeat(32) },
  failedAttempts: 0,
  lockedUntil: null,
  active: true,
  createdAt: '2026-05-01T00:00:00.000Z',
};
const ref = { academicYear: 2569, round: 'term1' as const };

async function cli(...args: string[]) {
  const out: string[] = [];
  const code = await nationalCommand.run(args, { out: (l) => out.push(l), err: () => {} });
  return { code, json: out[0] ? JSON.parse(out[0]) : null };
}

beforeAll(async () => {
  resetAppDb();
  await appDb().delete();
  resetAppDb();
  await saveProfile(appDb(), profile);
  session.signIn(officer);
  await openTestDataKey();
});

describe('a province round: district export → national ingest → national findings → district import', () => {
  it("carries the schools' own bundles above and brings back the pairs across districts", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabian-round-'));
    const [a, b, c] = await makeSchools(3, 8);
    const planted = plantCases(a!, b!, c!);
    // The app's district holds schools A and C; another district holds B.
    await createDistrictKey('สำรอง-กุญแจ-2569', new Date('2026-06-01T00:00:00Z'));
    await enrolKeyFile(new Blob([JSON.stringify(trustOf([a!, c!]))]));
    const ours = (await districtPublicKeyFile())!;
    const to = { keyid: ours.keyid, spki: fromBase64(ours.spki)! };
    const files = [];
    for (const s of [a!, c!])
      files.push(
        new File(
          [(await submissionOf(s, { encryptTo: to, district: { code: profile.code, name: profile.name } })).bytes],
          `${s.code}.tabian`,
        ),
      );
    expect((await importBundleFiles(files, () => {})).results.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);

    // Without the national key enrolled, the encrypted submissions cannot be granted: the export says so.
    expect(await exportAbove(ref)).toEqual({ ok: false, problem: 'dexport.no_national_key' });
    const national = await generateSigningKey(true);
    const nationalPublic = publicKeyFile({
      keyid: national.keyid,
      alg: 'ES256',
      spki: toBase64(national.spki),
      role: 'national',
      name: 'สพฐ.',
      school: null,
    });
    expect(await enrolKeyFile(new Blob([JSON.stringify(nationalPublic)]), null)).toMatchObject({ ok: true });

    const steps: string[] = [];
    const made = await exportAbove(ref, (p) => steps.push(`${p.step} ${p.done}/${p.total}`));
    if (!made.ok) throw new Error(made.problem);
    expect(made).toMatchObject({ schools: 2, submissions: 2, findings: 0, sequence: 1 });
    expect(steps.at(-1)).toBe('sign 1/1');
    const v = await verifyBundle(new Uint8Array(made.file.bytes));
    expect(v.statement).toMatchObject({
      kind: 'district-export',
      school: null,
      district: { code: '1050' },
      sequence: 1,
    });
    writeFileSync(join(dir, made.file.name), made.file.bytes);

    const other = await makeDistrict('2050', 'สพป.ลำพูน เขต 1', [b!]);
    const bSub = await submissionOf(b!, { encryptTo: other.key, district: { code: other.code, name: other.name } });
    writeFileSync(
      join(dir, 'export-2050.tabian'),
      (await exportOf(other, [bSub], { keyid: national.keyid, spki: national.spki })).bytes,
    );
    writeFileSync(join(dir, '1050.public.json'), JSON.stringify(ours));
    writeFileSync(join(dir, '2050.public.json'), JSON.stringify(districtPublicFile(other)));
    writeFileSync(join(dir, 'national.jwk'), JSON.stringify(await exportPrivateJwk(national.privateKey)));

    const db = join(dir, 'province.duckdb');
    const ingested = await cli(
      'ingest',
      join(dir, made.file.name),
      join(dir, 'export-2050.tabian'),
      '--db',
      db,
      '--district-trust',
      `1050=${join(dir, '1050.public.json')}`,
      '--district-trust',
      `2050=${join(dir, '2050.public.json')}`,
      '--key',
      join(dir, 'national.jwk'),
    );
    expect(ingested.json).toMatchObject({ accepted: 3, rejected: 0, districtExports: 2 });

    const out = join(dir, 'findings');
    const dup = await cli(
      'duplicates',
      '--db',
      db,
      '--findings-dir',
      out,
      '--key',
      join(dir, 'national.jwk'),
      '--office',
      'สพฐ.',
    );
    const acrossAB = planted.pairs.filter((p) => p.schools.includes(b!.code));
    expect(dup.json.duplicates).toHaveLength(acrossAB.length);
    const ourFile = readdirSync(out).find((f) => f.includes('-1050-'))!;

    const imported = await importNationalFindings(new File([readFileSync(join(out, ourFile))], ourFile));
    expect(imported).toMatchObject({ ok: true, outcome: 'accepted', findings: acrossAB.length, sequence: 1 });
    const list = (await nationalFindingsOf(ref))!.findings;
    expect(
      list
        .map((f) => [f.school.code, f.student.idNo, f.otherDistrict.code, f.otherDistrict.name, f.otherSchool.code])
        .sort(),
    ).toEqual(acrossAB.map((p) => [a!.code, p.idNo, '2050', 'สพป.ลำพูน เขต 1', b!.code]).sort());
    // Another district's findings are refused.
    const theirs = readdirSync(out).find((f) => f.includes('-2050-'))!;
    expect(await importNationalFindings(new File([readFileSync(join(out, theirs))], theirs))).toMatchObject({
      ok: false,
      problem: 'nfind.other_district',
    });
  }, 120_000);
});
