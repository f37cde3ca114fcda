// The district's screening panel: each school's counts from the summary stored with its accepted submission
// (numbers only), and the schools that sent none.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { appDb, resetAppDb } from '../../../../src/db/database';
import { saveSchools } from '../../../../src/db/district-school-repo';
import { summarise } from '../../../../src/domain/district/summary';
import { SCREENING_FORM } from '../../../../src/domain/screening/options';
import ScreeningPanel from '../../../../src/ui/screens/district/screening/ScreeningPanel.svelte';
import { districtRound } from '../../../../src/ui/screens/district/round.svelte';

const counts = {
  academicYear: 2569,
  formVersion: SCREENING_FORM.version,
  screened: 12,
  partly: 3,
  notNeeded: 2,
  underIncomeLine: 9,
  statusItems: { 'floor.earth': 4 },
};
const row = (school: string, name: string, screening: typeof counts | null) => ({
  id: school.padEnd(64, 'a'),
  bundleId: crypto.randomUUID(),
  school,
  smis: school.slice(2),
  schoolName: name,
  kind: 'submission',
  direction: 'in',
  status: 'accepted',
  chain: `${school}|submission`,
  sequence: 1,
  previous: null,
  academicYear: 2569,
  round: 'term1',
  asOf: '2026-06-10',
  createdAt: '2026-06-10T09:00:00+07:00',
  keys: [],
  acts: ['confirm-existence', 'certify'],
  reason: null,
  detail: null,
  fileName: 'x.tabian',
  fileSha256: 'd'.repeat(64),
  size: 3,
  file: null,
  receivedAt: '2026-06-12T02:00:00.000Z',
  summary: { ...summarise([], null, 2569, '2026-06-10'), ...(screening ? { screening } : {}) },
  roster: null,
});

beforeAll(async () => {
  resetAppDb();
  await appDb().delete();
  resetAppDb();
  await appDb().bundles.bulkPut([
    row('1050130001', 'โรงเรียนบ้านนา', counts),
    row('1050130002', 'โรงเรียนบ้านดอน', null),
  ] as never);
  await saveSchools(
    appDb(),
    [
      { code: '1050130001', smis: '50130001', name: 'โรงเรียนบ้านนา' },
      { code: '1050130002', smis: '50130002', name: 'โรงเรียนบ้านดอน' },
    ],
    'list',
    new Date(),
  );
  districtRound.selected = { academicYear: 2569, round: 'term1' };
});
afterEach(cleanup);

describe("the district's screening panel", () => {
  it("shows each school's counts, and says which schools sent none", async () => {
    render(ScreeningPanel);
    await screen.findByTestId('dscr-1050130001');
    await expect
      .poll(() =>
        [...within(screen.getByTestId('dscr-1050130001')).getAllByRole('cell')].map((c) => c.textContent!.trim()),
      )
      .toEqual(['โรงเรียนบ้านนา', '12', '3', '2', '9']);
    expect(screen.getByTestId('dscr-1050130002')).toHaveTextContent('ไม่ได้ส่งผลการคัดกรอง');
    expect(screen.getByTestId('district-screening')).toHaveTextContent('ไม่มีชื่อ รายได้ หรือภาพถ่าย');
  });
});
