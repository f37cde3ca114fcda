// Home's screening deadline (decision 0039): the season's last day in the Buddhist Era, the days left on the
// school's own date (06:30 in Bangkok is still the day before in UTC), and the households left — the teacher's
// rooms or the whole school — with nothing shown once the module is off.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { appDb } from '../../../src/db/database';
import { saveScreening } from '../../../src/db/screening-repo';
import { setSetting } from '../../../src/db/settings-repo';
import { SCREENING_FORM } from '../../../src/domain/screening/options';
import ScreeningDeadline from '../../../src/ui/screens/home/ScreeningDeadline.svelte';
import { i18n } from '../../../src/ui/i18n/i18n.svelte';
import { loadScreeningDeadline } from '../../../src/ui/services/screening-season.service';
import { session } from '../../../src/ui/state/session.svelte';
import { openTestDataKey } from '../../fixtures/data-key';
import { aUser, freshDb, seed } from './confirm/school';

// 31 July 2026 06:30 in Bangkok: the season's last day there, still 30 July in UTC.
const DAWN_OF_DEADLINE = new Date('2026-07-30T23:30:00Z');

beforeEach(async () => {
  await freshDb();
  await seed(); // ป.1/1: s1, s2; ป.6/1: s3
  await openTestDataKey();
  await saveScreening(
    appDb(),
    { id: '2569/s1', studentId: 's1', academicYear: 2569, formVersion: SCREENING_FORM.version },
    { userName: 'ครูสมใจ', now: new Date('2026-06-01T03:00:00Z') },
  );
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  session.lock();
  i18n.set('th');
});

describe('the screening deadline on Home', () => {
  it('counts the days on the Bangkok date and what is left, for the teacher (own rooms) and the officer', async () => {
    const teacher = await aUser('t1', 'teacher');
    const officer = await aUser('u1', 'officer');
    expect(await loadScreeningDeadline(teacher, DAWN_OF_DEADLINE)).toMatchObject({
      season: { academicYear: 2569, deadline: '2026-07-31', state: 'open', daysLeft: 0 },
      scope: 'class',
      notVisited: 1,
      partly: 1,
    });
    expect(await loadScreeningDeadline(officer, DAWN_OF_DEADLINE)).toMatchObject({
      scope: 'school',
      notVisited: 2,
      partly: 1,
    });
    // The next morning in Bangkok the season is over.
    expect(await loadScreeningDeadline(officer, new Date('2026-07-31T23:30:00Z'))).toBeNull();
    await setSetting(appDb(), 'screeningModule', false);
    expect(await loadScreeningDeadline(officer, DAWN_OF_DEADLINE)).toBeNull();
  });

  it('shows the deadline in the Buddhist Era and "due today" at 06:30 on the last day, in Thai and English', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(DAWN_OF_DEADLINE);
    session.signIn(await aUser('t1', 'teacher'));
    render(ScreeningDeadline, { onpick: vi.fn() });
    const card = await screen.findByTestId('screening-deadline');
    expect(card).toHaveTextContent('เยี่ยมบ้านและคัดกรองให้เสร็จภายใน 31 กรกฎาคม 2569');
    expect(screen.getByTestId('screening-days')).toHaveTextContent('ครบกำหนดวันนี้');
    expect(screen.getByTestId('screening-left')).toHaveTextContent('ชั้นของท่าน: ยังไม่เยี่ยม 1 ครัวเรือน · ยังไม่ครบ 1 ครัวเรือน');
    cleanup();
    i18n.set('en');
    vi.setSystemTime(new Date('2026-07-01T02:00:00Z'));
    session.signIn(await aUser('u1', 'officer'));
    render(ScreeningDeadline, { onpick: vi.fn() });
    expect(await screen.findByTestId('screening-deadline')).toHaveTextContent(
      'Visit and screen every home by 31 July 2026',
    );
    expect(screen.getByTestId('screening-days')).toHaveTextContent('30 days left');
    expect(screen.getByTestId('screening-left')).toHaveTextContent('2 households not visited · 1 not complete');
  });
});
