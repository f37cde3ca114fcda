// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { TabianDb } from '../../src/db/database';
import {
  bundleFile,
  chainLinks,
  discardQuarantined,
  getBundle,
  listBundles,
  nextLink,
  quarantine,
  recheckHeld,
  recordIncoming,
  recordOutgoing,
} from '../../src/db/bundle-repo';
import { enrolKeys, trustList } from '../../src/db/trust-repo';
import type { CreatedBundle } from '../../src/domain/bundle/create';
import { sha256Hex } from '../../src/domain/bundle/hash';
import type { TrustList } from '../../src/domain/bundle/trust';
import { readIncoming } from '../../src/domain/district/incoming';
import { editEntries } from '../domain/bundle/tamper-kit';
import { makeSchools, submissionOf, trustOf, type TestSchool } from '../factories/district';

let school: TestSchool;
let trust: TrustList;
let one: CreatedBundle;
let two: CreatedBundle;
const db = () => new TabianDb(`bundles-${Math.random()}`);
const at = '2026-06-11T03:00:00.000Z';

async function receive(d: TabianDb, bytes: Uint8Array<ArrayBuffer>, list: TrustList = trust, name = 'x.tabian') {
  const v = await readIncoming(bytes, { trust: list, decryptionKeys: [], kinds: ['submission'] });
  return recordIncoming(d, v, { fileName: name, file: new Blob([bytes]), receivedAt: at, summary: v.summary });
}

beforeAll(async () => {
  school = (await makeSchools(1, 3))[0]!;
  trust = trustOf([school!]);
  one = await submissionOf(school!);
  two = await submissionOf(school!, { sequence: 2, previous: one.statementSha256 });
});

describe('bundle repository', () => {
  it('keeps an accepted bundle whole under its statement hash; importing it again changes nothing', async () => {
    const d = db();
    const first = await receive(d, one.bytes);
    expect(first.outcome).toBe('accepted');
    expect(first.row).toMatchObject({
      id: one.statementSha256,
      school: school.code,
      schoolName: school.name,
      kind: 'submission',
      status: 'accepted',
      sequence: 1,
      round: 'term1',
    });
    expect(new Uint8Array(await bundleFile((await getBundle(d, one.statementSha256))!).arrayBuffer())).toEqual(
      one.bytes,
    );
    expect((await receive(d, one.bytes)).outcome).toBe('duplicate');
    expect(await listBundles(d)).toHaveLength(1);
    expect(await chainLinks(d, `${school.code}|submission`)).toEqual([
      { sequence: 1, statementSha256: one.statementSha256, previous: null },
    ]);
  });

  it('holds a bundle that skips ahead, and accepts it once the missing one arrives', async () => {
    const d = db();
    expect(await receive(d, two.bytes)).toMatchObject({
      outcome: 'held',
      row: { reason: 'chain.gap', detail: 'missing 1–1' },
    });
    expect((await receive(d, one.bytes)).outcome).toBe('accepted');
    expect((await recheckHeld(d, trust)).map((r) => r.sequence)).toEqual([2]);
    expect(await quarantine(d)).toEqual([]);
  });

  it('holds a bundle signed by an unknown key until its keys are enrolled', async () => {
    const d = db();
    const empty: TrustList = { format: 'tabian-trust/1', keys: [] };
    expect(await receive(d, one.bytes, empty)).toMatchObject({
      outcome: 'held',
      row: { reason: 'key.untrusted', status: 'held' },
    });
    expect(await recheckHeld(d, empty)).toEqual([]);
    await enrolKeys(d, trust.keys, { now: new Date(at), by: 'x', source: 'bundle' });
    expect((await recheckHeld(d, await trustList(d))).map((r) => r.status)).toEqual(['accepted']);
  });

  it("keeps a tampered file and a fork aside under the file's own hash, never over the accepted bundle", async () => {
    const d = db();
    await receive(d, one.bytes);
    const tampered = editEntries(two.bytes, (e) => e.set('payload/students.jsonl', new Uint8Array([1, 2, 3])));
    const bad = await receive(d, tampered, trust, 'bad.tabian');
    expect(bad).toMatchObject({
      outcome: 'rejected',
      row: { id: `file:${await sha256Hex(tampered)}`, reason: 'file.size', school: school.code },
    });
    expect((await receive(d, tampered, trust, 'bad.tabian')).outcome).toBe('rejected');
    const fork = await submissionOf(school, { sequence: 1 });
    expect(await receive(d, fork.bytes)).toMatchObject({
      outcome: 'rejected',
      row: { reason: 'chain.fork', id: `file:${await sha256Hex(fork.bytes)}` },
    });
    expect((await quarantine(d)).map((r) => r.reason).sort()).toEqual(['chain.fork', 'file.size']);
    expect((await getBundle(d, one.statementSha256))!.status).toBe('accepted');
    expect(await discardQuarantined(d, one.statementSha256)).toBe(false);
    expect(await discardQuarantined(d, bad.row.id)).toBe(true);
    expect(await quarantine(d)).toHaveLength(1);
  });

  it('takes a file refused before (no district key yet) out of the quarantine once it is accepted', async () => {
    const d = db();
    const v = await readIncoming(one.bytes, { trust, decryptionKeys: [], kinds: ['submission'] });
    await recordIncoming(
      d,
      { ...v, valid: false, reason: 'decrypt.key-missing', statement: null },
      { fileName: 'x.tabian', file: new Blob([one.bytes]), receivedAt: at },
    );
    expect(await quarantine(d)).toHaveLength(1);
    expect((await receive(d, one.bytes)).outcome).toBe('accepted');
    expect(await quarantine(d)).toEqual([]);
  });

  it('numbers the bundles this device makes, chain by chain', async () => {
    const d = db();
    expect(await nextLink(d, `${school.code}|submission`)).toEqual({ sequence: 1, previous: null });
    await recordOutgoing(d, one, { fileName: 'out.tabian', fileSha256: await sha256Hex(one.bytes), now: new Date(at) });
    expect(await nextLink(d, `${school.code}|submission`)).toEqual({ sequence: 2, previous: one.statementSha256 });
    expect(await listBundles(d, { direction: 'out' })).toMatchObject([{ status: 'made', fileName: 'out.tabian' }]);
    expect(await nextLink(d, `${school.code}|findings`)).toEqual({ sequence: 1, previous: null });
  });
});
