// A certified round whose staff roster or technology changes afterwards (decision 40): the certification is
// marked stale, the file cannot be sent, and confirming again replaces it for the director to certify again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import ConfirmCard from '../../../src/ui/screens/confirm/ConfirmCard.svelte';
import { appDb } from '../../../src/db/database';
import { saveProfile } from '../../../src/db/profile-repo';
import { getRound } from '../../../src/db/round-repo';
import { saveStaff, saveTechnology } from '../../../src/db/staff-repo';
import type { User } from '../../../src/domain/access/users';
import { staffSchema } from '../../../src/domain/staff/schema';
import { technologySchema } from '../../../src/domain/staff/technology';
import { certifyRound, confirmRound, loadRound, saveRoomCheck } from '../../../src/ui/services/rounds.service';
import { planSubmission } from '../../../src/ui/services/submission.service';
import { session } from '../../../src/ui/state/session.svelte';
import { openTestDataKey } from '../../fixtures/data-key';
import { aUser, freshDb, seed } from '../screens/confirm/school';
import { schoolProfile } from './certified-school';

const by = { userName: 'test', now: new Date('2026-06-08T02:00:00Z') };
const teacher = (id: string, fields: Record<string, unknown> = {}) =>
  staffSchema.parse({
    id,
    firstName: `ครู${id}`,
    lastName: 'ทดสอบ',
    sex: 'F',
    personnelType: 'civil-teacher',
    standing: 'k1',
    startedAtSchoolOn: '2020-05-16',
    ...fields,
  });
const view = () => loadRound(2569, 'term1');

async function certify(director: User): Promise<void> {
  const v = await view();
  for (const room of v.rooms) {
    const marks = Object.fromEntries(
      v.counted.filter((s) => s.grade === room.grade && s.room === room.room).map((s) => [s.id, 'present' as const]),
    );
    await saveRoomCheck(v, room.grade, room.room, marks);
  }
  await confirmRound(await view());
  const result = await certifyRound(await view(), director, '7531');
  expect(result.ok).toBe(true);
}

let director: User;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 5, 8, 9, 0)); // 8 June 2026: term 1 of 2569 (as of 10 June) is open
  await freshDb();
  await saveProfile(appDb(), schoolProfile);
  await seed();
  await openTestDataKey();
  director = await aUser('d1', 'director', '7531');
  session.signIn(await aUser('u1', 'officer'));
  await saveStaff(appDb(), [teacher('a'), teacher('b')], by);
  await saveTechnology(appDb(), technologySchema.parse({ asOf: '2026-06-01', tablets: { working: 5 } }));
  await certify(director);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the roster or technology changed after the director certified', () => {
  it('keeps the certification when nothing the file carries changed', async () => {
    // The technology form saved again unchanged, and someone who starts after 10 June: not in the file.
    await saveTechnology(
      appDb(),
      technologySchema.parse({
        asOf: '2026-06-01',
        tablets: { working: 5 },
        recordedAt: '2026-06-08T03:00:00Z',
        recordedBy: 'other',
      }),
    );
    await saveStaff(appDb(), [teacher('later', { startedAtSchoolOn: '2026-07-01' })], by);
    const v = await view();
    expect(v.emisStale).toBe(false);
    expect(v.confirmBlockers).toContain('certified');
    expect(await planSubmission(2569, 'term1')).not.toMatchObject({ problem: 'submit.emis_changed' });
  });

  it('marks it stale on a roster change, refuses to send, and is confirmed and certified again', async () => {
    await saveStaff(appDb(), [teacher('b', { standing: 'k2' })], by);
    let v = await view();
    expect(v.emisStale).toBe(true);
    expect(v.confirmBlockers).not.toContain('certified');
    expect(await planSubmission(2569, 'term1')).toEqual({ ok: false, problem: 'submit.emis_changed' });

    const before = (await getRound(appDb(), 2569, 'term1')).certification!;
    await confirmRound(v);
    const record = await getRound(appDb(), 2569, 'term1');
    expect(record.certification).toBeNull();
    expect(record.confirmation!.emis).toBe(v.emis);
    expect(record.confirmation!.emis).not.toBe(before.emis);
    v = await view();
    expect(v.certifyBlockers).toEqual([]);
    expect((await certifyRound(v, director, '7531')).ok).toBe(true);
    v = await view();
    expect(v.emisStale).toBe(false);
    expect(await planSubmission(2569, 'term1')).not.toMatchObject({ problem: 'submit.emis_changed' });
  });

  it('marks it stale on a technology change, and holds the director back after a change since confirming', async () => {
    await saveTechnology(appDb(), technologySchema.parse({ asOf: '2026-06-05', tablets: { working: 7 } }));
    const v = await view();
    expect(v.emisStale).toBe(true);
    await confirmRound(v);
    // Changed again after this confirmation: the director cannot certify until it is confirmed again.
    await saveStaff(appDb(), [teacher('c')], by);
    expect((await view()).certifyBlockers).toEqual(['changed-since-confirmation']);
  });

  it('says so on the confirm page, where confirming again opens the way to certify again', async () => {
    await saveStaff(appDb(), [teacher('c')], by);
    const onchanged = vi.fn();
    render(ConfirmCard, { view: await view(), onchanged, oncertify: () => {} });
    expect(screen.getByTestId('emis-stale')).toHaveTextContent('ข้อมูลบุคลากรหรือเทคโนโลยีเปลี่ยนไปหลังผู้อำนวยการรับรอง');
    await fireEvent.click(screen.getByTestId('confirm-round'));
    await vi.waitFor(() => expect(onchanged).toHaveBeenCalled());
    expect((await getRound(appDb(), 2569, 'term1')).certification).toBeNull();
  });
});
