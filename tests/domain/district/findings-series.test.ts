// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  answersFor,
  findingReplySchema,
  findingState,
  repliesToSend,
  type FindingReply,
} from '../../../src/domain/district/finding-reply';
import { isLate, needsNextBundle, seriesState } from '../../../src/domain/district/findings-series';
import { payloadFile } from '../../../src/domain/bundle/payloads';
import { summarySchema } from '../../../src/domain/district/summary';

const reply: FindingReply = {
  findingId: 'id.duplicate:s1:0123456789abcdef',
  studentId: 's1',
  findingsSequence: 2,
  answer: 'studies-here',
  note: 'เรียนที่นี่ทุกวัน',
  by: 'นายสมปอง',
  at: '2026-06-22T09:00:00+07:00',
};

describe("a school's findings series (district side)", () => {
  const first = { sequence: 1, findingIds: ['a', 'b'], at: '2026-06-20T10:00:00+07:00', acknowledged: true };

  it('before acknowledgement nothing is "new since": the acknowledgement carries the first list', () => {
    const s = seriesState([{ id: 'a' }], []);
    expect(s).toMatchObject({ open: 1, fresh: ['a'], acknowledged: false });
    expect(needsNextBundle(s)).toBe(false);
  });

  it('a finding no bundle carried, after acknowledgement, asks for the next bundle of the chain', () => {
    const s = seriesState([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [first]);
    expect(s.fresh).toEqual(['c']);
    expect(needsNextBundle(s)).toBe(true);
    const after = seriesState(
      [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      [{ sequence: 2, findingIds: ['a', 'b', 'c'], at: '', acknowledged: false }, first],
    );
    expect(after.sent.map((x) => x.sequence)).toEqual([1, 2]);
    expect(needsNextBundle(after)).toBe(false);
  });

  it('a finding that went away (a pair dismissed, a child withdrawn) is not new and does not ask for a bundle', () => {
    expect(needsNextBundle(seriesState([{ id: 'a' }], [first]))).toBe(false);
  });

  it('late is after the deadline, by local calendar date', () => {
    expect(isLate('2026-06-10', '2026-06-10')).toBe(false);
    expect(isLate('2026-06-11', '2026-06-10')).toBe(true);
  });
});

describe("the school's answer (finding-reply/1)", () => {
  it('is open until answered, answered until a submission made after it, then sent', () => {
    expect(findingState(null, '2026-06-23T00:00:00Z')).toBe('open');
    expect(findingState(reply, null)).toBe('answered');
    expect(findingState(reply, '2026-06-21T10:00:00+07:00')).toBe('answered');
    expect(findingState(reply, '2026-06-22T10:00:00+07:00')).toBe('sent');
  });

  it('offers the likeliest answer first: withdraw for the same ID, "studies here" for a possible duplicate', () => {
    expect(answersFor('same-id')[0]).toBe('withdrawn');
    expect(answersFor('same-name')[0]).toBe('studies-here');
  });

  it('travels as a payload file of a submission, and the district summary keeps it', () => {
    const file = payloadFile(
      'payload/finding-replies.jsonl',
      'finding-reply/1',
      repliesToSend([{ reply }, { reply: null }]),
    );
    expect(file.records).toBe(1);
    expect(findingReplySchema.parse(JSON.parse(new TextDecoder().decode(file.bytes)))).toEqual(reply);
    expect(() => findingReplySchema.parse({ ...reply, answer: 'maybe' })).toThrow();
    expect(summarySchema.shape.replies.parse([reply])).toEqual([reply]);
  });
});

describe('the round at a glance (district Home)', () => {
  it('counts schools by where they stand and the findings to follow', async () => {
    const { boardRow, roundSummary } = await import('../../../src/domain/district/board');
    const summary = {
      format: 'tabian-summary/1' as const,
      asOf: '2026-06-10',
      records: 2,
      students: 2,
      byGrade: {},
      noGrade: { M: 0, F: 0, unknown: 0 },
      disadvantage: {},
      disability: {},
      movements: null,
      replies: [reply],
    };
    const sub = {
      id: 'h',
      bundleId: 'b',
      sequence: 1,
      acts: ['confirm-existence', 'certify'] as const,
      summary,
      receivedAt: '2026-06-12T01:00:00Z',
    };
    const base = {
      previous: null,
      acknowledged: new Map([['h', '2026-06-20T03:00:00Z']]),
      accepted: [1],
      held: [],
      waiting: 0,
      rejected: 0,
    };
    const rows = [
      boardRow({
        ...base,
        school: { code: '1', smis: '1', name: 'ก' },
        submissions: [{ ...sub, acts: [...sub.acts] }],
        late: true,
        series: { sent: [], open: 2, fresh: ['x'], acknowledged: true },
      }),
      boardRow({ ...base, school: { code: '2', smis: '2', name: 'ข' }, submissions: [], waiting: 1 }),
    ];
    expect(roundSummary(rows)).toEqual({
      schools: 2,
      submitted: 1,
      acknowledged: 1,
      late: 1,
      held: 1,
      rejected: 0,
      openFindings: 2,
      newFindings: 1,
      replies: 1,
    });
  });
});
