// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { TabianDb } from '../../src/db/database';
import { acceptFindings, acknowledgementOf, findingsOfStudent, listFindings } from '../../src/db/findings-repo';
import { generateSigningKey } from '../../src/domain/bundle/keys';
import { verifyBundle } from '../../src/domain/bundle/verify';
import { recordsOf } from '../../src/domain/bundle/verify-files';
import type { FindingRecord } from '../../src/domain/district/findings-payload';
import type { Incoming } from '../../src/domain/district/incoming';
import { districtTrust, findingsBundleOf } from '../factories/district';

const school = { code: '1050130001', smis: '50130001', name: 'โรงเรียนเอ' };
const finding = (studentId: string): FindingRecord => ({
  id: `id.duplicate:${studentId}:1050130002`,
  studentId,
  rule: 'id.duplicate',
  match: 'same-id',
  student: { idNo: '1101800000101', prefix: 'เด็กหญิง', firstName: 'มาลี', lastName: 'ใจดี' },
  otherSchool: { code: '1050130002', name: 'โรงเรียนบี' },
  reason: { th: 'ซ้ำ', en: 'same' },
  asOf: '2026-06-10',
});
const ack = (sequence: number) => ({
  submission: {
    bundleId: '3b241101-e2bb-4255-8caf-4136c566a962',
    sequence,
    statementSha256: String(sequence).repeat(64),
  },
  academicYear: 2569,
  round: 'term1' as const,
  asOf: '2026-06-10',
  students: 30,
  findings: 1,
  officer: 'นายสมปอง ข้อมูลดี',
  at: `2026-06-2${sequence}T03:00:00.000Z`,
});

async function incoming(
  bytes: Uint8Array<ArrayBuffer>,
  trust: ReturnType<typeof districtTrust>,
): Promise<{ v: Incoming; findings: FindingRecord[] }> {
  const r = await verifyBundle(bytes, { trust });
  const v: Incoming = {
    fileSha256: 'f'.repeat(64),
    size: bytes.length,
    valid: r.valid,
    reason: r.reason,
    detail: r.detail,
    statement: r.statement,
    statementSha256: r.statementSha256,
    signers: r.signers,
    keys: r.statement!.keys,
    summary: null,
    roster: null,
  };
  return { v, findings: recordsOf(r.payload!, 'finding/1') };
}

describe('findings repository', () => {
  it('stores a findings bundle with its findings, the later bundle of a round replacing the earlier one', async () => {
    const d = new TabianDb(`findings-${Math.random()}`);
    const district = await generateSigningKey(false);
    const trust = districtTrust(district);
    const first = await findingsBundleOf(district, school, [finding('s1'), finding('s2')], ack(1));
    const a = await incoming(first.bytes, trust);
    expect(
      (
        await acceptFindings(
          d,
          a.v,
          {
            fileName: 'f1.tabian',
            file: new Blob([first.bytes]),
            receivedAt: '2026-06-21T03:00:00.000Z',
            summary: ack(1),
          },
          a.findings,
        )
      ).outcome,
    ).toBe('accepted');
    expect((await listFindings(d, { academicYear: 2569, round: 'term1' })).map((f) => f.studentId).sort()).toEqual([
      's1',
      's2',
    ]);
    expect(await acknowledgementOf(d, school.code, 2569, 'term1')).toMatchObject({
      by: 'นายสมปอง ข้อมูลดี',
      sequence: 1,
      acknowledgement: ack(1),
    });

    const second = await findingsBundleOf(district, school, [finding('s2')], ack(2), {
      sequence: 2,
      previous: first.statementSha256,
    });
    const b = await incoming(second.bytes, trust);
    await acceptFindings(
      d,
      b.v,
      {
        fileName: 'f2.tabian',
        file: new Blob([second.bytes]),
        receivedAt: '2026-06-22T03:00:00.000Z',
        summary: ack(2),
      },
      b.findings,
    );
    expect((await listFindings(d)).map((f) => f.studentId)).toEqual(['s2']);
    expect(await findingsOfStudent(d, 's1')).toEqual([]);
    expect((await findingsOfStudent(d, 's2'))[0]).toMatchObject({
      bundleId: second.statementSha256,
      academicYear: 2569,
      round: 'term1',
    });
    expect((await acknowledgementOf(d, school.code, 2569, 'term1'))!.sequence).toBe(2);
    expect(await acknowledgementOf(d, school.code, 2569, 'term2')).toBeNull();
  });
});
