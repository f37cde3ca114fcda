import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import SubmitCard from '../../../../src/ui/screens/confirm/SubmitCard.svelte';
import { appDb } from '../../../../src/db/database';
import { listBundles } from '../../../../src/db/bundle-repo';
import { certifiedSchool } from '../../services/certified-school';
import { tapPin } from './school';

const saved = vi.hoisted(() => [] as string[]);
vi.mock('../../../../src/ui/services/export.service', async (original) => ({
  ...(await original<typeof import('../../../../src/ui/services/export.service')>()),
  download: (_bytes: Uint8Array, name: string) => saved.push(name),
}));

beforeEach(async () => {
  saved.length = 0;
  await certifiedSchool();
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
    await vi.waitFor(() => expect(screen.getByTestId('submit-pin-for')).toHaveTextContent('นางสมศรี (ผู้อำนวยการ)'), { timeout: 10_000 });
    await tapPin('7531');
    expect(await screen.findByTestId('submit-done', {}, { timeout: 10_000 })).toHaveTextContent('สร้างไฟล์ 1050130001-2569-term1-1.tabian แล้ว (ลำดับที่ 1)');
    expect(saved).toEqual(['1050130001-2569-term1-1.tabian']);
    expect((await listBundles(appDb(), { direction: 'out' })).map((b) => [b.kind, b.sequence])).toEqual([['submission', 1]]);
  }, 30_000);

  it('says why a round that is not certified cannot be sent', async () => {
    render(SubmitCard, { academicYear: 2569, round: 'term2' });
    expect(await screen.findByTestId('submit-problem')).toHaveTextContent('รอบนี้ยังไม่ได้รับรอง');
  });
});
