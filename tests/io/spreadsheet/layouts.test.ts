// The older 76-column and newer 91-column exports (by header, ignoring spaces and notes), and files of
// unknown layout: guessed columns, presets that remember a mapping.
import { describe, expect, it } from 'vitest';
import { DMC76 } from '../../../src/io/spreadsheet/headers';
import { detect, mappingUsable, openFile, proposeMapping } from '../../../src/io/spreadsheet/pipeline';
import { columnIndex, columnLetter, newPreset, presetFor } from '../../../src/io/spreadsheet/presets';
import { beDate, num, text, workbookBytes, type FixtureCell } from '../../factories/dmc-files';
import { generateStudents } from '../../factories/dmc-students';
import { preview } from '../helpers';

const [s1, s2] = generateStudents(2);

function row76(s: NonNullable<typeof s1>): FixtureCell[] {
  const values: Record<string, FixtureCell> = {
    idNo: text(s.idNo),
    grade: text('ป.1'),
    room: text(s.room),
    studentNo: text(s.studentNo),
    sex: text(s.sex === 'M' ? 'ช' : 'ญ'),
    prefix: text(s.prefix),
    firstName: text(s.firstName),
    lastName: text(s.lastName),
    birthDate: text(beDate(s.birthDate)),
    'family.father.idNo': num(3101700012341),
    'family.father.phone': num(812345678),
    'family.father.income': text('15,000'),
    'welfare.shortages.lunch': text('1'),
    'welfare.boarding': text('0'),
    'family.parentsMaritalStatus': text('อยู่ด้วยกันจดทะเบียนสมรส'),
    'addresses.current.postcode': num(50200),
    'welfare.distanceKm.asphalt': text('2.5'),
    'family.siblings.childNumber': num(2),
  };
  return DMC76.map(([, target]) => values[target] ?? text(''));
}

describe('the older 76-column export', () => {
  it('is recognised, with headers whose spaces differ, and reads the fuller fields', () => {
    const headers = DMC76.map(([h]) => text(h.replace(' (', '(').replace('ชื่อ', 'ชื่อ ')));
    const result = preview(workbookBytes({ Sheet1: [headers, row76(s1!)] }));
    expect(result.detection.layout).toBe('dmc76');
    const s = result.plan.rows[0]!.student!;
    expect(s).toMatchObject({ idNo: s1!.idNo, grade: '04', firstName: s1!.firstName, birthDate: s1!.birthDate });
    expect(s.family.father).toMatchObject({ idNo: '3101700012341', phone: '0812345678', income: 15000 });
    expect(s.family.parentsMaritalStatus).toBe('01');
    expect(s.welfare).toMatchObject({ boarding: false, shortages: { lunch: true }, distanceKm: { asphalt: 2.5 } });
    expect(s.addresses.current.postcode).toBe('50200');
    expect(s.family.siblings.childNumber).toBe(2);
  });
});

describe('the newer 91-column export', () => {
  it('is matched by header names whatever their order, with its extra columns left out', () => {
    const extras = ['ประเภทนักเรียน', 'GPAX', 'จังหวัดที่เกิด', 'อาชีพบิดา', 'สาขา', 'ชื่อสาขา', 'ที่ตั้งสาขา'];
    const known = [...DMC76].reverse();
    const headers = [
      ...known.map(([h]) => h),
      ...extras,
      ...Array.from({ length: 91 - known.length - extras.length }, (_, i) => `คอลัมน์เพิ่ม ${i}`),
    ];
    const cells = (s: NonNullable<typeof s1>) => [
      ...[...row76(s)].reverse(),
      text('ปกติ'),
      num(3.5),
      text('เชียงใหม่'),
      text('รับจ้าง'),
    ];
    const result = preview(workbookBytes({ Sheet1: [headers.map(text), cells(s1!), cells(s2!)] }));
    expect(result.detection.layout).toBe('dmc91');
    expect(result.plan.rows.map((r) => r.student!.idNo)).toEqual([s1!.idNo, s2!.idNo]);
    expect(result.plan.rows[0]!.student!.family.father.occupation).toBe('5');
  });
});

describe('a file of unknown layout', () => {
  const teacherList: FixtureCell[][] = [
    [text('บัญชีรายชื่อ ป.1/1')],
    [text('ที่'), text('เลขบัตร'), text('ชื่อ-นามสกุล'), text('เกิด'), text('ห้องเรียน'), text('ข'), text('หมายเหตุ')],
    [
      num(1),
      text(s1!.idNo),
      text(`ด.ช.${s1!.firstName} ${s1!.lastName}`),
      text(beDate(s1!.birthDate)),
      text('ป.1/1'),
      text('ช'),
      text(''),
    ],
    [
      num(2),
      text(s2!.idNo),
      text(`ด.ญ. ${s2!.firstName}  ${s2!.lastName}`),
      text(beDate(s2!.birthDate)),
      text('ป.1/2'),
      text('ญ'),
      text('ย้ายมา'),
    ],
  ];
  const bytes = workbookBytes({ Sheet1: teacherList });

  it('gets columns guessed from headers and sample values, for the user to check', () => {
    const { wb } = openFile(bytes);
    const found = detect(wb);
    expect(found.layout).toBe('custom');
    expect(found.mapping.headerRow).toBe(1);
    expect(found.mapping.columns).toEqual([null, 'idNo', 'fullName', 'birthDate', 'classRoom', 'sex', null]);
    expect(mappingUsable(found.mapping)).toBe(true);
    const proposal = proposeMapping(wb, found, []);
    expect(proposal.sample[0]!.slice(0, 3)).toEqual(['1', s1!.idNo, `ด.ช.${s1!.firstName} ${s1!.lastName}`]);
    expect(proposal.preset).toBeNull();
  });

  it('reads one-cell names and "ป.1/2" once the mapping is confirmed', () => {
    const rows = preview(bytes).plan.rows;
    expect(rows.map((r) => r.sheetRow)).toEqual([3, 4]);
    expect(rows[1]!.student).toMatchObject({
      prefix: 'เด็กหญิง',
      firstName: s2!.firstName,
      lastName: s2!.lastName,
      grade: '04',
      room: '2',
      sex: 'F',
    });
  });

  it('offers a saved preset to the next file with the same headers', () => {
    const { wb } = openFile(bytes);
    const found = detect(wb);
    const changed = {
      ...found.mapping,
      columns: found.mapping.columns.map((f, i) => (i === 6 ? null : i === 0 ? null : f)),
    };
    const preset = newPreset('p1', ' รายชื่อครูประจำชั้น ', found.headers, changed, new Date('2026-06-01T03:00:00Z'));
    expect(preset).toMatchObject({
      name: 'รายชื่อครูประจำชั้น',
      headerRow: 2,
      columns: { B: 'idNo', C: 'fullName', D: 'birthDate', E: 'classRoom', F: 'sex' },
    });
    expect(
      presetFor(
        found.headers.map((h) => ` ${h} `),
        [preset],
      ),
    ).toBe(preset);
    expect(presetFor(['อื่น'], [preset])).toBeNull();
    expect(proposeMapping(wb, found, [preset]).preset).toBe(preset);
  });

  it('treats a first row holding an ID as data: the file has no header row', () => {
    const { wb } = openFile(workbookBytes({ Sheet1: teacherList.slice(2) }));
    expect(detect(wb).mapping.headerRow).toBe(-1);
  });

  it('names columns as spreadsheet programs do', () => {
    expect([0, 25, 26, 35, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AJ', 'ZZ']);
    expect(['A', 'AJ', 'ZZ'].map(columnIndex)).toEqual([0, 35, 701]);
  });
});
