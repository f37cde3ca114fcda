#!/usr/bin/env node
// Builds src/domain/growth/data/who2006.json and who2007.json, the compact LMS tables the app ships.
// Run by hand when the source data changes, then commit the output (the build never reads ../shared):
//   node scripts/build-growth-tables.mjs [path/to/shared/data]   (default ../shared/data)
// Source: ewheeler/pygrowup, branch `future`, commit 7ce09543b7584cff3cc8c9959d2c1e5c2acf7986:
// WHO 2006 Child Growth Standards by day (pygrowup/tables/by_day/src/, from WHO's igrowup) and WHO 2007
// growth reference by month (pygrowup/tables/by_month/src/*_z_WHO2007_exp.txt). BSD-style licence,
// copied beside the output as LICENSE.pygrowup. Values are copied unchanged, one column per array.
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const from = resolve(process.argv[2] ?? join(root, '../shared/data'));
const outDir = join(root, 'src/domain/growth/data');
const COMMIT = '7ce09543b7584cff3cc8c9959d2c1e5c2acf7986';

function rows(path) {
  const [header, ...lines] = readFileSync(join(from, path), 'utf8').trim().split(/\r?\n/);
  const names = header.split('\t').map((h) => h.trim().toLowerCase());
  return lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [names[i], v.trim()])));
}

const num = (text, where) => {
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) throw new Error(`${where}: not a number: "${text}"`);
  return n;
};

// One table's columns; L collapses to one number when it never changes (height: L = 1 throughout).
function columns(list, where) {
  const l = list.map((r) => num(r.l, where));
  return {
    l: l.every((v) => v === l[0]) ? l[0] : l,
    m: list.map((r) => num(r.m, where)),
    s: list.map((r) => num(r.s, where)),
  };
}

// Ages must run without a gap from `first` to `last`, or an index would point at the wrong row.
function checkAges(ages, first, last, where) {
  ages.forEach((a, i) => {
    if (a !== first + i) throw new Error(`${where}: age ${a} at row ${i}, expected ${first + i}`);
  });
  if (ages.at(-1) !== last) throw new Error(`${where}: last age ${ages.at(-1)}, expected ${last}`);
}

const LAST_LENGTH_DAY = 730;
function who2006(file) {
  const all = rows(`who2006/${file}`);
  const out = {};
  for (const [code, sex] of [
    ['1', 'M'],
    ['2', 'F'],
  ]) {
    const list = all.filter((r) => r.sex === code);
    checkAges(
      list.map((r) => num(r.age, file)),
      0,
      1856,
      `${file} sex ${code}`,
    );
    // Recumbent length up to day 730, standing height from 731: the code relies on this boundary.
    for (const r of list) {
      if (r.loh && r.loh !== (Number(r.age) <= LAST_LENGTH_DAY ? 'L' : 'H'))
        throw new Error(`${file}: loh ${r.loh} at day ${r.age}`);
    }
    out[sex] = columns(list, file);
  }
  return { by: 'day', first: 0, last: 1856, ...out };
}

function who2007(stem, last) {
  const out = { by: 'month', first: 61, last };
  for (const [word, sex] of [
    ['boys', 'M'],
    ['girls', 'F'],
  ]) {
    const file = `who2007/${stem}_${word}_z_WHO2007_exp.txt`;
    const list = rows(file);
    checkAges(
      list.map((r) => num(r.month, file)),
      61,
      last,
      file,
    );
    out[sex] = columns(list, file);
  }
  return out;
}

const source = (path) => `ewheeler/pygrowup@${COMMIT} ${path}, BSD-style licence (LICENSE.pygrowup)`;
const tables = {
  'who2006.json': {
    source: source('pygrowup/tables/by_day/src/ (WHO Child Growth Standards 2006, from WHO igrowup)'),
    lastLengthDay: LAST_LENGTH_DAY,
    bmi: who2006('bmi_for_age.txt'),
    height: who2006('length_for_age.txt'),
    weight: who2006('weight_for_age.txt'),
  },
  'who2007.json': {
    source: source('pygrowup/tables/by_month/src/*_z_WHO2007_exp.txt (WHO growth reference 2007, 5–19 years)'),
    bmi: who2007('bmi', 228),
    height: who2007('hfa', 228),
    weight: who2007('wfa', 120),
  },
};

for (const [name, data] of Object.entries(tables)) {
  const text = JSON.stringify(data);
  writeFileSync(join(outDir, name), text + '\n');
  console.log(`${name}: ${text.length} bytes`);
}
const licence = join(outDir, 'LICENSE.pygrowup');
copyFileSync(join(from, 'who2007/LICENSE.pygrowup'), licence);
chmodSync(licence, 0o644); // the shared folder is read-only; keep our copy writable for the next run
