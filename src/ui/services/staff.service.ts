// The staff roster for the signed-in user: load, check, save, movements, and the roster workbook.
import { appDb } from '../../db/database';
import { listStaff, saveStaff, saveTechnology, technologyOn } from '../../db/staff-repo';
import { carryOver, technologySchema, type Technology } from '../../domain/staff/technology';
import { listRooms } from '../../db/room-repo';
import { listImportPresets, saveImportPreset } from '../../db/import-preset-repo';
import { normaliseHeader } from '../../io/spreadsheet/headers';
import { columnLetter } from '../../io/spreadsheet/presets';
import type { RosterMapping, RosterOpened, RosterPreset } from '../../io/spreadsheet/staff-roster';
import { listUsers } from '../../db/user-repo';
import { normaliseIdInput } from '../../domain/ids';
import { emisRoundOf } from '../../domain/staff/emis-round';
import { rosterTable } from '../../domain/staff/roster-sheet';
import type { RosterRead } from '../../domain/staff/roster-sheet';
import { staffSchema, type Staff, type StaffMovement } from '../../domain/staff/schema';
import {
  addStaffMovement,
  compareStaffThai,
  reverseStaffMovement,
  type MovementProblem,
} from '../../domain/staff/status';
import { checkRoster, type StaffFinding } from '../../domain/staff/validate';
import { i18n, t } from '../i18n/i18n.svelte';
import { session } from '../state/session.svelte';
import { todayIso } from './clock';
import { loadSchoolYear } from './rounds.service';

export interface StaffData {
  staff: Staff[];
  /** The school's rooms as "grade/room" keys, for homerooms. */
  rooms: string[];
  users: { id: string; name: string }[];
  findings: StaffFinding[];
  today: string;
  /** The EMIS round's as-of date of the register's year: the headcount's default date. */
  emisAsOf: string;
}

export async function loadStaffData(now: Date = new Date()): Promise<StaffData> {
  const db = appDb();
  const [staff, rooms, users, year] = await Promise.all([
    listStaff(db),
    listRooms(db),
    listUsers(db),
    loadSchoolYear(now),
  ]);
  const today = todayIso(now);
  const roomKeys = rooms.map((r) => `${r.grade}/${r.room}`);
  const active = users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name }));
  const findings = checkRoster({ staff, rooms: roomKeys, users: active, on: today });
  return {
    staff: staff.sort(compareStaffThai),
    rooms: roomKeys,
    users: active,
    findings,
    today,
    emisAsOf: emisRoundOf(year.register).asOf,
  };
}

export async function saveStaffMember(s: Staff): Promise<Staff> {
  const parsed = staffSchema.parse(s);
  const actor = session.actor();
  await saveStaff(appDb(), [parsed], { userName: actor.userName, now: actor.now });
  return parsed;
}

export const newStaffId = (): string => crypto.randomUUID();

export type MoveOutcome = { ok: true; staff: Staff } | { ok: false; problem: MovementProblem };

export async function recordStaffMovement(
  s: Staff,
  draft: Omit<StaffMovement, 'id' | 'reversedAt'>,
): Promise<MoveOutcome> {
  const result = addStaffMovement(s, { ...draft, id: newStaffId(), reversedAt: null });
  if ('problem' in result) return { ok: false, problem: result.problem };
  return { ok: true, staff: await saveStaffMember(result.staff) };
}

export const reverseStaffMove = (s: Staff, movementId: string): Promise<Staff> =>
  saveStaffMember(reverseStaffMovement(s, movementId, new Date().toISOString()));

export interface ImportPlan {
  read: RosterRead;
  people: Staff[];
  added: number;
  updated: number;
  /** The roster's checks on the people of the file, as the roster would stand after the import. */
  findings: StaffFinding[];
}

/** Staff column mappings the user kept, newest first (the students' presets store, marked for staff). */
async function staffPresets(): Promise<RosterPreset[]> {
  return (await listImportPresets(appDb())).filter((p) => p.target === 'staff');
}

