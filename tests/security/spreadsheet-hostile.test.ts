// Hostile spreadsheets: each is refused with a documented problem (Thai message) or read as plain text,
// quickly, without throwing anything else and without touching Object.prototype.
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readStudentRecord } from '../../src/domain/student/read';
import { buildPreview, detect, openFile } from '../../src/io/spreadsheet/pipeline';
import { problemMessage, SpreadsheetProblem } from '../../src/io/spreadsheet/problems';
import { dmc36Xlsx } from '../factories/dmc-files';
import { generateStudents } from '../factories/dmc-students';
import { AS_OF } from '../factories/students';
import { resolveArea } from '../io/helpers';
import { HOSTILE_TEXT, noise, polluted, timed } from './hostile';

type Outcome = { read: true; names: string[] } | { read: false; code: string };

/** The whole preview path of the import worker, on the page's thread. */
function attempt(bytes: Uint8Array): Outcome {
  try {
    const { wb } = openFile(bytes);
    const found = detect(wb);
    const p = buildPreview(wb, found, { register: [], asOf: AS_OF, resolveArea });
    return { read: true, names: p.plan.rows.map((r) => `${r.student?.firstName ?? ''} ${r.student?.lastName ?? ''}`) };
  } catch (e) {
    if (!(e instanceof SpreadsheetProblem)) throw e;
    expect(problemMessage(e.code, e.params, 'th')).toMatch(/[\u0E00-\u0E7F]/);
    expect(problemMessage(e.code, e.params, 'th')).not.toMatch(/\{\w+\}/);
    return { read: false, code: e.code };
  }
}

const xlsx = (rows: unknown[][]): Uint8Array => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
};
const HEAD = ['เลขประจำตัวประชาชน', 'คำนำหน้าชื่อ', 'ชื่อ', 'นามสกุล'];
const good = dmc36Xlsx(generateStudents(5));

/** The good file with one more entry, deflated honestly (a bomb) or with a lying size in both headers. */
function withEntry(name: string, data: Uint8Array): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(good);
  files[name] = data;
  return zipSync(files, { level: 9 });
}
function lyingSizes(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const enc = new TextEncoder().encode(name);
  for (let at = 0; at < out.length - 46; at++) {
    const sig = view.getUint32(at, true);
    const nameAt = sig === 0x04034b50 ? at + 30 : sig === 0x02014b50 ? at + 46 : -1;
    if (nameAt < 0 || !enc.every((b, i) => out[nameAt + i] === b)) continue;
    view.setUint32(at + (sig === 0x04034b50 ? 22 : 24), size, true);
  }
  return out;
}

describe('hostile spreadsheets are refused with a documented problem', () => {
  it.each([
    ['random bytes', () => noise(50_000, 3), 'file.not_spreadsheet'],
    [
      'a zip bomb: an entry declaring 300 MiB',
      () =>
        lyingSizes(withEntry('xl/bomb.xml', new Uint8Array(1024 * 1024).fill(0x20)), 'xl/bomb.xml', 300 * 1024 * 1024),
      'file.too_large',
    ],
    // Stopped at the size it declares (so never inflated without bound): a file whose sizes lie is damaged.
    [
      'an entry whose headers declare 0 bytes (SheetJS would inflate it without bound)',
      () =>
        lyingSizes(
          withEntry('xl/worksheets/sheet9.xml', new Uint8Array(16 * 1024 * 1024).fill(0x20)),
          'xl/worksheets/sheet9.xml',
          0,
        ),
      'file.damaged',
    ],
    [
      'an entry whose headers declare less than it inflates to',
      () =>
        lyingSizes(
          withEntry('xl/sharedStrings2.xml', new Uint8Array(16 * 1024 * 1024).fill(0x20)),
          'xl/sharedStrings2.xml',
          1000,
        ),
      'file.damaged',
    ],
    [
      'a sheet declaring 4 GiB in its local header',
      () => lyingSizes(good, 'xl/worksheets/sheet1.xml', 0xffffffff),
      'file.too_large',
    ],
    ['a path-traversal entry name', () => withEntry('../../evil.xml', strToU8('<x/>')), 'file.damaged'],
    ['an .xlsx cut short', () => good.subarray(0, good.length - 100), 'file.damaged'],
    [
      'a UTF-16 CSV without its BOM',
      () => new Uint8Array([0x41, 0, 0x2c, 0, 0x0e, 0x01, 0x0a, 0]),
      'file.not_spreadsheet',
    ],
    [
      'a CSV in an unknown 8-bit encoding',
      () => new Uint8Array([0x61, 0x2c, 0x80, 0x81, 0x0a, 0x62, 0x2c, 0x9f, 0x0a]),
      'file.encoding',
    ],
  ] as const)(
    '%s',
    (_what, make, code) => {
      const bytes = make();
      const { value, ms } = (() => {
        const start = performance.now();
        const v = attempt(bytes);
        return { value: v, ms: performance.now() - start };
      })();
      expect(value).toEqual({ read: false, code });
      expect(ms).toBeLessThan(8_000);
    },
    30_000,
  );

  it('ignores an XML entity bomb ("billion laughs") in a sheet instead of expanding it', () => {
    const files = unzipSync(xlsx([HEAD, ['1101700203451', 'เด็กชาย', 'สมชาย', 'ใจดี']]));
    const lol =
      '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
      ']>';
    const sheet = new TextDecoder()
      .decode(files['xl/worksheets/sheet1.xml'])
      .replace('?>', `?>${lol}`)
      .replace('สมชาย', '&lol9;');
    files['xl/worksheets/sheet1.xml'] = strToU8(sheet);
    const start = performance.now();
    const r = attempt(zipSync(files));
    expect(performance.now() - start).toBeLessThan(5_000);
    if (r.read) expect(r.names.join('').length).toBeLessThan(10_000);
  });
});

