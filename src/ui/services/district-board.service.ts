// The round's status board: each school's latest accepted submission, what came late, was held or refused,
// and its findings series (acknowledged, open findings, bundles sent, new since acknowledgement, answers).
import { appDb } from '../../db/database';
import { listBundles, type BundleRow } from '../../db/bundle-repo';
import { listSchools } from '../../db/district-school-repo';
import { listTrust, type TrustRow } from '../../db/trust-repo';
import { getSetting } from '../../db/settings-repo';
import { roundLabel, roundsOf } from '../../domain/calendar';
import { boardRow, type BoardRow, type SubmissionInfo } from '../../domain/district/board';
import { commonAsOf } from '../../domain/district/chains';
import { acknowledgementSchema, type FindingRecord } from '../../domain/district/findings-payload';
import { isLate } from '../../domain/district/findings-series';
import { notCounted, type NotCounted } from '../../domain/district/not-counted';
import { summarySchema } from '../../domain/district/summary';
import { previousRound } from '../../domain/year/round';
import { i18n, t } from '../i18n/i18n.svelte';
import { todayIso } from './clock';
import { download } from './export.service';
import { districtSheetWords } from './district-sheet-words';
import { longDate } from './year-format';
import { seriesOf } from './district-findings.service';
import { notCountedLines } from './district-report-state';
import {
  crossCheckRound,
  inRound,
  isSubmission,
  latestAccepted,
  type RoundCheck,
  type RoundRef,
} from './district.service';

/** `unchecked`: a key of the school still trusted that was enrolled without comparing its fingerprint. */
export type BoardLineRow = BoardRow & {
  sentRows: BundleRow[];
  current: FindingRecord[];
  unchecked?: TrustRow | undefined;
};
/** `notCounted`: the schools the round's reports leave out (held, nothing sent), marked in the board's workbook. */
export interface Board {
  rows: BoardLineRow[];
  asOf: string | null;
  deadline: string;
  notCounted: NotCounted;
}

function infoOf(row: BundleRow): SubmissionInfo | null {
  const summary = summarySchema.safeParse(row.summary);
  return summary.success
    ? {
        id: row.id,
        bundleId: row.bundleId ?? '',
        sequence: row.sequence ?? 0,
        acts: row.acts,
        summary: summary.data,
        receivedAt: row.receivedAt,
      }
    : null;
}

export async function loadBoard(ref: RoundRef): Promise<Board> {
  const db = appDb();
  const [rows, schools, trust] = await Promise.all([listBundles(db), listSchools(db), listTrust(db)]);
  const latest = latestAccepted(rows, ref);
  const before = latestAccepted(rows, previousRound(ref.academicYear, ref.round));
  const deadline = roundsOf(ref.academicYear).find((r) => r.round === ref.round)!.deadline;
  const check: RoundCheck | null = latest.size ? await crossCheckRound(ref) : null;
  const revealed = new Set(await getSetting(db, 'revealedPairs'));
  const acknowledged = new Map<string, string>();
  for (const r of rows) {
    const ack = r.direction === 'out' && r.kind === 'findings' ? acknowledgementSchema.safeParse(r.summary) : null;
    if (ack?.success) acknowledged.set(ack.data.submission.statementSha256, ack.data.at);
  }
  const known = new Map(schools.map((s) => [s.code, { code: s.code, smis: s.smis, name: s.name }]));
  for (const r of rows)
    if (isSubmission(r) && r.school && !known.has(r.school) && r.status !== 'rejected')
      known.set(r.school, { code: r.school, smis: r.smis, name: r.schoolName });
  const board: BoardLineRow[] = [];
  for (const school of known.values()) {
    const mine = rows.filter((r) => isSubmission(r) && r.school === school.code);
    const accepted = mine.filter((r) => r.status === 'accepted' && inRound(r, ref));
    const previous = before.get(school.code);
    const first = accepted.reduce<BundleRow | null>((a, r) => (!a || r.receivedAt < a.receivedAt ? r : a), null);
    let series: Awaited<ReturnType<typeof seriesOf>> | null = null;
    if (latest.has(school.code))
      series = await seriesOf(
        ref,
        school.code,
        check,
        rows.filter((r) => r.school === school.code),
        revealed,
      );
    board.push({
      ...boardRow({
        school,
        submissions: accepted.flatMap((r) => infoOf(r) ?? []),
        previous: previous ? infoOf(previous) : null,
        acknowledged,
        accepted: mine.filter((r) => r.status === 'accepted').map((r) => r.sequence ?? 0),
        held: mine.filter((r) => r.status === 'held').map((r) => r.sequence ?? 0),
        waiting: mine.filter((r) => r.status === 'held' && inRound(r, ref)).length,
        rejected: mine.filter((r) => r.status === 'rejected' && inRound(r, ref)).length,
        // The officer's calendar day the file arrived, not UTC's.
        late: first !== null && isLate(todayIso(new Date(first.receivedAt)), deadline),
        series,
      }),
      sentRows: series?.sentRows ?? [],
      current: series?.current ?? [],
      unchecked: trust.find((k) => k.school === school.code && k.source === 'file-unchecked'),
    });
  }
  return {
    rows: board.sort((a, b) => (a.school.code < b.school.code ? -1 : 1)),
    asOf: commonAsOf([...latest.values()].map((r) => r.asOf ?? '').filter(Boolean)),
    deadline,
    notCounted: notCounted(
      new Set(latest.keys()),
      rows
        .filter((r) => isSubmission(r) && r.status === 'held' && inRound(r, ref))
        .map((r) => ({ code: r.school, name: r.schoolName })),
      schools,
    ),
  };
}

/** The board as a workbook in the screen's language, named by its round. */
export async function boardWorkbook(board: Board, ref: RoundRef): Promise<{ bytes: Uint8Array; fileName: string }> {
  const [{ xlsxBytes }, { boardSheet }] = await Promise.all([
    import('../../io/export/book'),
    import('../../io/district/board'),
  ]);
  const words = { round: roundLabel(ref.round, i18n.locale), year: ref.academicYear };
  const title = board.asOf
    ? t('dboard.xlsx_title_as_of', { ...words, date: longDate(board.asOf) })
    : t('dboard.xlsx_title', words);
  const name = `${t('dboard.xlsx_file')}-${ref.academicYear}-${ref.round}.xlsx`;
  const counted = {
    head: t('dboard.xlsx_counted'),
    why: new Map(notCountedLines(board.notCounted).map((l) => [l.code, l.why])),
  };
  return {
    bytes: xlsxBytes([boardSheet(board.rows, title, (iso) => todayIso(new Date(iso)), counted, districtSheetWords())]),
    fileName: name,
  };
}

export async function exportBoard(board: Board, ref: RoundRef): Promise<string> {
  const { bytes, fileName } = await boardWorkbook(board, ref);
  download(bytes, fileName);
  return fileName;
}
