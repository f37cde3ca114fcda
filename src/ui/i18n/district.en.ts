import type { districtTh } from './district.th';

export const districtEn: Record<keyof typeof districtTh, string> = {
  'district.title': 'District office',
};
