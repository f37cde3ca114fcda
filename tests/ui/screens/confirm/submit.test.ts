import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import SubmitCard from '../../../../src/ui/screens/confirm/SubmitCard.svelte';
import { appDb } from '../../../../src/db/database';
import { listBundles } from '../../../../src/db/bundle-repo';
import { certifiedSchool } from '../../services/certified-school';
import { tapPin } from './school';
import { session } from '../../../../src/ui/state/session.svelte';

const saved = vi.hoisted(() => [] as string[]);
vi.mock('../../../../src/ui/services/export.service', async (original) => ({
  ...(await original<typeof import('../../../../src/ui/services/export.service')>()),
  download: (_bytes: Uint8Array, name: string) => saved.push(name),
}));

beforeEach(async () => {
  saved.length = 0;
  const { officer } = await certifiedSchool();
  session.signIn(officer);
});
afterEach(() => cleanup());

describe('SubmitCard', () => {
  it('asks the confirmer and then the director for their PIN, and saves the signed file', async () => {
    render(SubmitCard, { academicYear: 2569, round: 'term1' });
    expect(await screen.findByTestId('submit-file')).toHaveTextContent('1050130001-2569-term1-1.tabian');
    expect(screen.getByTestId('submit-no-district')).toHaveTextContent('ยังไม่มีกุญแจของเขต');
    await fireEvent.click(screen.getByTestId('submit-make'));
    expect(screen.getByTestId('submit-pin-for')).toHaveTextContent('นายสมปอง (ผู้ยืนยันข้อมูล)');
    await tapPin('1111');
    expect(await screen.findByTestId('submit-message')).toHaveTextContent('เหลืออีก 4 ครั้ง');
    await tapPin('2569');
    await vi.waitFor(() => expect(screen.getByTestId('submit-pin-for')).toHaveTextContent('นางสมศรี (ผู้อำนวยการ)'), {
      timeout: 10_000,
    });
    await tapPin('7531');
    expect(await screen.findByTestId('submit-done', {}, { timeout: 10_000 })).toHaveTextContent(
      'สร้างไฟล์ 1050130001-2569-term1-1.tabian แล้ว (ลำดับที่ 1)',
    );
    expect(saved).toEqual(['1050130001-2569-term1-1.tabian']);
    expect((await listBundles(appDb(), { direction: 'out' })).map((b) => [b.kind, b.sequence])).toEqual([
      ['submission', 1],
    ]);
    // Where the file is and what to do next, in one sentence; no share or save picker in this browser.
    expect(await screen.findByTestId('submit-handover-note')).toHaveTextContent(
      'ไฟล์ 1050130001-2569-term1-1.tabian อยู่ในโฟลเดอร์ดาวน์โหลด (Downloads) ของเครื่องนี้แล้ว ส่งไฟล์นี้ให้เขตทาง LINE อีเมล หรือ Drive ตามที่เขตกำหนด แล้วกด “ส่งแล้ว”',
    );
    expect(screen.queryByTestId('submit-handover-share')).toBeNull();
    expect(await screen.findByTestId('submission-1-state')).toHaveTextContent('สร้างแล้ว ยังไม่ได้ส่ง');
    await fireEvent.click(screen.getByTestId('submission-1-sent'));
    await vi.waitFor(() =>
      expect(screen.getByTestId('submission-1-state')).toHaveTextContent(/^ส่งแล้ว \(.* โดย นายสมปอง/),
    );
  }, 30_000);

  it('after a reload shows the files already made first, and makes a new one only on request', async () => {
    render(SubmitCard, { academicYear: 2569, round: 'term1' });
    await screen.findByTestId('submit-file');
    await fireEvent.click(screen.getByTestId('submit-make'));
    await tapPin('2569');
    await vi.waitFor(() => expect(screen.getByTestId('submit-pin-for')).toHaveTextContent('นางสมศรี'), {
      timeout: 10_000,
    });
    await tapPin('7531');
    await screen.findByTestId('submit-done', {}, { timeout: 10_000 });
    cleanup();
    render(SubmitCard, { academicYear: 2569, round: 'term1' });
    expect(await screen.findByTestId('submissions')).toHaveTextContent('1050130001-2569-term1-1.tabian');
    expect(screen.getByTestId('submission-1')).toHaveTextContent('ไม่ได้เข้ารหัส');
    expect(screen.queryByTestId('submit-make')).toBeNull();
    await fireEvent.click(screen.getByTestId('submit-again'));
    expect(screen.getByTestId('submit-file')).toHaveTextContent('1050130001-2569-term1-2.tabian');
  }, 30_000);

  it('says why a round that is not certified cannot be sent', async () => {
    render(SubmitCard, { academicYear: 2569, round: 'term2' });
    expect(await screen.findByTestId('submit-problem')).toHaveTextContent('รอบนี้ยังไม่ได้รับรอง');
  });
});
