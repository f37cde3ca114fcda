import { exportParquet } from '../national/duplicates';
import { duplicates, ingest, keygen, report, withDb } from '../national/commands';
import { UsageError } from '../args';
import { defineGroup, type Command, type Io } from '../command';

const usage = [
  'Usage: tabian national ingest <bundle files or folders> --db FILE.duckdb [--trust keys.json …] [--district-trust CODE=district.public.json …] [--key national.jwk …]',
  '       tabian national duplicates --db FILE.duckdb [--findings-dir DIR --key national.jwk [--office NAME]]',
  '       tabian national export --db FILE.duckdb --parquet DIR',
  '       tabian national report --db FILE.duckdb [--xlsx OUT.xlsx] [--rates rates.json]',
  '       tabian national keygen --out national.jwk --public national.public.json --name NAME',
  "A province's or the national office's consolidation in DuckDB (docs/national.md).",
  'ingest: verifies school submissions (against --trust) and district exports (the district key trusted for its',
  '  district by --district-trust, then every school bundle inside against the keys the district enrolled, read',
  '  through the content key granted to --key) as the app does; chains are checked across files (a fork refused,',
  '  the first received kept; a gap reported). The same file twice changes nothing. Progress on stderr; prints',
  '  {"accepted","rejected","skipped","students","districtExports","chainIssues"}.',
  'duplicates: prints {"students","distinctStudents","duplicates":[{"rule","idNo","schools","districts","reason"}]},',
  '  children counted by schools in two districts; with --findings-dir, one national-findings bundle per district',
  '  and round whose list changed, signed by the national key, for the districts to import.',
  'export: Hive-partitioned Parquet (academic_year=/round=/district=) of the counted students.',
  'report: counts by province, district, level, grade and sex, movements, nutrition and the subsidy estimate (JSON;',
  '  --xlsx also writes a workbook, its headings in Thai).',
  'keygen: a national key (private JWK, mode 600) and its public key file (role national) that districts enrol.',
  'Exit 0 on success; 1 when ingest rejected a file; 2 on bad usage or unreadable input.',
].join('\n');

const exportCommand = (args: string[], io: Io) =>
  withDb(args, { parquet: { type: 'string' } }, async (db, v) => {
    if (!v['parquet']) throw new UsageError('ต้องใส่ --parquet DIR', '--parquet DIR is required');
    io.out(JSON.stringify({ students: await exportParquet(db.connection, v['parquet']), parquet: v['parquet'] }));
    return 0;
  });

export const nationalCommand: Command = defineGroup({
  name: 'national',
  summary: "consolidate many districts' submissions in DuckDB, find children counted in two districts, write Parquet",
  usage,
  subcommands: [
    { name: 'ingest', summary: 'verify and store submissions and district exports', usage, run: ingest },
    { name: 'duplicates', summary: 'children counted in two districts', usage, run: duplicates },
    { name: 'export', summary: 'Parquet of the counted students', usage, run: exportCommand },
    { name: 'report', summary: 'the report as JSON and .xlsx', usage, run: report },
    { name: 'keygen', summary: 'a national key', usage, run: keygen },
  ],
});
