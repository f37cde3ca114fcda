#!/usr/bin/env node
// Builds src/domain/areas/thai-admin.json, the compact province/district/subdistrict table the app ships.
// Run by hand when the source data changes, then commit the output (the build never reads ../shared):
//   node scripts/build-areas.mjs [path/to/thai-admin]   (default ../shared/data/thai-admin)
// Source: thailand-geography-data/thailand-geography-json, commit c76e019fe7a2d51cafd40be8261f59b10310f9d1,
// src/*.json, MIT licence (copied beside the output). Names are trimmed; rows are sorted by DOPA code.
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const from = resolve(process.argv[2] ?? join(root, '../shared/data/thai-admin'));
const outDir = join(root, 'src/domain/areas');
const read = (name) => JSON.parse(readFileSync(join(from, `${name}.json`), 'utf8'));
const byCode = (a, b) => a[0] - b[0];

const provinces = read('provinces')
  .map((p) => [p.provinceCode, p.provinceNameTh.trim(), p.provinceNameEn.trim()])
  .sort(byCode);
const districts = read('districts')
  .map((d) => [d.districtCode, d.provinceCode, d.districtNameTh.trim(), d.districtNameEn.trim(), d.postalCode])
  .sort(byCode);
const subdistricts = read('subdistricts')
  .map((s) => [s.subdistrictCode, s.districtCode, s.subdistrictNameTh.trim(), s.subdistrictNameEn.trim(), s.postalCode])
  .sort(byCode);

// Every row must point at a parent that exists, or the cascading pickers would show orphans.
const provinceCodes = new Set(provinces.map((p) => p[0]));
const districtCodes = new Set(districts.map((d) => d[0]));
const orphans = [
  ...districts.filter((d) => !provinceCodes.has(d[1])),
  ...subdistricts.filter((s) => !districtCodes.has(s[1])),
];
if (orphans.length > 0) throw new Error(`rows without a parent: ${JSON.stringify(orphans.slice(0, 5))}`);

const data = {
  source:
    'thailand-geography-data/thailand-geography-json@c76e019fe7a2d51cafd40be8261f59b10310f9d1 src/*.json, MIT licence (LICENSE.thailand-geography-json)',
  provinces,
  districts,
  subdistricts,
};
writeFileSync(join(outDir, 'thai-admin.json'), JSON.stringify(data));
const licence = join(outDir, 'LICENSE.thailand-geography-json');
copyFileSync(join(from, 'LICENSE.thailand-geography-json'), licence);
chmodSync(licence, 0o644); // the shared folder is read-only; keep our copy writable for the next run
console.log(`${provinces.length} provinces, ${districts.length} districts, ${subdistricts.length} subdistricts`);
