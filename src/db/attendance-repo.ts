import type { RoundId } from '../domain/calendar';
import { attendanceSchema, type Attendance } from '../domain/year/attendance';
import type { TabianDb } from './database';
import { guarded } from './errors';

export async function listAttendance(db: TabianDb, academicYear: number, round: RoundId): Promise<Attendance[]> {
  const rows = await guarded(() => db.attendance.where('[academicYear+round]').equals([academicYear, round]).toArray());
  return rows.map((r) => attendanceSchema.parse(r));
}

export async function saveAttendance(db: TabianDb, row: Attendance): Promise<void> {
  const value = attendanceSchema.parse(row);
  await guarded(() => db.attendance.put(value));
}
