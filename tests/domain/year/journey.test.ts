import { describe, expect, it } from 'vitest';
import { roundStatus } from '../../../src/domain/calendar';
import { roundChecklist, whatRemains } from '../../../src/domain/year/checklist';
import {
  roundJourney,
  submissionState,
  workingRound,
  type RoundJourney,
  type RoundRef,
} from '../../../src/domain/year/journey';

const base = { confirmed: false, certified: false, submissions: [], deadline: '2026-06-10', today: '2026-06-08' };
const made = { sentAt: null, acknowledged: false };
const sent = { sentAt: '2026-06-09T02:00:00.000Z', acknowledged: false };

describe('a submission and a round on the way to the district', () => {
  it('a submission is made, then marked as sent, then acknowledged', () => {
    expect(submissionState(made)).toBe('made');
    expect(submissionState(sent)).toBe('sent');
    expect(submissionState({ sentAt: null, acknowledged: true })).toBe('acknowledged');
  });

  it('a round goes not started → confirmed → certified → sent → acknowledged', () => {
    expect(roundJourney(base)).toBe('not-started');
    expect(roundJourney({ ...base, confirmed: true })).toBe('confirmed');
    expect(roundJourney({ ...base, confirmed: true, certified: true })).toBe('certified');
    // A file made but not sent is still only certified: the district has nothing yet.
    expect(roundJourney({ ...base, confirmed: true, certified: true, submissions: [made] })).toBe('certified');
    expect(roundJourney({ ...base, confirmed: true, certified: true, submissions: [made, sent] })).toBe('sent');
    expect(roundJourney({ ...base, certified: true, submissions: [sent, { ...made, acknowledged: true }] })).toBe(
      'acknowledged',
    );
  });

  it('a round is missed once its deadline (local date) has passed without a file sent, certified or not', () => {
    expect(roundJourney({ ...base, today: '2026-06-10' })).toBe('not-started');
    expect(roundJourney({ ...base, today: '2026-06-11' })).toBe('missed');
    expect(roundJourney({ ...base, certified: true, submissions: [made], today: '2026-06-11' })).toBe('missed');
    expect(roundJourney({ ...base, certified: true, submissions: [sent], today: '2026-07-01' })).toBe('sent');
  });
});

describe('the round the home to-do and the confirm page start on', () => {
  const journeys = (map: Record<string, RoundJourney>) => (r: RoundRef) =>
    map[`${r.academicYear}/${r.round}`] ?? 'not-started';

  it('is the open round while a window is open', () => {
    expect(workingRound(roundStatus('2026-06-08'), journeys({}))).toEqual({ academicYear: 2569, round: 'term1' });
  });

  it('between windows, the round that ended last while it is not sent, else the next one', () => {
    const july = roundStatus('2026-07-15');
    expect(workingRound(july, journeys({ '2569/term1': 'missed' }))).toEqual({ academicYear: 2569, round: 'term1' });
    expect(workingRound(july, journeys({ '2569/term1': 'sent' }))).toEqual({ academicYear: 2569, round: 'term2' });
    expect(workingRound(july, journeys({ '2569/term1': 'acknowledged' }))).toEqual({
      academicYear: 2569,
      round: 'term2',
    });
    // After the year-end deadline, the next round is next year's term 1.
    expect(workingRound(roundStatus('2027-05-05'), journeys({ '2569/year-end': 'sent' }))).toEqual({
      academicYear: 2570,
      round: 'term1',
    });
  });
});

describe('the to-do once certified', () => {
  it('asks to send the file until a submission is marked as sent', () => {
    const p = {
      yearAhead: false,
      yearEnd: false,
      checklist: roundChecklist([], 0, []),
      resultsMissing: 0,
      confirmed: true,
      certified: true,
    };
    expect(whatRemains({ ...p, sent: false })).toEqual([{ id: 'send', n: 0 }]);
    expect(whatRemains({ ...p, sent: true })).toEqual([]);
  });
});
