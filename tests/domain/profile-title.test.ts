import { describe, expect, it } from 'vitest';
import { profileTitle } from '../../src/domain/profile-title';
import type { DeviceProfile } from '../../src/domain/school';

const school = { kind: 'school', nameTh: 'โรงเรียนบ้านทดสอบ', nameEn: 'Ban Thotsop School' } as DeviceProfile;

describe('the name a screen titles the device with', () => {
  it('is the school English name in English, the Thai name in Thai', () => {
    expect(profileTitle(school, 'en')).toBe('Ban Thotsop School');
    expect(profileTitle(school, 'th')).toBe('โรงเรียนบ้านทดสอบ');
  });
  it('falls back to the Thai name when the school has no English name', () => {
    expect(profileTitle({ ...school, nameEn: '' } as DeviceProfile, 'en')).toBe('โรงเรียนบ้านทดสอบ');
  });
  it('is the district office name in either language', () => {
    expect(profileTitle({ kind: 'district', name: 'สพป.ทดสอบ เขต 1' } as DeviceProfile, 'en')).toBe('สพป.ทดสอบ เขต 1');
  });
});
