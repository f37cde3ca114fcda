// @vitest-environment node
// Province consolidation from district exports (decision 32): per-district trust, the schools' bundles verified
// inside, chains across files, national findings for the districts, and the report.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo } from '../factories/io';
import { nationalCommand } from '../../src/cli/commands/national';
import { readKeyFile } from '../../src/domain/district/key-file';
import { recordsOf } from '../../src/domain/bundle/verify-files';
import { verifyBundle } from '../../src/domain/bundle/verify';
import { TRUST_FORMAT, type TrustList } from '../../src/domain/bundle/trust';
import { findingsBundleOf, makeSchools, plantCases, submissionOf } from '../factories/district';
import { districtPublicFile, exportOf, makeDistrict } from '../factories/district-export';

async function run(...args: string[]) {
  const io = fakeIo();
  const code = await nationalCommand.run(args, io);
  return { code, errLines: io.errLines, json: io.outLines[0]?.startsWith('{') ? JSON.parse(io.outLines[0]) : null };
}

describe('tabian national with district exports', () => {
  it("ingests three districts' exports once, checks chains across files, and sends each district its findings", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabian-province-'));
    const [a, b, c] = await makeSchools(3, 10);
    const planted = plantCases(a!, b!, c!);
    const districts = [
      await makeDistrict('1050', 'สพป.เชียงใหม่ เขต 1', [a!]),
      await makeDistrict('2050', 'สพป.ลำพูน เขต 1', [b!]),
      await makeDistrict('3050', 'สพม.ลำปาง', [c!]),
    ];
    expect(
      (
        await run(
          'keygen',
          '--out',
          join(dir, 'national.jwk'),
          '--public',
          join(dir, 'national.public.json'),
          '--name',
          'สพฐ.',
        )
      ).code,
    ).toBe(0);
    const nationalFile = await readKeyFile(readFileSync(join(dir, 'national.public.json'), 'utf8'));
    if (!nationalFile.ok) throw new Error('national key file');
    const national = nationalFile.keys[0]!;
    expect(national.role).toBe('national');
    const nationalSpki = Uint8Array.from(atob(national.spki), (ch) => ch.charCodeAt(0));

    const firstSubmission = new Map<string, Awaited<ReturnType<typeof submissionOf>>>();
    for (const d of districts) {
      const s = d.schools[0]!;
      const sub = await submissionOf(s, { encryptTo: d.key, district: { code: d.code, name: d.name } });
      firstSubmission.set(s.code, sub);
      const ack = await findingsBundleOf(d.key, { code: s.code, smis: s.smis, name: s.name }, [], null);
      writeFileSync(
        join(dir, `export-${d.code}.tabian`),
        (await exportOf(d, [sub], { keyid: national.keyid, spki: nationalSpki }, { findings: [ack] })).bytes,
      );
      writeFileSync(join(dir, `${d.code}.public.json`), JSON.stringify(districtPublicFile(d)));
    }
    const db = join(dir, 'province.duckdb');
    const trustArgs = districts.flatMap((d) => ['--district-trust', `${d.code}=${join(dir, `${d.code}.public.json`)}`]);
    const ingest = (...files: string[]) =>
      run('ingest', ...files, '--db', db, ...trustArgs, '--key', join(dir, 'national.jwk'));

    const first = await ingest(...districts.map((d) => join(dir, `export-${d.code}.tabian`)));
    expect(first.json).toMatchObject({
      accepted: 3,
      rejected: 0,
      skipped: 0,
      students: 35,
      districtExports: 3,
      chainIssues: [],
    });
    expect((await ingest(...districts.map((d) => join(dir, `export-${d.code}.tabian`)))).json).toMatchObject({
      accepted: 0,
      rejected: 0,
      skipped: 3,
    });

    // Another district's key does not make an export of 1050 trusted.
    const [d1, d2] = districts as [(typeof districts)[0], (typeof districts)[0]];
    const forged = await exportOf(
      { ...d2, code: d1.code },
      [],
      { keyid: national.keyid, spki: nationalSpki },
      { sequence: 1, previous: null },
    );
    writeFileSync(join(dir, 'forged.tabian'), forged.bytes);
    expect((await ingest(join(dir, 'forged.tabian'))).json).toMatchObject({ rejected: 1, districtExports: 0 });

    // A fork (another sequence 1 of school A) in district 1050's next export, and a gap (sequence 3 after 1).
    const s = d1.schools[0]!;
    const other = await submissionOf(s, { encryptTo: d1.key, district: { code: d1.code, name: d1.name } });
    const third = await submissionOf(s, {
      encryptTo: d1.key,
      district: { code: d1.code, name: d1.name },
      sequence: 3,
      previous: firstSubmission.get(s.code)!.statementSha256,
    });
    const firstExport = await verifyBundle(readFileSync(join(dir, 'export-1050.tabian')));
    writeFileSync(
      join(dir, 'export-1050-2.tabian'),
      (
        await exportOf(
          d1,
          [other, third],
          { keyid: national.keyid, spki: nationalSpki },
          { sequence: 2, previous: firstExport.statementSha256 },
        )
      ).bytes,
    );
    const second = await ingest(join(dir, 'export-1050-2.tabian'));
    expect(second.json).toMatchObject({ accepted: 1, rejected: 1, districtExports: 1 });
    const issues = second.json.chainIssues as { issue: string; first: string; second: string; chain: string }[];
    expect(issues.map((i) => i.issue).sort()).toEqual(['chain.fork', 'chain.gap']);
    const fork = issues.find((i) => i.issue === 'chain.fork')!;
    expect([fork.chain, fork.first, fork.second]).toEqual([
      s.code,
      firstSubmission.get(s.code)!.statementSha256,
      other.statementSha256,
    ]);

    // National findings: each district gets its own children counted elsewhere, the other district named.
    const findingsDir = join(dir, 'findings');
    const dup = await run('duplicates', '--db', db, '--findings-dir', findingsDir, '--key', join(dir, 'national.jwk'));
    expect(dup.code).toBe(0);
    expect(dup.json.duplicates.length).toBe(planted.pairs.length);
    const files = readdirSync(findingsDir).sort();
    expect(files).toEqual([
      'national-findings-1050-2569-term1-1.tabian',
      'national-findings-2050-2569-term1-1.tabian',
      'national-findings-3050-2569-term1-1.tabian',
    ]);
    const trust: TrustList = { format: TRUST_FORMAT, keys: [national] };
    const v = await verifyBundle(readFileSync(join(findingsDir, files[1]!)), { trust });
    expect(v.valid && v.signers[0]!.trusted).toBe(true);
    const findings = recordsOf(v.payload!, 'national-finding/1');
    expect(findings.map((f) => [f.school.code, f.otherDistrict.code, f.otherSchool.code])).toContainEqual([
      b!.code,
      '1050',
      a!.code,
    ]);
    expect(findings[0]!.reason.th).toContain('สพป.เชียงใหม่ เขต 1');
    // Nothing changed: no new bundle.
    await run('duplicates', '--db', db, '--findings-dir', findingsDir, '--key', join(dir, 'national.jwk'));
    expect(readdirSync(findingsDir)).toHaveLength(3);

    const rates = join(dir, 'rates.json');
    writeFileSync(
      rates,
      JSON.stringify({
        academicYear: 2569,
        source: 'หนังสือทดสอบ',
        rates: [{ item: 'ค่าจัดการเรียนการสอน', level: 'primary', bahtPerHead: 1900 }],
        enteredAt: '2026-05-01T09:00:00+07:00',
        enteredBy: 'test',
      }),
    );
    const report = await run('report', '--db', db, '--rates', rates, '--xlsx', join(dir, 'report.xlsx'));
    expect(report.code).toBe(0);
    const round = report.json.rounds[0];
    expect(round.byProvince.map((p: { province: string }) => p.province).sort()).toEqual(
      ['ลำปาง', 'ลำพูน', 'เชียงใหม่'].sort(),
    );
    expect(round.students.total).toBe(dup.json.students);
    expect(round.movements['transfer-in']).toBe(2);
    expect(round.subsidy.baht).toBe(round.byLevel.primary.total * 1900);
    expect(existsSync(join(dir, 'report.xlsx'))).toBe(true);
  }, 120_000);
});
