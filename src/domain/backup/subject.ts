// Whose backup a file is: the statement of a bundle names a school (10-digit code, 8-digit SMIS code), so a
// district office's backup carries zeros there and names itself in `district` (decision 0025,
// docs/bundle-format.md §backup). The file name says which office or school and which sequence.
import type { z } from 'zod';
import type { schoolPayloadSchema } from '../bundle/payloads';
import type { DeviceProfile } from '../school';

/** The school code and SMIS code of a district office's backup: no school's. */
export const NO_SCHOOL = { code: '0000000000', smis: '00000000' } as const;

export interface BackupSubject {
  school: z.input<typeof schoolPayloadSchema>;
  fileName: (academicYear: number, sequence: number) => string;
}

export function backupSubject(profile: DeviceProfile): BackupSubject {
  if (profile.kind === 'school') {
    return {
      school: {
        code: profile.moeCode,
        smis: profile.smisCode,
        name: profile.nameTh,
        nameEn: profile.nameEn,
        district: { code: profile.districtOffice.code, name: profile.districtOffice.name },
        directorName: profile.directorName,
      },
      fileName: (year, sequence) => `${profile.moeCode}-${year}-backup-${sequence}.tabian`,
    };
  }
  return {
    school: {
      ...NO_SCHOOL,
      name: profile.name,
      nameEn: '',
      district: { code: profile.code, name: profile.name },
      directorName: '',
    },
    fileName: (year, sequence) => `district-${profile.code}-${year}-backup-${sequence}.tabian`,
  };
}
