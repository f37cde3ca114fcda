// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { handle } from '../../../src/io/district/engine';
import type { Reply, Request } from '../../../src/io/district/protocol';
import { makeSchools, plantCases, submissionOf, trustOf } from '../../factories/district';

async function ask(req: Request): Promise<Reply[]> {
  const replies: Reply[] = [];
  await handle(req, (r) => replies.push(r));
  return replies;
}

describe('district worker engine', () => {
  it('verifies a file and hands back its summary and roster as JSON text', async () => {
    const [school] = await makeSchools(1, 4);
    const bundle = await submissionOf(school!);
    const [reply] = await ask({
      id: 1,
      type: 'verify',
      file: new Blob([bundle.bytes]),
      trust: trustOf([school!]),
      decryptionKeys: [],
      kinds: ['submission'],
    });
    expect(reply).toMatchObject({
      id: 1,
      type: 'verified',
      result: { valid: true, statementSha256: bundle.statementSha256, summary: { students: 4 } },
    });
    const roster = JSON.parse((reply as Extract<Reply, { type: 'verified' }>).result.roster!);
    expect(roster.rows).toHaveLength(4);
  });

  it('refuses another kind of bundle for this receiver', async () => {
    const [school] = await makeSchools(1, 1);
    const bundle = await submissionOf(school!);
    const [reply] = await ask({
      id: 2,
      type: 'verify',
      file: new Blob([bundle.bytes]),
      trust: trustOf([school!]),
      decryptionKeys: [],
      kinds: ['findings'],
    });
    expect(reply).toMatchObject({
      type: 'verified',
      result: { valid: false, reason: 'kind.unexpected', detail: 'submission' },
    });
  });

  it('cross-checks stored rosters with progress, naming a roster it cannot read', async () => {
    const schools = await makeSchools(3, 10);
    const planted = plantCases(schools[0]!, schools[1]!, schools[2]!);
    const rosters = [];
    for (const s of schools) {
      const [r] = await ask({
        id: 3,
        type: 'verify',
        file: new Blob([(await submissionOf(s)).bytes]),
        trust: trustOf(schools),
        decryptionKeys: [],
        kinds: ['submission'],
      });
      rosters.push({
        school: { code: s.code, name: s.name },
        roster: new Blob([(r as Extract<Reply, { type: 'verified' }>).result.roster!]),
      });
    }
    rosters.push({ school: { code: '1059999999', name: 'เสีย' }, roster: new Blob(['{']) });
    const replies = await ask({ id: 4, type: 'cross-check', schools: rosters, asOf: '2026-06-10', dismissed: [] });
    expect(replies.filter((r) => r.type === 'progress')).toHaveLength(4);
    const done = replies.at(-1) as Extract<Reply, { type: 'checked' }>;
    expect(done.result.unreadable).toEqual(['1059999999']);
    expect(done.result.pairs).toHaveLength(planted.pairs.length);
  });
});
