// @vitest-environment node
import { describe, it, expect, vi, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCommand } from '../../src/cli/commands/validate';
import { RULES, type RuleCode } from '../../src/domain/validation/catalogue';
import { fakeIo } from '../factories/io';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = join(root, 'tests/fixtures/students-small.jsonl');
const en = (rule: RuleCode) => RULES[rule].message.en;
const issue = (row: number, idNo: string, rule: RuleCode, field: string) => ({
  row,
  idNo,
  rule,
  severity: RULES[rule].severity,
  field,
  message: en(rule),
});

// What each line of the fixture holds, and what must be found there.
const expected = {
  students: 11, // 12 lines, line 11 blank
  errors: 9,
  warnings: 4,
  issues: [
    issue(1, '1101700012344', 'id.duplicate', 'idNo'), // same ID as line 9
    issue(1, '1101700012344', 'person.possible_duplicate', 'firstName'), // same girl as line 10
    // line 2: a DMC-style row (ด.ช., ช, 15/08/2555, ม.1, dashed ID) that reads cleanly
    issue(3, '1101700012360', 'id.checksum', 'idNo'),
    // An impossible value is blanked in the record and kept as the text it was: `value` carries it.
    { ...issue(4, '1101700012379', 'birthdate.invalid', 'birthDate'), value: '2015-02-30' },
    { ...issue(4, '1101700012379', 'grade.unknown', 'grade'), value: '19' },
    issue(5, '', 'record.unreadable', 'record'), // broken JSON
    issue(6, '1101700012395', 'name.invalid_chars', 'firstName'), // วีระ2
    issue(6, '1101700012395', 'name.missing', 'lastName'), // no lastName at all
    // lines 7 and 8: twins ธนากร and ธนากรณ์ ศรีสุข, never a duplicate
    issue(9, '1101700012344', 'id.duplicate', 'idNo'),
    issue(10, 'G644200000001', 'person.possible_duplicate', 'firstName'), // "มา ลี ใจดี", same birth date as line 1
    issue(12, 'G6442', 'gcode.format', 'idNo'),
    issue(12, 'G6442', 'weight.implausible', 'health.weightKg'), // 450 kg
    issue(12, 'G6442', 'address.unknown_area', 'addresses.registered.provinceCode'), // province 99
  ],
  duplicates: [
    { rule: 'id.duplicate', rows: [1, 9], reason: 'same ID number 1-1017-00012-34-4' },
    {
      rule: 'person.possible_duplicate',
      rows: [1, 10],
      reason:
        'same birth date, and the same name once spaces, repeated letters, tone-mark order and prefixes are ignored',
    },
  ],
};