/** Opens a roster file and proposes its columns (our headers, the EMIS preset, or a kept preset). */
export async function openStaffFile(bytes: Uint8Array): Promise<RosterOpened> {
  // SheetJS is large: loaded only when someone imports.
  const [{ openRosterFile }, presets] = await Promise.all([
    import('../../io/spreadsheet/staff-roster'),
    staffPresets(),
  ]);
  return openRosterFile(bytes, presets);
}

/** Keeps the user's columns for the next file with the same headers. */
export async function rememberStaffPreset(
  name: string,
  headers: readonly string[],
  mapping: RosterMapping,
): Promise<void> {
  const columns: Record<string, string> = {};
  mapping.columns.forEach((key, i) => {
    if (key) columns[columnLetter(i)] = key;
  });
  await saveImportPreset(appDb(), {
    id: crypto.randomUUID(),
    name: name.trim(),
    headers: headers.map(normaliseHeader),
    headerRow: mapping.headerRow + 1,
    columns,
    savedAt: new Date().toISOString(),
    target: 'staff',
  });
}

/**
 * Reads a roster file with the columns given (else as its headers say); a person whose citizen ID is on the
 * roster updates that record (keeping its movements). `context` gives the rooms and users the checks need.
 */
export async function planStaffImport(
  bytes: Uint8Array,
  current: readonly Staff[],
  mapping?: RosterMapping,
  context: Pick<StaffData, 'rooms' | 'users' | 'today'> = { rooms: [], users: [], today: todayIso() },
): Promise<ImportPlan> {
  const { readRosterFile, readRosterSheet } = await import('../../io/spreadsheet/staff-roster');
  const read = mapping
    ? readRosterSheet(bytes, mapping, () => newStaffId())
    : readRosterFile(bytes, () => newStaffId());
  const byIdNo = new Map(current.filter((s) => s.idNo).map((s) => [normaliseIdInput(s.idNo), s]));
  let updated = 0;
  const people = read.staff.map((p) => {
    const same = p.idNo ? byIdNo.get(p.idNo) : undefined;
    if (!same) return p;
    updated++;
    return {
      ...p,
      id: same.id,
      userId: same.userId,
      movements: [
        ...same.movements,
        ...p.movements.filter((m) => !same.movements.some((x) => x.kind === m.kind && x.effectiveOn === m.effectiveOn)),
      ],
    };
  });
  const ids = new Set(people.map((p) => p.id));
  const after = [...current.filter((s) => !ids.has(s.id)), ...people];
  const findings = checkRoster({ staff: after, rooms: context.rooms, users: context.users, on: context.today }).filter(
    (f) => f.staffId && ids.has(f.staffId),
  );
  return { read, people, added: people.length - updated, updated, findings };
}

export async function importStaff(plan: ImportPlan): Promise<number> {
  const actor = session.actor();
  await saveStaff(appDb(), plan.people, { userName: actor.userName, now: actor.now });
  return plan.people.length;
}

/** The roster as an .xlsx in the interface language; the phone column only when asked for. */
export async function rosterWorkbook(
  staff: readonly Staff[],
  contact = true,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { xlsxBytes } = await import('../../io/export/book');
  const rows = rosterTable(staff, i18n.locale, { contact });
  return {
    bytes: xlsxBytes([{ name: t('staff.roster.sheet'), rows }]),
    fileName: `${t('staff.roster.file')}-${todayIso()}.xlsx`,
  };
}

/** The technology form as of `asOf`: the record of that date, else the last one before it carried over. */
export async function loadTechnology(asOf: string): Promise<{ record: Technology; carried: string | null }> {
  const last = await technologyOn(appDb(), asOf);
  return {
    record: last?.asOf === asOf ? last : carryOver(last, asOf),
    carried: last && last.asOf !== asOf ? last.asOf : null,
  };
}

export async function saveTechnologyRecord(t: Technology): Promise<Technology> {
  const actor = session.actor();
  const record = technologySchema.parse({ ...t, recordedAt: actor.now.toISOString(), recordedBy: actor.userName });
  await saveTechnology(appDb(), record);
  return record;
}
