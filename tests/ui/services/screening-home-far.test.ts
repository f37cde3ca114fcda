// The officer's checks measure a home's GPS from the school's own position: the year's site survey if it has
// one, else the school profile's (decision 0039).
import { beforeEach, describe, expect, it } from 'vitest';
import { saveSite } from '../../../src/db/asset-repo';
import { appDb } from '../../../src/db/database';
import { saveProfile } from '../../../src/db/profile-repo';
import { saveScreening } from '../../../src/db/screening-repo';
import { siteSchema } from '../../../src/domain/assets/schema';
import { SCREENING_FORM } from '../../../src/domain/screening/options';
import { schoolScreenings } from '../../../src/ui/services/screening.service';
import { certifiedSchool, schoolProfile } from './certified-school';

const at = (lat: number, lon: number) => ({ lat, lon, accuracyM: null, source: 'manual' as const });
const far = async () => (await schoolScreenings(2569)).findings.filter((f) => f.check === 'screening.home_far');

beforeEach(async () => {
  await certifiedSchool();
  await saveScreening(
    appDb(),
    { id: '2569/s1', studentId: 's1', academicYear: 2569, formVersion: SCREENING_FORM.version, gps: at(19.2, 98.95) },
    { userName: 'ครูสมใจ', now: new Date('2026-06-08T03:00:00Z') },
  );
});

describe('home far from the school', () => {
  it('is silent without a school position, then measures from the profile, and from the site survey first', async () => {
    expect(await far()).toEqual([]);
    await saveProfile(appDb(), { ...schoolProfile, gps: at(18.8, 98.95) });
    expect(await far()).toEqual([{ studentId: 's1', check: 'screening.home_far', km: 44, limitKm: 30 }]);
    // The site survey puts the school 0.1° (11 km) from the home: close enough.
    await saveSite(appDb(), 2569, siteSchema.parse({ gps: at(19.1, 98.95) }));
    expect(await far()).toEqual([]);
  });
});
