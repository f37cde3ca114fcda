import { describe, expect, it } from 'vitest';
import { canReverse, causeOf, withdrawalCauses } from '../../../src/domain/year/movement';
import {
  buildMovement,
  checkMovementDraft,
  reverseMovement,
  type MovementDraft,
} from '../../../src/domain/year/movement-draft';
import { aStudent } from '../../factories/students';
import { aMovement, reversed } from './factories';

const by = { userId: 'u1', userName: 'ครูสมใจ' };
const meta = { id: 'mv1', at: '2026-07-01T03:00:00.000Z', by };
const draft = (fields: Partial<MovementDraft>): MovementDraft => ({
  kind: 'transfer-out',
  effectiveOn: '2026-07-01',
  cause: null,
  reason: 'ย้ายตามผู้ปกครอง',
  school: 'โรงเรียนบ้านนา',
  districtConsultedOn: null,
  ...fields,
});
const rules = (d: MovementDraft, ctx: Parameters<typeof checkMovementDraft>[1]) =>
  checkMovementDraft(d, ctx).map((p) => `${p.field}:${p.rule}`);

describe('movement drafts', () => {
  const active = aStudent('a', { enteredOn: '2026-05-16' });
  const ctx = { stored: active, history: [], nextYearAfter: '2027-03-31' };

  it('accepts a complete transfer out', () => {
    expect(rules(draft({}), ctx)).toEqual([]);
  });

  it('asks for the date, the reason and the other school', () => {
    expect(rules(draft({ effectiveOn: null, reason: ' ', school: '' }), ctx)).toEqual([
      'effectiveOn:movement.date_missing',
      'reason:movement.reason_missing',
      'school:movement.school_missing',
    ]);
  });

  it('refuses a dropout unless the district office was consulted and the reason is from the list', () => {
    expect(rules(draft({ kind: 'dropout', reason: 'เบื่อ', school: '' }), ctx)).toEqual([
      'reason:movement.dropout_reason',
      'districtConsultedOn:movement.district_not_consulted',
    ]);
    expect(rules(draft({ kind: 'dropout', reason: 'ฐานะยากจน', districtConsultedOn: '2026-06-25' }), ctx)).toEqual([]);
  });

  it('offers withdrawal only for the legal causes no other kind covers', () => {
    expect(withdrawalCauses()).toEqual(['over_age']);
    expect(rules(draft({ kind: 'withdrawal', cause: 'death' }), ctx)).toEqual(['cause:movement.cause_missing']);
    expect(causeOf('death', null)).toBe('death');
  });

  it('refuses a leaving date before the entry date or before the last movement', () => {
    expect(rules(draft({ effectiveOn: '2026-05-15' }), ctx)).toEqual(['effectiveOn:movement.before_last']);
    const history = [aMovement('a', 'transfer-in', '2026-06-01')];
    expect(rules(draft({ effectiveOn: '2026-05-31' }), { ...ctx, history })).toEqual([
      'effectiveOn:movement.before_last',
    ]);
  });

  it('refuses to move out a student who already left, or to bring in one who is here', () => {
    expect(rules(draft({}), { ...ctx, stored: { ...active, status: 'withdrawn' } })).toEqual([
      'student:movement.not_active',
    ]);
    expect(rules(draft({ kind: 'transfer-in' }), ctx)).toEqual(['student:movement.already_active']);
  });

  it('sends an arrival after the year-end as-of date to the incoming list', () => {
    const arrival = draft({ kind: 'transfer-in', effectiveOn: '2027-04-01' });
    expect(rules(arrival, { ...ctx, stored: null })).toEqual(['effectiveOn:movement.next_year']);
    expect(rules({ ...arrival, effectiveOn: '2027-03-31' }, { ...ctx, stored: null })).toEqual([]);
    expect(rules(arrival, { ...ctx, stored: null, nextYearAfter: null })).toEqual([]);
  });
});

describe('recording and reversing', () => {
  it('records a transfer out with the state before and the status after', () => {
    const s = aStudent('a', { room: '2' });
    const { movement, student } = buildMovement(draft({}), s, s, meta);
    expect(student.status).toBe('transferred-out');
    expect(movement).toMatchObject({
      kind: 'transfer-out',
      cause: 'transfer',
      school: 'โรงเรียนบ้านนา',
      effectiveOn: '2026-07-01',
      before: { status: 'active', enteredOn: null, grade: '04', room: '2' },
      recordedBy: by,
      reversedAt: null,
    });
  });

  it('gives a new arrival its entry date and no state before', () => {
    const s = aStudent('n');
    const { movement, student } = buildMovement(draft({ kind: 'transfer-in' }), s, null, meta);
    expect(student).toMatchObject({ status: 'active', enteredOn: '2026-07-01' });
    expect(movement.before).toBeNull();
    expect(movement.cause).toBeNull();
  });

  it('puts the record back on reversal, and removes a record the arrival created', () => {
    const s = aStudent('a');
    const out = buildMovement(draft({}), s, s, meta);
    const back = reverseMovement(out.movement, out.student, [out.movement], {
      at: '2026-07-02T03:00:00.000Z',
      by,
      reason: 'ผิดคน',
    });
    expect(back.student).toEqual(s);
    expect(back.movement).toMatchObject({
      reversedAt: '2026-07-02T03:00:00.000Z',
      reversedBy: by,
      reversalReason: 'ผิดคน',
    });
    const arrival = buildMovement(draft({ kind: 'transfer-in' }), aStudent('n'), null, meta);
    expect(
      reverseMovement(arrival.movement, arrival.student, [arrival.movement], { at: meta.at, by, reason: '' }).student,
    ).toBeNull();
  });

  it('reverses only the latest standing movement of a student', () => {
    const first = aMovement('a', 'transfer-out', '2026-07-01');
    const second = aMovement('a', 'transfer-in', '2026-08-01');
    expect(canReverse(first, [first, second])).toBe(false);
    expect(canReverse(second, [first, second])).toBe(true);
    expect(canReverse(first, [first, reversed(second)])).toBe(true);
    expect(canReverse(reversed(first), [reversed(first)])).toBe(false);
  });
});
