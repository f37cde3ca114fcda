import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { fingerprintOf } from '../../../../src/domain/bundle/keys';

const keyid = 'ab12'.repeat(16);
const key = {
  keyid,
  alg: 'ES256' as const,
  spki: 'AAAA',
  role: 'district' as const,
  name: 'สพป.ทดสอบ',
  fingerprint: fingerprintOf(keyid),
};
const ack = {
  submission: { bundleId: 'b', sequence: 1, statementSha256: 'h' },
  academicYear: 2569,
  round: 'term1',
  asOf: '2026-06-10',
  students: 39,
  findings: 4,
  officer: 'นายสมปอง ข้อมูลดี',
  at: '2026-06-20T03:00:00.000Z',
};
const importFindingsFile = vi.fn();
const trustDistrictKey = vi.fn(async () => true);

vi.mock('../../../../src/ui/services/findings.service', () => ({
  importFindingsFile,
  trustDistrictKey,
  latestDistrictFindings: vi.fn(async () => []),
}));
vi.mock('../../../../src/ui/services/trust.service', () => ({
  districtKeys: vi.fn(async () => []),
  enrolKeyFile: vi.fn(),
}));

const { default: ImportFindings } = await import('../../../../src/ui/components/findings/ImportFindings.svelte');

afterEach(() => cleanup());

async function pick(testid: string, name: string) {
  const input = screen.getByTestId(testid) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File(['x'], name)], configurable: true });
  await fireEvent.change(input);
}

describe("importing the district's findings at a school", () => {
  it("asks for the district key's fingerprint first, enrols it only when it matches, then imports", async () => {
    importFindingsFile.mockResolvedValueOnce({ status: 'untrusted', keys: [key] }).mockResolvedValueOnce({
      status: 'imported',
      findings: 4,
      acknowledgement: ack,
      academicYear: 2569,
      round: 'term1',
    });
    render(ImportFindings);
    await pick('findings-file', 'ผลการตรวจ.tabian');
    const heard = await screen.findByTestId('findings-heard');
    await fireEvent.input(heard, { target: { value: '0000 0000 0000 0000' } });
    expect(screen.getByTestId('findings-trust')).toBeDisabled();
    await fireEvent.input(heard, { target: { value: fingerprintOf(keyid).toUpperCase() } });
    await fireEvent.click(screen.getByTestId('findings-trust'));
    expect(trustDistrictKey).toHaveBeenCalledWith(key, fingerprintOf(keyid).toUpperCase());
    expect(await screen.findByTestId('findings-result')).toHaveTextContent(
      'นำเข้าแล้ว: ภาคเรียนที่ 1 ปีการศึกษา 2569 มีนักเรียนที่ต้องตรวจสอบ 4 รายการ',
    );
    expect(screen.getByTestId('findings-ack')).toHaveTextContent(
      'เขตรับทราบข้อมูลรอบนี้แล้ว เมื่อ 20 มิถุนายน 2569 โดย นายสมปอง ข้อมูลดี (นักเรียน 39 คน)',
    );
    expect(importFindingsFile).toHaveBeenCalledTimes(2);
  });

  it('says clearly when the file belongs to another school', async () => {
    importFindingsFile.mockResolvedValueOnce({
      status: 'other-school',
      school: { code: '1050130002', name: 'โรงเรียนบี' },
    });
    render(ImportFindings);
    await pick('findings-file', 'x.tabian');
    expect(await screen.findByTestId('findings-problem')).toHaveTextContent(
      'ไฟล์นี้เป็นผลการตรวจของ โรงเรียนบี (รหัส 1050130002) ไม่ใช่ของโรงเรียนนี้',
    );
  });
});
