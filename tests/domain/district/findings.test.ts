// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createBundle } from '../../../src/domain/bundle/create';
import { generateSigningKey } from '../../../src/domain/bundle/keys';
import { toBase64 } from '../../../src/domain/bundle/bytes';
import { verifyBundle } from '../../../src/domain/bundle/verify';
import { recordsOf } from '../../../src/domain/bundle/verify-files';
import { crossCheck } from '../../../src/domain/district/cross-check';
import { findingsContents, findingsFor } from '../../../src/domain/district/findings';
import { toRoster } from '../../../src/domain/district/roster';
import { generatedStudent, random } from '../../factories/district';

const A = { code: '1050130001', name: 'โรงเรียนเอ' };
const B = { code: '1050130002', name: 'โรงเรียนบี' };
const AS_OF = '2026-06-10';

function pairs() {
  const same = generatedStudent(10);
  const close = generatedStudent(11);
  const closeInB = {
    ...close,
    id: 'close-b',
    idNo: generatedStudent(12).idNo,
    lastName: close.lastName.slice(0, -1) + 'ณ',
    firstName: close.firstName,
  };
  return crossCheck(
    [
      { school: A, rows: toRoster([same, close], []).rows },
      { school: B, rows: toRoster([{ ...same, id: 'same-b', firstName: 'ชื่อในบี' }, closeInB], []).rows },
    ],
    AS_OF,
  ).pairs;
}

describe('findingsFor', () => {
  it('names the other school only for a pair the officer chose to reveal; by default "another school in this district"', () => {
    const found = pairs();
    const hidden = findingsFor(found, B.code, AS_OF);
    expect(hidden.every((f) => f.otherSchool === null)).toBe(true);
    const text = JSON.stringify(hidden);
    expect(text).not.toContain(A.code);
    expect(text).not.toContain(A.name);
    expect(
      hidden.every(
        (f) =>
          f.reason.th.startsWith('โรงเรียนอื่นในเขตพื้นที่นี้') && f.reason.en.startsWith('Another school in this district'),
      ),
    ).toBe(true);
    const sameId = found.find((p) => p.match === 'same-id')!;
    const shown = findingsFor(found, B.code, AS_OF, new Set([sameId.key]));
    expect(shown.map((f) => f.otherSchool?.code ?? null).sort()).toEqual([A.code, null].sort());
    // The id stays the same whether or not the school is named, so an answer still finds its finding.
    expect(shown.map((f) => f.id).sort()).toEqual(hidden.map((f) => f.id).sort());
  });

  it("tells each school about its own student and, when revealed, the other school's code and name, nothing of the other student", () => {
    const found = pairs();
    expect(found.map((p) => p.match).sort()).toEqual(['close-surname', 'same-id']);
    const forB = findingsFor(found, B.code, AS_OF, new Set(found.map((p) => p.key)));
    expect(forB.map((f) => f.studentId).sort()).toEqual(['close-b', 'same-b']);
    expect(forB.every((f) => f.otherSchool?.code === A.code && f.otherSchool.name === A.name)).toBe(true);
    const a = found.flatMap((p) => p.sides.filter((s) => s.school.code === A.code));
    const text = JSON.stringify(forB);
    for (const side of a) expect(text).not.toContain(side.row[0]);
    // The close-surname pair differs in the surname: A's spelling must not reach B.
    const closeInA = found.find((p) => p.match === 'close-surname')!.sides[0];
    expect(text).not.toContain(closeInA.row[5]);
  });

  it('is what a findings bundle carries, signed by the district and readable by the school', async () => {
    const district = await generateSigningKey(false);
    const findings = findingsFor(pairs(), A.code, AS_OF);
    const ack = {
      submission: { bundleId: '3b241101-e2bb-4255-8caf-4136c566a962', sequence: 1, statementSha256: 'a'.repeat(64) },
      academicYear: 2569,
      round: 'term1' as const,
      asOf: AS_OF,
      students: 2,
      findings: findings.length,
      officer: 'นายสมปอง',
      at: '2026-06-20T10:00:00+07:00',
    };
    const made = await createBundle(
      {
        kind: 'findings',
        bundleId: crypto.randomUUID(),
        createdAt: ack.at,
        app: { name: 'tabian', version: '0.1.0' },
        school: { code: A.code, smis: '50130001', name: A.name },
        district: { code: '1050', name: 'สพป.ทดสอบ' },
        academicYear: 2569,
        round: 'term1',
        asOf: AS_OF,
        sequence: 1,
        previous: null,
        ...findingsContents(findings, ack),
        signers: [{ key: district, role: 'district', name: 'นายสมปอง', act: 'acknowledge', at: ack.at }],
        encryptTo: null,
      },
      random,
    );
    const trust = {
      format: 'tabian-trust/1' as const,
      keys: [
        {
          keyid: district.keyid,
          alg: 'ES256' as const,
          spki: toBase64(district.spki),
          role: 'district' as const,
          name: 'สพป.ทดสอบ',
          school: null,
        },
      ],
    };
    const r = await verifyBundle(made.bytes, { trust });
    expect(r.reason).toBeNull();
    expect(recordsOf(r.payload!, 'finding/1')).toEqual(findings);
    expect(recordsOf(r.payload!, 'acknowledgement/1')).toEqual([ack]);
    expect(r.statement!.counts).toEqual({ findings: 2, acknowledged: true });
  });
});
