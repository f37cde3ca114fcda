import { describe, expect, it } from 'vitest';
import { TabianDb, type CorrectionRow } from '../../src/db/database';
import { deleteCorrection, getCorrection, listCorrections, saveCorrection } from '../../src/db/correction-repo';
import { correctionProblems, withStatus } from '../../src/domain/corrections/request';
import { citizenId } from '../factories/students';

const db = () => new TabianDb(`corrections-${Math.random()}`);
const at = '2026-11-23T03:00:00.000Z';
const request = (id: string, createdAt = at): CorrectionRow => ({
  id,
  studentId: 's1',
  schoolCode: '1050130001',
  studentName: 'เด็กหญิงมาลี ใจดี',
  wrongId: citizenId(1),
  correctId: citizenId(2),
  note: '',
  evidence: [
    { id: 'e1', name: 'บัตร.jpg', type: 'image/jpeg', size: 4, bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]).buffer },
  ],
  status: 'drafted',
  createdAt,
  updatedAt: createdAt,
  sentAt: null,
  correctedAt: null,
});

describe('ID-correction requests', () => {
  it('keep their evidence bytes, list newest first, and delete with them', async () => {
    const d = db();
    await saveCorrection(d, request('c1'));
    await saveCorrection(d, request('c2', '2026-11-24T03:00:00.000Z'));
    const got = await getCorrection(d, 'c1');
    expect(new Uint8Array(got!.evidence[0]!.bytes)).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
    expect((await listCorrections(d)).map((r) => r.id)).toEqual(['c2', 'c1']);
    await deleteCorrection(d, 'c1');
    expect(await getCorrection(d, 'c1')).toBeNull();
  });

  it('refuse a request that does not fit the schema', async () => {
    await expect(saveCorrection(db(), { ...request('c3'), status: 'lost' as never })).rejects.toThrow();
  });

  it('say what is missing before a request can be sent', () => {
    const meta = { wrongId: '', correctId: '1101700012340', evidence: [] };
    expect(correctionProblems(meta).map((p) => p.rule)).toEqual([
      'correction.wrong_missing',
      'correction.correct_checksum',
      'correction.no_evidence',
    ]);
    expect(
      correctionProblems({ ...meta, wrongId: citizenId(2), correctId: citizenId(2) }).map((p) => p.rule),
    ).toContain('correction.same');
    expect(
      correctionProblems({
        wrongId: citizenId(1),
        correctId: citizenId(2),
        evidence: [{ id: 'e', name: 'a', type: 'image/png', size: 1 }],
      }),
    ).toEqual([]);
  });

  it('keep the time of each step', () => {
    const { evidence: _e, ...rest } = request('c4');
    const sent = withStatus({ ...rest, evidence: [] }, 'sent', '2026-11-25T03:00:00.000Z');
    const done = withStatus(sent, 'corrected', '2026-11-30T03:00:00.000Z');
    expect([done.sentAt, done.correctedAt]).toEqual(['2026-11-25T03:00:00.000Z', '2026-11-30T03:00:00.000Z']);
  });
});
