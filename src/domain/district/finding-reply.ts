// The school's answer to a district finding (`finding-reply/1`, decision 18), and the one model of a finding
// on the school side: what to do about it and where its answer stands. The answer travels back in the
// school's next submission; the district shows it on the board beside the finding.
import { z } from 'zod';
import type { FindingMatch } from './findings-payload';

/** withdrawn: the child had moved away and is now recorded as transferred out; corrected: the ID was
 *  mistyped and is corrected; studies-here: the child really studies at this school. */
export const FINDING_ANSWERS = ['withdrawn', 'corrected', 'studies-here'] as const;
export type FindingAnswer = (typeof FINDING_ANSWERS)[number];

export const findingReplySchema = z.object({
  /** The finding's `id`, as the district sent it. */
  findingId: z.string().min(1),
  /** The school's own record the finding is about. */
  studentId: z.string().min(1),
  /** The findings bundle (its sequence in the school's findings chain) that carried the finding. */
  findingsSequence: z.number().int().positive(),
  answer: z.enum(FINDING_ANSWERS),
  note: z.string().max(500),
  by: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
});
export type FindingReply = z.infer<typeof findingReplySchema>;

/**
 * What the school may answer, the likeliest first: a same-ID pair is mostly a transfer not yet recorded; a
 * possible duplicate (two IDs, the same name and birth date) is mostly a namesake who really studies here.
 */
export function answersFor(match: FindingMatch): FindingAnswer[] {
  return match === 'same-id' ? ['withdrawn', 'corrected', 'studies-here'] : ['studies-here', 'corrected', 'withdrawn'];
}

/** open: not answered; answered: an answer waits for the next submission; sent: a submission carried it. */
export type FindingState = 'open' | 'answered' | 'sent';

/** `lastSubmissionAt`: when the school's latest submission was made (any round), or null. */
export function findingState(
  reply: Pick<FindingReply, 'at'> | null | undefined,
  lastSubmissionAt: string | null,
): FindingState {
  if (!reply) return 'open';
  return lastSubmissionAt !== null && Date.parse(lastSubmissionAt) >= Date.parse(reply.at) ? 'sent' : 'answered';
}

/** The replies a submission carries: every answer of the round's current findings (a later one replaces). */
export function repliesToSend(findings: readonly { reply?: FindingReply | null }[]): FindingReply[] {
  return findings.flatMap((f) => (f.reply ? [f.reply] : []));
}