describe('hostile cells are read as text', () => {
  it('keeps formula payloads, markup and RTL overrides as the literal text of a name', () => {
    const rows = HOSTILE_TEXT.map((t, i) => [`110170020345${i}`, 'เด็กชาย', t, 'ใจดี']);
    for (const bytes of [
      xlsx([HEAD, ...rows]),
      new TextEncoder().encode(
        [HEAD, ...rows].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n'),
      ),
    ]) {
      const r = attempt(bytes);
      expect(r.read).toBe(true);
      const names = r.read ? r.names : [];
      for (const t of HOSTILE_TEXT) expect(names.some((n) => n.includes(t.trim()))).toBe(true);
    }
  });

  it('reads a live formula cell as its cached value, never evaluating or keeping the formula', () => {
    const ws = XLSX.utils.aoa_to_sheet([HEAD, ['1101700203451', 'เด็กชาย', 'x', 'ใจดี']]);
    ws['C2'] = { t: 's', v: 'ผลลัพธ์', f: 'HYPERLINK("http://evil","x")' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
    const r = attempt(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(r).toEqual({ read: true, names: ['ผลลัพธ์ ใจดี'] });
  });

  it("reads giant cells (Excel's 32,767 characters; 2 MB in a CSV) quickly", async () => {
    const { value, ms } = await timed(() => [
      attempt(xlsx([HEAD, ['1101700203451', 'เด็กชาย', 'ก'.repeat(32_767), 'ใจดี']])),
      attempt(new TextEncoder().encode(`${HEAD.join(',')}\n1101700203451,เด็กชาย,${'ก'.repeat(2_000_000)},ใจดี\n`)),
    ]);
    expect(value.map((r) => r.read)).toEqual([true, true]);
    expect(ms).toBeLessThan(5_000);
  });

  it('treats headers named __proto__, constructor and prototype as unknown columns, polluting nothing', () => {
    const head = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', ...HEAD];
    const row = ['{"polluted":1}', 'x', 'y', 'z', '1101700203451', 'เด็กชาย', 'สมชาย', 'ใจดี'];
    for (const bytes of [
      xlsx([head, row]),
      new TextEncoder().encode(`${head.join(',')}\n${row.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')}\n`),
    ]) {
      expect(attempt(bytes)).toEqual({ read: true, names: ['สมชาย ใจดี'] });
      expect(polluted()).toBeUndefined();
    }
  });
});

describe('property: the spreadsheet reader', () => {
  it('any bytes give a workbook or a documented problem, never another exception', () => {
    const zipLike = fc.uint8Array({ maxLength: 400 }).map((b) => {
      const out = good.slice();
      for (let i = 0; i < b.length; i += 2)
        out[(b[i]! * 251 + (b[i + 1] ?? 0) * 13 + i * 977) % out.length] = b[i + 1] ?? 0;
      return out;
    });
    const text = fc.string({ maxLength: 300, unit: 'binary' }).map((s) => new TextEncoder().encode(s));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 3000 }), zipLike, text), (bytes) => {
        attempt(bytes);
        expect(polluted()).toBeUndefined();
      }),
      { numRuns: 80, interruptAfterTimeLimit: 6_000 },
    );
  }, 30_000);

  it('readStudentRecord never throws on any JSON-like value and always gives a schema-valid student or none', () => {
    const key = fc.oneof(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        'idNo',
        'idType',
        'firstName',
        'birthDate',
        'grade',
        'sex',
        'addresses',
        'family',
        'health',
        'welfare',
        'status',
        'id',
      ),
      fc.string({ maxLength: 8 }),
    );
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constantFrom(...HOSTILE_TEXT),
      ),
      node: fc.oneof(
        { depthSize: 'small' },
        tie('leaf'),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.oneof(value, fc.dictionary(key, value, { maxKeys: 10 })), (raw) => {
        const r = readStudentRecord(raw, 'fallback');
        if (r.student) expect(Object.getPrototypeOf(r.student)).toBe(Object.prototype);
        expect(polluted()).toBeUndefined();
      }),
      { numRuns: 300, interruptAfterTimeLimit: 10_000 },
    );
  }, 20_000);

  it('readStudentRecord ignores __proto__ and constructor keys from JSON', () => {
    const r = readStudentRecord(
      JSON.parse(
        '{"__proto__":{"polluted":1,"firstName":"x"},"constructor":{"prototype":{"polluted":1}},"firstName":"สมชาย","family":{"__proto__":{"polluted":1}}}',
      ),
      'f',
    );
    expect(r.student?.firstName).toBe('สมชาย');
    expect(polluted()).toBeUndefined();
  });

  it('takes time linear in a giant value', async () => {
    const { ms } = await timed(() =>
      readStudentRecord(
        { firstName: 'ก'.repeat(2_000_000), idNo: '1'.repeat(1_000_000), birthDate: '9'.repeat(100_000) },
        'f',
      ),
    );
    expect(ms).toBeLessThan(3_000);
  });
});