async function run(args: string[]) {
  const io = fakeIo();
  const code = await validateCommand.run(args, io);
  return { code, io };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('validate', () => {
  it('prints one JSON report of the fixture, every row accounted for', async () => {
    const { code, io } = await run([fixture, '--as-of', '2026-06-10', '--lang', 'en']);
    expect(code).toBe(0);
    expect(io.errLines).toEqual([]);
    expect(io.outLines).toHaveLength(1);
    expect(JSON.parse(io.outLines[0]!)).toEqual(expected);
  });

  it('writes the keys in a fixed order', async () => {
    const { io } = await run([fixture, '--as-of=2026-06-10']);
    const line = io.outLines[0]!;
    expect(line).toMatch(
      /^\{"students":11,"errors":9,"warnings":4,"issues":\[\{"row":1,"idNo":"1101700012344","rule":"id\.duplicate","severity":"error","field":"idNo","message":/,
    );
    expect(line).toContain('"duplicates":[{"rule":"id.duplicate","rows":[1,9],"reason":');
  });

  it('speaks Thai by default', async () => {
    const { io } = await run([fixture, '--as-of', '2026-06-10']);
    const report = JSON.parse(io.outLines[0]!) as typeof expected;
    expect(report.issues[2]?.message).toBe(RULES['id.checksum'].message.th);
    expect(report.duplicates[0]?.reason).toBe('เลขประจำตัวเดียวกัน 1-1017-00012-34-4');
  });

  it('takes ages on today without --as-of', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 5, 10, 12));
    const { io } = await run([fixture, '--lang', 'en']);
    expect(JSON.parse(io.outLines[0]!)).toEqual(expected);
  });

  it('applies the as-of date to the age rules', async () => {
    // Line 1 (born 2019-03-20, ป.1) is 10 on 2029-06-10: more than two years above the usual 6–7.
    const { io } = await run([fixture, '--as-of', '2029-06-10', '--lang', 'en']);
    const report = JSON.parse(io.outLines[0]!) as typeof expected;
    expect(report.issues.filter((i) => i.row === 1).map((i) => i.rule)).toContain('age.grade_mismatch');
  });

  it('checks a 13-digit number as a citizen ID under any ID type, and carries a kept text as "value"', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tabian-')), 'types.jsonl');
    const line = (o: object) =>
      JSON.stringify({
        prefix: 'เด็กหญิง',
        firstName: 'มาลี',
        lastName: 'ใจดี',
        sex: 'F',
        birthDate: '2019-03-20',
        grade: '04',
        room: '1',
        ...o,
      });
    writeFileSync(
      file,
      [
        line({ idType: 'O', idNo: '1101700012340' }),
        line({
          idType: 'P',
          idNo: '1101700012344',
          firstName: 'สุดา',
          family: { mother: { occupation: 'ขายของออนไลน์' } },
        }),
      ].join('\n'),
    );
    const report = JSON.parse((await run([file, '--as-of', '2026-06-10'])).io.outLines[0]!) as {
      issues: { row: number; rule: string; field: string; value?: string }[];
    };
    expect(report.issues.filter((i) => i.row === 1).map((i) => i.rule)).toContain('id.checksum');
    expect(report.issues.filter((i) => i.row === 2)).toEqual([
      expect.objectContaining({ field: 'family.mother.occupation', value: 'ขายของออนไลน์' }),
    ]);
  });

  it('reports an empty file as no students', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tabian-')), 'empty.jsonl');
    writeFileSync(file, '\n\n');
    const { code, io } = await run([file]);
    expect(code).toBe(0);
    expect(JSON.parse(io.outLines[0]!)).toEqual({ students: 0, errors: 0, warnings: 0, issues: [], duplicates: [] });
  });

  it('exits 2 with a clear message for a missing file', async () => {
    const { code, io } = await run(['no/such/file.jsonl']);
    expect(code).toBe(2);
    expect(io.outLines).toEqual([]);
    expect(io.errLines).toEqual(['tabian validate: cannot read "no/such/file.jsonl": no such file']);
  });

  it('exits 2 for a directory and for a file that is not UTF-8', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabian-'));
    expect((await run([dir])).io.errLines).toEqual([`tabian validate: cannot read "${dir}": it is a directory`]);
    const file = join(dir, 'tis620.jsonl');
    writeFileSync(file, Buffer.from([0x7b, 0xca, 0xc1, 0x7d, 0x0a])); // TIS-620 bytes
    const { code, io } = await run([file]);
    expect(code).toBe(2);
    expect(io.errLines).toEqual([`tabian validate: cannot read "${file}": it is not UTF-8 text`]);
  });

  it.each([
    [[], 'ไม่ได้ใส่ไฟล์ / no file given'],
    [['a.jsonl', 'b.jsonl'], 'ใส่ไฟล์เดียว / give one file only'],
    [
      ['a.jsonl', '--as-of', '2026-02-30'],
      '--as-of ต้องเป็นวันที่จริงแบบ YYYY-MM-DD ไม่ใช่ "2026-02-30" / --as-of wants a real date as YYYY-MM-DD, got "2026-02-30"',
    ],
    [['a.jsonl', '--as-of'], '--as-of ต้องมีค่า / --as-of wants a value'],
    [['a.jsonl', '--lang', 'fr'], '--lang ต้องเป็น th หรือ en ไม่ใช่ "fr" / --lang wants th or en, got "fr"'],
    [['a.jsonl', '--strict'], 'ไม่รู้จักตัวเลือก "--strict" / unknown option "--strict"'],
  ])('exits 2 with usage for %j', async (args, message) => {
    const { code, io } = await run(args);
    expect(code).toBe(2);
    expect(io.errLines.join('\n')).toContain(`tabian validate: ${message}`);
    expect(io.errLines.join('\n')).toContain('Usage: tabian validate <file.jsonl|file.xlsx|file.xls|file.csv>');
  });

  it('prints usage for --help', async () => {
    const { code, io } = await run(['--help']);
    expect(code).toBe(0);
    expect(io.outLines.join('\n')).toContain(
      'Usage: tabian validate <file.jsonl|file.xlsx|file.xls|file.csv> [--as-of YYYY-MM-DD] [--lang th|en]',
    );
  });

  it('runs as a real process', () => {
    const stdout = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'validate',
        'tests/fixtures/students-small.jsonl',
        '--as-of',
        '2026-06-10',
        '--lang',
        'en',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(JSON.parse(stdout)).toEqual(expected);
  }, 30_000);
});
