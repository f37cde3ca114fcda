// Exports, the G-code list and the ID-correction request, as the data officer uses them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { unzipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';
import ExchangePlace from '../../../../src/ui/screens/exchange/ExchangePlace.svelte';
import { appDb } from '../../../../src/db/database';
import { getStudent, historyOf } from '../../../../src/db/student-repo';
import { aStudent, citizenId } from '../../../factories/students';
import { fileOf, freshSchool } from './setup';

const downloads: { name: string; blob: Blob }[] = [];

beforeEach(() => {
  downloads.length = 0;
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => {
    last = b;
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: last! });
  });
});
afterEach(() => cleanup());

const bytesOf = (b: Blob): Promise<Uint8Array> =>
  new Promise((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.readAsArrayBuffer(b);
  });

describe('exports', () => {
  it('downloads the DMC-layout student list with a Thai file name', async () => {
    await freshSchool([aStudent('a'), aStudent('b', { firstName: 'สุดา' })]);
    render(ExchangePlace);
    await fireEvent.click(screen.getByTestId('tab-export'));
    await fireEvent.click(screen.getByTestId('export-students'));
    expect(await screen.findByTestId('export-message', {}, { timeout: 5000 })).toHaveTextContent(
      /สร้างไฟล์ รายชื่อนักเรียน-25\d\d\.xlsx แล้ว/,
    );
    expect(downloads).toHaveLength(1);
    const wb = XLSX.read(await bytesOf(downloads[0]!.blob), { type: 'array' });
    expect(XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 })).toHaveLength(4);
  });

  it('says so when there is nothing to export', async () => {
    await freshSchool();
    render(ExchangePlace);
    await fireEvent.click(screen.getByTestId('tab-export'));
    await fireEvent.click(screen.getByTestId('export-counts'));
    expect(await screen.findByTestId('export-message')).toHaveTextContent('ยังไม่มีนักเรียนในเครื่องนี้');
  });
});

describe('G-codes', () => {
  it('lists children without an ID, checks the G-code format and saves it with an audit entry', async () => {
    await freshSchool([aStudent('a'), aStudent('nog', { idType: 'O', idNo: '', firstName: 'นที' })]);
    render(ExchangePlace);
    await fireEvent.click(screen.getByTestId('tab-gcode'));
    expect(await screen.findByTestId('gcode-count')).toHaveTextContent('ต้องขอ G-Code 1 คน');
    const input = screen.getByLabelText('G-Code ของ เด็กหญิงนที ใจดี');
    await fireEvent.input(input, { target: { value: 'G6442' } });
    await fireEvent.click(screen.getByText('บันทึก'));
    expect(screen.getByRole('alert')).toHaveTextContent('G-Code ต้องเป็น G ตามด้วยตัวเลข 12 หลัก');
    await fireEvent.input(input, { target: { value: 'g 6442 0000 0001' } });
    await fireEvent.click(screen.getByText('บันทึก'));
    expect(await screen.findByTestId('gcode-message')).toHaveTextContent('บันทึก G-Code ของ เด็กหญิงนที ใจดี แล้ว');
    expect(await getStudent(appDb(), 'nog')).toMatchObject({ idType: 'G', idNo: 'G644200000001' });
    expect((await historyOf(appDb(), 'nog'))[0]!.note).toBe('ได้รับ G-Code จากระบบ G-Code');
    await fireEvent.click(screen.getByTestId('tab-import'));
    await fireEvent.click(screen.getByTestId('tab-gcode'));
    expect(await screen.findByText('นักเรียนทุกคนมีเลขประจำตัวแล้ว')).toBeInTheDocument();
  });
});

describe('ID-correction requests', () => {
  it('drafts a request with evidence, exports one zip, and on "corrected" fixes the register after asking', async () => {
    const wrong = citizenId(500);
    const right = citizenId(501);
    await freshSchool([aStudent('m', { idNo: wrong })]);
    render(ExchangePlace);
    await fireEvent.click(screen.getByTestId('tab-corrections'));
    await fireEvent.click(await screen.findByTestId('correction-new'));
    await fireEvent.input(await screen.findByTestId('correction-find'), { target: { value: 'มาลี' } });
    await fireEvent.click(await screen.findByTestId('correction-student'));
    const form = await screen.findByTestId('correction-form');
    expect(form).toBeInTheDocument();
    expect(screen.getByLabelText('เลขประจำตัวที่ผิด (ตามที่อยู่ใน DMC)')).toHaveValue(wrong);

    await fireEvent.click(screen.getByTestId('correction-export'));
    expect(screen.getByText('แนบรูปบัตรประชาชนหรือทะเบียนบ้านอย่างน้อย 1 รูป')).toBeInTheDocument();
    expect(downloads).toHaveLength(0);

    await fireEvent.input(screen.getByTestId('correct-id'), { target: { value: right } });
    const photo = fileOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]), 'บัตรประชาชน.jpg');
    Object.defineProperty(photo, 'type', { value: 'image/jpeg' });
    await fireEvent.change(screen.getByTestId('evidence-input'), { target: { files: [photo] } });
    expect(await screen.findByText('บัตรประชาชน.jpg')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('correction-export'));
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('แบบแจ้งแก้ไขเลขประจำตัว-เด็กหญิงมาลี-ใจดี.zip');
    const zip = unzipSync(await bytesOf(downloads[0]!.blob));
    expect(Object.keys(zip)).toEqual(['แบบแจ้งแก้ไขเลขประจำตัว.xlsx', 'หลักฐาน-1-บัตรประชาชน.jpg']);
    expect(zip['หลักฐาน-1-บัตรประชาชน.jpg']).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]));

    await fireEvent.click(screen.getByTestId('correction-sent'));
    expect(await screen.findByTestId('correction-corrected')).toBeInTheDocument();
    expect(screen.getByTestId('correction-status')).toHaveTextContent('ส่งแล้ว');
    await fireEvent.click(screen.getByTestId('correction-corrected'));
    expect(screen.getByTestId('confirm-bar')).toHaveTextContent('เปลี่ยนเลขประจำตัวของ เด็กหญิงมาลี ใจดี');
    await fireEvent.click(screen.getByTestId('confirm-yes'));
    expect(await screen.findByText(/เลขประจำตัวในทะเบียนเป็น/)).toBeInTheDocument();
    expect((await getStudent(appDb(), 'm'))!.idNo).toBe(right);

    await fireEvent.click(screen.getByTestId('correction-delete'));
    await fireEvent.click(screen.getByTestId('confirm-no'));
    expect(await appDb().corrections.count()).toBe(1);
  });
});
