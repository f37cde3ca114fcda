// School side: the one model of a district finding (decision 18). The child's record, the validation summary,
// the round's checklist and Home all read it from here, so each shows the same state and the same words:
// what was found, by which district, on which date, what to do, and the school's answer.
import { appDb } from '../../db/database';
import { listBundles } from '../../db/bundle-repo';
import { saveReply, sentIdOf, type FindingRow } from '../../db/findings-repo';
import { loadProfile } from '../../db/profile-repo';
import {
  answersFor,
  findingState,
  type FindingAnswer,
  type FindingReply,
  type FindingState,
} from '../../domain/district/finding-reply';
import { session } from '../state/session.svelte';
import { todayIso } from './clock';
import { latestDistrictFindings } from './findings.service';

export interface DistrictFindingView {
  row: FindingRow;
  /** The finding's id as the district sent it (what an answer names). */
  findingId: string;
  district: string;
  /** The local date the district made the findings file that carries it. */
  foundOn: string;
  /** That file's place in the school's findings chain. */
  sequence: number;
  state: FindingState;
  answers: FindingAnswer[];
}

/** The district's findings of the latest round it sent any, or only one child's. */
export async function loadDistrictFindings(studentId?: string): Promise<DistrictFindingView[]> {
  const db = appDb();
  const [rows, profile, bundles] = await Promise.all([latestDistrictFindings(), loadProfile(db), listBundles(db)]);
  if (profile?.kind !== 'school') return [];
  const byId = new Map(bundles.map((b) => [b.id, b]));
  const lastSubmission = bundles
    .filter((b) => b.direction === 'out' && b.kind === 'submission')
    .reduce<string | null>((top, b) => (!top || b.receivedAt > top ? b.receivedAt : top), null);
  return rows
    .filter((r) => studentId === undefined || r.studentId === studentId)
    .map((row) => {
      const bundle = byId.get(row.bundleId);
      return {
        row,
        findingId: sentIdOf(row),
        district: profile.districtOffice.name,
        foundOn: todayIso(new Date(bundle?.createdAt ?? row.receivedAt)),
        sequence: bundle?.sequence ?? 1,
        state: findingState(row.reply, lastSubmission),
        answers: answersFor(row.match),
      };
    });
}

/** Open findings (not yet answered) of the latest round, for the checklist and Home counts. */
export const openCount = (views: readonly DistrictFindingView[]): number =>
  views.filter((v) => v.state === 'open').length;

/** Records the school's answer; it travels in the next submission. */
export async function answerFinding(
  view: DistrictFindingView,
  answer: FindingAnswer,
  note: string,
  now: Date = new Date(),
): Promise<FindingReply> {
  const by = session.user?.name;
  if (!by) throw new Error('no user is signed in');
  const reply: FindingReply = {
    findingId: view.findingId,
    studentId: view.row.studentId,
    findingsSequence: view.sequence,
    answer,
    note: note.trim().slice(0, 500),
    by,
    at: now.toISOString(),
  };
  await saveReply(appDb(), view.row.id, reply);
  return reply;
}
