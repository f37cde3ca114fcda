// The app's headcount service and `tabian staff headcount` read one roster (as the app's own .xlsx export)
// and must give the same table.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../../../src/cli/command';
import { staffCommand } from '../../../src/cli/commands/staff';
import { appDb } from '../../../src/db/database';
import { listStaff, saveStaff } from '../../../src/db/staff-repo';
import { staffSchema } from '../../../src/domain/staff/schema';
import { loadHeadcount } from '../../../src/ui/services/staff-headcount.service';
import {
  openStaffFile,
  planStaffImport,
  rememberStaffPreset,
  rosterWorkbook,
} from '../../../src/ui/services/staff.service';
import { loadPresets } from '../../../src/ui/services/import.service';
import { xlsxBytes } from '../../../src/io/export/book';
import { emisFiles, emisCounts, emisPayloads } from '../../../src/ui/services/staff-payloads';
import { saveTechnology } from '../../../src/db/staff-repo';
import { technologySchema } from '../../../src/domain/staff/technology';
import { parsePayloadFile } from '../../../src/domain/bundle/payloads';

const roster = [
  {
    id: 'a',
    idNo: '1112034563562',
    firstName: 'มาลี',
    lastName: 'ศรีสุข',
    sex: 'F',
    personnelType: 'civil-teacher',
    standing: 'k2',
    startedAtSchoolOn: '2016-05-16',
    homerooms: ['04/1'],
  },
  {
    id: 'b',
    firstName: 'ปรีชา',
    lastName: 'ย้ายไป',
    sex: 'M',
    personnelType: 'civil-teacher',
    standing: 'k3',
    movements: [{ id: 'm1', kind: 'move-out', effectiveOn: '2026-06-01' }],
  },
  {
    id: 'c',
    firstName: 'สายใจ',
    lastName: 'มาใหม่',
    sex: 'F',
    personnelType: 'contract-teacher',
    funding: 'school-income',
    startedAtSchoolOn: '2026-06-10',
  },
  {
    id: 'd',
    firstName: 'สมศักดิ์',
    lastName: 'ใจดี',
    sex: 'M',
    personnelType: 'administrator',
    position: 'director',
    standing: 'k3',
  },
].map((r) => staffSchema.parse(r));

const io = (): Io & { outLines: string[] } => {
  const outLines: string[] = [];
  return { outLines, out: (l) => outLines.push(l), err: () => {} };
};

beforeEach(async () => {
  await appDb().staff.clear();
  await saveStaff(appDb(), roster, { userName: 'test', now: new Date('2026-06-10T03:00:00Z') });
});

describe('the staff headcount', () => {
  it("is the same table from the app's service and from `tabian staff headcount` on the exported .xlsx", async () => {
    const app = (await loadHeadcount('2026-06-10')).headcount;
    expect(app.total).toEqual({ M: 1, F: 2, total: 3 });
    const { bytes } = await rosterWorkbook(await listStaff(appDb()));
    const file = join(mkdtempSync(join(tmpdir(), 'tabian-staff-')), 'roster.xlsx');
    writeFileSync(file, bytes);
    const out = io();
    expect(await staffCommand.run(['headcount', file, '--as-of', '2026-06-10'], out)).toBe(0);
    expect(JSON.parse(out.outLines[0]!)).toEqual(JSON.parse(JSON.stringify(app)));
  });

  it('plans an import that updates people by citizen ID and adds the others', async () => {
    const { bytes } = await rosterWorkbook(roster.slice(0, 2));
    const plan = await planStaffImport(bytes, roster.slice(0, 1));
    expect({ added: plan.added, updated: plan.updated }).toEqual({ added: 1, updated: 1 });
    expect(plan.people[0]!.id).toBe('a');
  });

  it("previews a file in a layout of its own with the columns chosen, the roster's checks, and keeps the columns for next time", async () => {
    await appDb().importPresets.clear();
    const bytes = xlsxBytes([
      {
        name: 'x',
        rows: [
          ['รหัส', 'ครู', 'สังกัดงาน'],
          ['1112034563562', 'นางมาลี ศรีสุข', 'ข้าราชการครู'],
          ['', 'นางสาวแก้ว ใจงาม', 'ครูอัตราจ้าง'],
        ],
      },
    ]);
    const opened = await openStaffFile(bytes);
    expect(opened.recognised).toBe(false);
    const mapping = { sheet: 0, headerRow: 0, columns: ['idNo', 'fullName', 'personnelType'] };
    const plan = await planStaffImport(bytes, roster, mapping, { rooms: ['04/1'], users: [], today: '2026-06-10' });
    expect({ added: plan.added, updated: plan.updated }).toEqual({ added: 1, updated: 1 });
    // The contract teacher has no funding and nobody has a sex in this file: the preview says so before importing.
    const newcomer = plan.people.find((p) => p.firstName === 'แก้ว')!;
    expect(plan.findings.filter((f) => f.staffId === newcomer.id).map((f) => f.rule)).toEqual(
      expect.arrayContaining(['staff.funding.missing', 'staff.sex.missing']),
    );
    expect(plan.findings.every((f) => plan.people.some((p) => p.id === f.staffId))).toBe(true);
    await rememberStaffPreset('รายชื่อเขต', opened.headers, mapping);
    expect(await openStaffFile(bytes)).toMatchObject({ recognised: true, preset: 'รายชื่อเขต', mapping });
    // The students' import never offers a staff preset.
    expect(await loadPresets()).toEqual([]);
  });

  it("puts the roster counted on the as-of date and the technology record into the submission's own files", async () => {
    await appDb().technology.clear();
    await saveTechnology(appDb(), technologySchema.parse({ asOf: '2026-06-01', tablets: { working: 5 } }));
    const emis = await emisPayloads('2026-06-10');
    expect(emis.staff.map((s) => s.id)).toEqual(['a', 'c', 'd']);
    const files = emisFiles(emis);
    expect(files.map((f) => [f.path, f.schema, f.records])).toEqual([
      ['payload/staff.jsonl', 'staff/1', 3],
      ['payload/technology.json', 'technology/1', 1],
    ]);
    expect(emisCounts(emis)).toEqual({ staff: 3, technology: 1 });
    const entry = {
      path: files[0]!.path,
      schema: files[0]!.schema,
      records: 3,
      sha256: '',
      bytes: files[0]!.bytes.length,
    };
    expect(parsePayloadFile(entry, files[0]!.bytes)).toMatchObject({ ok: true });
  });
});
