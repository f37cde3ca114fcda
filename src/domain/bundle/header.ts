// The statement fields every bundle starts with (its kind, id, time, the app that made it, and whose it
// is), and the school's own record (`school/1`) that submissions and transfers carry: built in one place
// from the profile, so the three school bundles and the district's findings cannot drift apart.
import type { SchoolProfile } from '../school';
import type { PayloadRecord } from './payloads';
import type { Statement } from './statement';

export type BundleHeader = Pick<Statement, 'kind' | 'bundleId' | 'createdAt' | 'app' | 'school' | 'district'>;
export type BundleParties = Pick<Statement, 'school' | 'district'>;

/** What only the caller knows: a fresh id, the time (RFC 3339) and the app's version. */
export interface BundleStamp {
  bundleId: string;
  createdAt: string;
  appVersion: string;
}

type ProfileParts = Pick<SchoolProfile, 'moeCode' | 'smisCode' | 'nameTh' | 'districtOffice'>;

/** A school's bundle belongs to the school (code, SMIS code, Thai name) and names its district office. */
export const schoolParties = (p: ProfileParts): BundleParties => ({
  school: { code: p.moeCode, smis: p.smisCode, name: p.nameTh },
  district: { code: p.districtOffice.code, name: p.districtOffice.name },
});

export const bundleHeader = (kind: Statement['kind'], parties: BundleParties, stamp: BundleStamp): BundleHeader => ({
  kind,
  bundleId: stamp.bundleId,
  createdAt: stamp.createdAt,
  app: { name: 'tabian', version: stamp.appVersion },
  ...parties,
});

/** The `school/1` record of a submission or a transfer: who sends it, in both languages, and its director. */
export const schoolRecord = (
  p: ProfileParts & Pick<SchoolProfile, 'nameEn' | 'directorName'>,
): PayloadRecord<'school/1'> => ({
  code: p.moeCode,
  smis: p.smisCode,
  name: p.nameTh,
  nameEn: p.nameEn,
  district: { code: p.districtOffice.code, name: p.districtOffice.name },
  directorName: p.directorName,
});
