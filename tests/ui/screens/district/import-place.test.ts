import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import type { FileResult } from '../../../../src/ui/services/bundles-in.service';

const result = (fileName: string, outcome: FileResult['outcome'], reason: FileResult['reason'] = null): FileResult => ({
  n: 0,
  fileName,
  outcome,
  id: fileName,
  school: { code: '1050130001', name: 'โรงเรียนเอ' },
  academicYear: 2569,
  round: 'term1',
  sequence: 1,
  students: outcome === 'rejected' ? null : 40,
  reason,
  detail: null,
  fingerprints: [],
});

vi.mock('../../../../src/ui/services/bundles-in.service', () => ({
  importBundleFiles: vi.fn(async (files: File[], onResult: (r: FileResult, n: number) => void) => {
    const results = [
      { ...result(files[0]!.name, 'accepted'), n: 1 },
      { ...result(files[1]!.name, 'rejected', 'file.hash'), n: 2 },
    ];
    results.forEach((r, i) => onResult(r, i + 1));
    return { results, released: [] };
  }),
  loadQuarantine: vi.fn(async () => []),
  discard: vi.fn(),
}));
vi.mock('../../../../src/ui/services/keys.service', () => ({ districtKeyInfo: vi.fn(async () => null) }));
vi.mock('../../../../src/ui/services/district.service', () => ({
  knownRounds: vi.fn(async () => []),
  roundKeyOf: () => '',
}));

const { default: ImportPlace } = await import('../../../../src/ui/screens/district/ImportPlace.svelte');

afterEach(() => cleanup());

describe('the district import screen', () => {
  it("warns without a district key, imports the files picked, and shows each file's result and the tally", async () => {
    render(ImportPlace);
    expect(await screen.findByText(/ยังไม่มีกุญแจของเขต/)).toBeInTheDocument();
    const input = screen.getByTestId('bundle-files') as HTMLInputElement;
    const files = [new File(['a'], 'a.tabian'), new File(['b'], 'b.tabian')];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    await fireEvent.change(input);
    expect(await screen.findByTestId('import-summary')).toHaveTextContent(
      'รับเข้า 1 · นำเข้าแล้วก่อนหน้านี้ 0 · พักไว้ 0 · ปฏิเสธ 1',
    );
    expect(screen.getByTestId('import-progress')).toHaveTextContent('ตรวจแล้ว 2 จาก 2 ไฟล์');
    // The refused file says what to do in Thai; its code is small print for support.
    const refused = screen.getByTestId('result-b.tabian');
    expect(refused.querySelector('[data-testid="reason"]')).toHaveTextContent(
      'ข้อมูลในไฟล์ถูกแก้ไขหลังลงนามหรือเสียหาย: ไม่นำเข้า ขอไฟล์ใหม่จากโรงเรียน',
    );
    expect(refused.querySelector('[data-testid="reason"]')!.textContent).not.toMatch(/file\.hash/);
    expect(refused.querySelector('small')).toHaveTextContent('file.hash');
  });
});
