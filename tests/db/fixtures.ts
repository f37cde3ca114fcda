import { expect } from 'vitest';
import type { TabianDb } from '../../src/db/database';
import type { SchoolProfile } from '../../src/domain/school';

/** What a database of each schema version held, written with that version's own tables, and what must survive. */
interface VersionFixture {
  profile: SchoolProfile;
  write(db: TabianDb): Promise<void>;
  check(db: TabianDb): Promise<void>;
}

const profileV1: SchoolProfile = {
  kind: 'school', version: 1, moeCode: '1050130001', smisCode: '50130001', nameTh: 'โรงเรียนบ้านทดสอบ',
  nameEn: 'Ban Thotsop School', districtOffice: { code: '5001', name: 'สพป.เชียงใหม่ เขต 1' },
  directorName: 'นางสมศรี ใจดี', levels: ['kindergarten', 'primary'],
  address: { houseNo: '99', moo: '3', road: '', provinceCode: 50, districtCode: 5001, subdistrictCode: 500101, postcode: '50200' },
  gps: { lat: 18.7883, lon: 98.9853, accuracyM: 12, source: 'device' },
  createdAt: '2026-11-23T03:00:00.000Z', updatedAt: '2026-11-23T03:00:00.000Z',
};

export const fixturesByVersion: Record<number, VersionFixture> = {
  1: {
    profile: profileV1,
    async write(db) {
      await db.table('profile').put({ key: 'device', value: profileV1 });
      await db.table('settings').bulkPut([{ key: 'locale', value: 'en' }, { key: 'persistAskedAt', value: '2026-11-23T03:00:00.000Z' }]);
    },
    async check(db) {
      expect(await db.table('profile').get('device')).toEqual({ key: 'device', value: profileV1 });
      expect(await db.table('settings').get('locale')).toEqual({ key: 'locale', value: 'en' });
    },
  },
};
