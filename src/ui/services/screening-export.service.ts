// The class summary .xlsx of screenings (SheetJS loaded only now), downloaded.
import type { Screening } from '../../domain/screening/schema';
import type { Student } from '../../domain/student/schema';
import { download, schoolInfo } from './export.service';
import type { ClassRef } from './screening.service';
import { classLabel } from './students.service';

export async function exportClassSummary(
  room: ClassRef,
  year: number,
  items: readonly { student: Student; screening: Screening }[],
): Promise<string> {
  const [{ xlsxBytes }, { screeningSummarySheet }] = await Promise.all([
    import('../../io/export/book'),
    import('../../io/export/screening-summary'),
  ]);
  const school = await schoolInfo();
  const label = classLabel(room.grade, room.room);
  const bytes = xlsxBytes([
    screeningSummarySheet(`สรุปแบบ นร./กสศ.01 ${school.name} ชั้น ${label} ปีการศึกษา ${year}`, items),
  ]);
  const name = `นร01-${label.replace('/', '-')}-${year}.xlsx`;
  download(bytes, name);
  return name;
}
