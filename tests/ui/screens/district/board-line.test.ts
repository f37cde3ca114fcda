import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import BoardLine from '../../../../src/ui/screens/district/board/BoardLine.svelte';
import type { BoardLineRow } from '../../../../src/ui/services/district-board.service';
import { i18n } from '../../../../src/ui/i18n/i18n.svelte';

afterEach(() => {
  cleanup();
  i18n.set('th');
});

const summary = {
  format: 'tabian-summary/1' as const,
  asOf: '2026-06-10',
  records: 41,
  students: 40,
  byGrade: {},
  noGrade: { M: 0, F: 0, unknown: 0 },
  disadvantage: {},
  disability: {},
  movements: null,
};
const row = (fields: Partial<BoardLineRow>): BoardLineRow => ({
  school: { code: '1050130001', smis: '50130001', name: 'โรงเรียนเอ' },
  status: 'certified',
  acknowledgedAt: null,
  latest: {
    id: 'h',
    bundleId: 'b',
    sequence: 3,
    acts: ['confirm-existence', 'certify'],
    summary,
    receivedAt: '2026-06-11T00:00:00Z',
  },
  grades: [{ grade: '04', now: { M: 20, F: 20, unknown: 0 }, before: { M: 19, F: 19, unknown: 0 } }],
  missing: [],
  held: 0,
  rejected: 0,
  late: false,
  series: null,
  replies: [],
  sentRows: [],
  current: [],
  ...fields,
});

describe('a school on the status board', () => {
  it('shows its status, its count against the previous round, and offers รับทราบ for a certified round', async () => {
    const onack = vi.fn();
    render(BoardLine, {
      row: row({ missing: [1, 2], held: 1 }),
      busy: false,
      onack,
      onsend: vi.fn(),
      ondetails: vi.fn(),
    });
    expect(screen.getByTestId('status-1050130001')).toHaveTextContent('รับรองแล้ว');
    expect(screen.getByTestId('board-1050130001')).toHaveTextContent('ลำดับที่ 3 · นักเรียน 40 คน · รอบก่อน 38 คน (+2)');
    expect(screen.getByTestId('board-1050130001')).toHaveTextContent('ยังไม่ได้รับชุดข้อมูลลำดับที่ 1, 2 พักไว้ 1 ไฟล์');
    await fireEvent.click(screen.getByTestId('ack-1050130001'));
    expect(onack).toHaveBeenCalledOnce();
  });

  it('offers nothing to acknowledge once acknowledged or before anything arrived, in English too', () => {
    i18n.set('en');
    render(BoardLine, {
      row: row({ status: 'acknowledged', acknowledgedAt: '2026-06-20T03:00:00.000Z' }),
      busy: false,
      onack: vi.fn(),
      onsend: vi.fn(),
      ondetails: vi.fn(),
    });
    expect(screen.getByTestId('status-1050130001')).toHaveTextContent('Acknowledged');
    expect(screen.getByTestId('board-1050130001')).toHaveTextContent('acknowledged on 20 Jun 2026');
    expect(screen.queryByTestId('ack-1050130001')).toBeNull();
    cleanup();
    render(BoardLine, {
      row: row({ status: 'not-submitted', latest: null, grades: [] }),
      busy: false,
      onack: vi.fn(),
      onsend: vi.fn(),
      ondetails: vi.fn(),
    });
    expect(screen.queryByTestId('details-1050130001')).toBeNull();
  });

  it('after acknowledgement: open findings, files sent, late, answers, and the next findings bundle for new findings', async () => {
    const onsend = vi.fn();
    const series = {
      sent: [{ sequence: 1, findingIds: ['a'], at: '2026-06-20T03:00:00Z', acknowledged: true }],
      open: 2,
      fresh: ['b'],
      acknowledged: true,
    };
    const reply = {
      findingId: 'a',
      studentId: 's',
      findingsSequence: 1,
      answer: 'studies-here' as const,
      note: '',
      by: 'ครู',
      at: '2026-06-22T03:00:00Z',
    };
    render(BoardLine, {
      row: row({
        status: 'acknowledged',
        acknowledgedAt: '2026-06-20T03:00:00.000Z',
        late: true,
        series,
        replies: [reply],
      }),
      busy: false,
      onack: vi.fn(),
      onsend,
      ondetails: vi.fn(),
    });
    expect(screen.getByTestId('late-1050130001')).toHaveTextContent('ส่งช้า');
    expect(screen.getByTestId('series-1050130001')).toHaveTextContent(
      'ข้อสังเกต 2 รายการ · ส่งผลการตรวจแล้ว 1 ไฟล์ · โรงเรียนตอบแล้ว 1 รายการ · ข้อสังเกตใหม่หลังรับทราบ 1 รายการ',
    );
    await fireEvent.click(screen.getByTestId('send-findings-1050130001'));
    expect(screen.getByTestId('send-findings-1050130001')).toHaveTextContent('ส่งผลการตรวจ ครั้งที่ 2');
    expect(onsend).toHaveBeenCalledOnce();
  });

  it('links a held school to the enrolment of its key', () => {
    render(BoardLine, { row: row({ held: 1 }), busy: false, onack: vi.fn(), onsend: vi.fn(), ondetails: vi.fn() });
    expect(screen.getByTestId('enrol-link-1050130001').getAttribute('href')).toBe('#/import');
  });

  it('marks a school whose key was enrolled without checking its fingerprint, with who and when', () => {
    const unchecked = {
      keyid: 'k',
      alg: 'ES256' as const,
      spki: 's',
      role: 'staff' as const,
      name: 'ครู',
      school: '1050130001',
      enrolledAt: '2026-06-01T03:00:00.000Z',
      enrolledBy: 'นายสมปอง',
      source: 'file-unchecked' as const,
      revokedAt: null,
    };
    render(BoardLine, { row: row({ unchecked }), busy: false, onack: vi.fn(), onsend: vi.fn(), ondetails: vi.fn() });
    expect(screen.getByTestId('unchecked-1050130001')).toHaveTextContent(
      'ไม่ได้ตรวจลายนิ้วมือกุญแจ (ลงทะเบียนโดย นายสมปอง เมื่อ',
    );
    cleanup();
    i18n.set('en');
    render(BoardLine, { row: row({ unchecked }), busy: false, onack: vi.fn(), onsend: vi.fn(), ondetails: vi.fn() });
    expect(screen.getByTestId('unchecked-1050130001')).toHaveTextContent(
      'Key enrolled without checking its fingerprint (enrolled by นายสมปอง on 1 Jun 2026)',
    );
    cleanup();
    render(BoardLine, { row: row({}), busy: false, onack: vi.fn(), onsend: vi.fn(), ondetails: vi.fn() });
    expect(screen.queryByTestId('unchecked-1050130001')).toBeNull();
  });
});
