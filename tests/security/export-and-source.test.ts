// @vitest-environment node
// Exports neutralise formulas in hostile names, and the source keeps to three rules a scan can check:
// no {@html}/innerHTML (markup from records would run), no console.log/info/debug (logs on a shared
// tablet keep children's data), no document.title built from anything but fixed text.
import * as XLSX from '@e965/xlsx';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classListSheets, validationSheets } from '../../src/io/export/reports';
import { schoolSheetWords } from '../../src/ui/services/school-sheet-words';
import { xlsxBytes, sheetName } from '../../src/io/export/book';
import { studentListXlsx } from '../../src/io/export/student-list';
import { safeText } from '../../src/io/export/safe-cell';
import { evidenceFileName } from '../../src/io/export/correction-form';
import { aStudent } from '../factories/students';
import { HOSTILE_TEXT } from './hostile';

const RISKY = /^[=+\-@\t\r]/;

/** Every cell of every sheet: none may carry a formula, and no text may start like one. */
function checkWorkbook(bytes: Uint8Array): string[] {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
  const texts: string[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name]!;
    for (const [ref, cell] of Object.entries(ws)) {
      if (ref.startsWith('!')) continue;
      const c = cell as XLSX.CellObject;
      expect(c.f, `${name}!${ref}`).toBeUndefined();
      if (typeof c.v === 'string') {
        if (c.v !== '-') expect(c.v, `${name}!${ref}`).not.toMatch(RISKY);
        texts.push(c.v);
      }
    }
  }
  return texts;
}

const hostileStudents = HOSTILE_TEXT.map((t, i) => aStudent(`s${i}`, { firstName: t, lastName: t, room: t }));

describe('exports neutralise formulas', () => {
  it('safeText guards each of = + - @ tab CR and leaves the text otherwise whole', () => {
    for (const t of HOSTILE_TEXT) {
      const safe = safeText(t);
      expect(safe).not.toMatch(RISKY);
      expect(safe.endsWith(t)).toBe(true);
    }
  });

  it('the DMC student list keeps hostile names as inert text', () => {
    const texts = checkWorkbook(
      studentListXlsx(
        hostileStudents,
        { code: '=1+1', name: '@evil' },
        null,
        new Date('2026-06-01T00:00:00Z'),
        '2026-06-01',
      ),
    );
    for (const t of HOSTILE_TEXT) expect(texts.some((x) => x.includes(t.replace(/^[\t\r]/, '')))).toBe(true);
  });

  it('class lists and the validation report too', () => {
    checkWorkbook(
      xlsxBytes([
        ...classListSheets(hostileStudents, '=HYPERLINK("x")', schoolSheetWords()),
        ...validationSheets(hostileStudents, [], schoolSheetWords()),
      ]),
    );
  });

  it('sheet and file names made from user text cannot climb out of a folder', () => {
    for (const t of ['../../etc/passwd', '..\\..\\x', 'a/b:c*?"<>|']) {
      expect(sheetName(t, new Set())).not.toMatch(/[\\/:*?[\]]/);
      expect(evidenceFileName(1, t)).not.toMatch(/(^|[\\/])\.\.([\\/]|$)|[\\:]/);
    }
  });
});

const root = fileURLToPath(new URL('../../src', import.meta.url));
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}
const files = sources(root).map((path) => ({ path: path.slice(root.length + 1), text: readFileSync(path, 'utf8') }));
const hits = (re: RegExp, skip: (path: string) => boolean = () => false) =>
  files
    .filter((f) => !skip(f.path))
    .flatMap((f) =>
      f.text.split('\n').flatMap((line, i) => (re.test(line) ? [`${f.path}:${i + 1}: ${line.trim()}`] : [])),
    );

describe('source rules (a scan: adding one of these fails here)', () => {
  it('reads every source file', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('never renders markup from data: no {@html} and no innerHTML/outerHTML/insertAdjacentHTML/document.write', () => {
    expect(hits(/\{@html|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write/)).toEqual([]);
  });

  it("writes no console.log/info/debug anywhere in the app (records would stay in a shared tablet's console)", () => {
    // The command line and the card bridge print to their own terminal through io.out/log, never console.log.
    expect(hits(/console\.(log|info|debug|trace|dir|table)\s*\(/)).toEqual([]);
  });

  it('console.warn/error never take a record, a student or a row', () => {
    expect(hits(/console\.(warn|error)\s*\([^)]*\b(student|record|row|card|person|user|s\.)\b/i)).toEqual([]);
  });

  it('sets document.title only from fixed, translated text', () => {
    const titles = hits(/document\.title\s*=/);
    for (const line of titles) expect(line).not.toMatch(/student|firstName|lastName|idNo|name\b/i);
  });
});
