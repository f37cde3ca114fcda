// The district's staff table: each school's headcount and ratios from its latest accepted submission of the
// round (read again in the worker), compared with its submission of the round before.
import { bundleFile, listBundles } from '../../db/bundle-repo';
import { appDb } from '../../db/database';
import { decryptionKeys } from '../../db/key-repo';
import { trustList } from '../../db/trust-repo';
import { headcountChanged, type SchoolStaff } from '../../domain/staff/district';
import { previousRound } from '../../domain/year/round';
import { t } from '../i18n/i18n.svelte';
import { districtWorker } from './district-worker';
import { latestAccepted, type RoundRef } from './district.service';
import { headcountRowName } from './staff-headcount.service';

export interface StaffLine {
  code: string;
  name: string;
  /** null when the submission carries no roster. */
  staff: SchoolStaff | null;
  before: number | null;
  changed: boolean;
}

export async function loadDistrictStaff(ref: RoundRef): Promise<StaffLine[]> {
  const db = appDb();
  const [rows, trust, keys] = await Promise.all([
    listBundles(db, { direction: 'in' }),
    trustList(db),
    decryptionKeys(db),
  ]);
  const read = (file: Blob) => districtWorker().staff({ file, trust, decryptionKeys: keys });
  const earlier = latestAccepted(rows, previousRound(ref.academicYear, ref.round));
  const lines: StaffLine[] = [];
  for (const row of latestAccepted(rows, ref).values()) {
    const staff = await read(bundleFile(row));
    const prev = earlier.get(row.school);
    const before = prev ? ((await read(bundleFile(prev)))?.headcount.total.total ?? null) : null;
    lines.push({
      code: row.school,
      name: row.schoolName,
      staff,
      before,
      changed: !!staff && headcountChanged(staff.headcount.total.total, before),
    });
  }
  return lines.sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** Students per teacher for the whole school, or null. */
export const schoolRatio = (s: SchoolStaff | null): number | null =>
  s?.ratios.find((r) => r.level === 'all')?.perTeacher ?? null;

export async function districtStaffWorkbook(
  lines: readonly StaffLine[],
  title: string,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { xlsxBytes } = await import('../../io/export/book');
  const keys = lines.find((l) => l.staff)?.staff?.headcount.rows.map((r) => r.key) ?? [];
  const rows = [
    [title],
    [],
    [
      t('dstaff.code'),
      t('dstaff.school'),
      t('dstaff.total'),
      t('dstaff.before'),
      t('dstaff.ratio'),
      ...keys.map(headcountRowName),
    ],
    ...lines.map((l) => [
      l.code,
      l.name,
      l.staff?.headcount.total.total ?? null,
      l.before,
      schoolRatio(l.staff),
      ...keys.map((k) => l.staff?.headcount.rows.find((r) => r.key === k)?.total ?? null),
    ]),
  ];
  return { bytes: xlsxBytes([{ name: t('dstaff.sheet'), rows }]), fileName: 'tabian-district-staff.xlsx' };
}
