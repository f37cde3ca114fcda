// @vitest-environment node
// Decision 41: school bundles verified in worker threads give the very rows and verdicts the main thread gives.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNationalDb } from '../../src/cli/national/db';
import { ingestFiles, type IngestFile } from '../../src/cli/national/ingest';
import { TRUST_FORMAT, type TrustList } from '../../src/domain/bundle/trust';
import { toBase64 } from '../../src/domain/bundle/bytes';
import { editEntries } from '../domain/bundle/tamper-kit';
import { makeSchools, plantCases, submissionOf } from '../fixtures/district';
import { exportOf, makeDistrict } from '../fixtures/district-export';
import { exportPrivateJwk, generateSigningKey, importPrivateJwk } from '../../src/domain/bundle/keys';

const TABLES = ['bundles', 'rejected', 'students', 'movements', 'district_exports', 'chain_issues'];

describe('national ingest in a worker pool', () => {
  it('stores the same rows and verdicts as verifying on the main thread, and a second ingest changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabian-pool-'));
    const schools = await makeSchools(4, 15);
    plantCases(schools[0]!, schools[1]!, schools[2]!);
    const districts = [
      await makeDistrict('1050', 'สพป.หนึ่ง', schools.slice(0, 2)),
      await makeDistrict('2050', 'สพป.สอง', schools.slice(2)),
    ];
    const national = await generateSigningKey(true);
    const decrypt = await importPrivateJwk(await exportPrivateJwk(national.privateKey), 'decrypt');
    const files: IngestFile[] = [];
    for (const d of districts) {
      const subs = await Promise.all(
        d.schools.map((s) => submissionOf(s, { encryptTo: d.key, district: { code: d.code, name: d.name } })),
      );
      // The second district carries one school bundle whose envelope is broken (before the district signs).
      if (d.code === '2050')
        subs[1] = {
          ...subs[1]!,
          bytes: editEntries(subs[1]!.bytes, (e) => e.set('statement.dsse.json', new TextEncoder().encode('{}'))),
        };
      const bytes = (await exportOf(d, subs, { keyid: national.keyid, spki: national.spki })).bytes;
      files.push({ name: `export-${d.code}.tabian`, read: async () => bytes });
    }
    const trust: TrustList = {
      format: TRUST_FORMAT,
      keys: districts.map((d) => ({
        keyid: d.key.keyid,
        alg: 'ES256' as const,
        spki: toBase64(d.key.spki),
        role: 'district' as const,
        name: d.name,
        school: null,
        district: d.code,
      })),
    };
    const now = new Date('2026-06-20T03:00:00Z');
    const opts = { trust, decryptionKeys: [{ keyid: national.keyid, privateKey: decrypt.privateKey }], now };

    const dump = async (workers: number) => {
      const db = await openNationalDb(join(dir, `w${workers}.duckdb`));
      const result = await ingestFiles(db.connection, files, { ...opts, workers });
      const again = await ingestFiles(db.connection, files, { ...opts, workers });
      const tables: Record<string, unknown[]> = {};
      for (const t of TABLES)
        tables[t] = (await db.connection.runAndReadAll(`SELECT * FROM ${t} ORDER BY ALL`)).getRowObjectsJson();
      db.close();
      return { result, again, tables };
    };
    const pooled = await dump(2);
    const main = await dump(0);
    expect(pooled.result).toMatchObject({ accepted: 3, rejected: 1, districtExports: 2 });
    expect(pooled.result.students).toBeGreaterThan(40);
    expect(pooled.again).toEqual({
      accepted: 0,
      rejected: 0,
      skipped: 2,
      students: 0,
      districtExports: 0,
      chainIssues: [],
    });
    expect(pooled.tables['rejected']).toMatchObject([{ reason: 'envelope.malformed' }]);
    expect(pooled).toEqual(main);
  }, 60_000);
});
