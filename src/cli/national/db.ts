// The national database: DuckDB embedded in the CLI (decision 0023), one file a province or the national office
// keeps. Tables hold what accepted submissions carry; names are kept for the districts' own follow-up and never
// leave through the exchange (docs/exchange.md). The schema is documented in docs/national.md.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS bundles (
     file_sha256 VARCHAR PRIMARY KEY, file VARCHAR, statement_sha256 VARCHAR, school VARCHAR, school_name VARCHAR,
     district VARCHAR, district_name VARCHAR, academic_year INTEGER, round VARCHAR, sequence INTEGER, as_of DATE,
     status VARCHAR, students INTEGER, ingested_at TIMESTAMP)`,
  `CREATE TABLE IF NOT EXISTS rejected (file_sha256 VARCHAR PRIMARY KEY, file VARCHAR, reason VARCHAR, detail VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS students (
     bundle_sha256 VARCHAR, school VARCHAR, district VARCHAR, academic_year INTEGER, round VARCHAR,
     student_id VARCHAR, id_type VARCHAR, id_no VARCHAR, id_valid BOOLEAN, prefix VARCHAR, first_name VARCHAR,
     last_name VARCHAR, sex VARCHAR, birth_date VARCHAR, grade VARCHAR, status VARCHAR, entered_on VARCHAR,
     counted BOOLEAN, first_key VARCHAR, last_key VARCHAR, name_key VARCHAR)`,
  // Added with district exports (decision 32); ALTER so that a database made before keeps working.
  `ALTER TABLE bundles ADD COLUMN IF NOT EXISTS previous VARCHAR`,
  `ALTER TABLE bundles ADD COLUMN IF NOT EXISTS via VARCHAR`,
  `ALTER TABLE bundles ADD COLUMN IF NOT EXISTS nutrition VARCHAR`,
  `CREATE TABLE IF NOT EXISTS movements (
     bundle_sha256 VARCHAR, school VARCHAR, district VARCHAR, academic_year INTEGER, round VARCHAR,
     student_id VARCHAR, kind VARCHAR, effective_on VARCHAR, other_school VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS district_exports (
     file_sha256 VARCHAR PRIMARY KEY, file VARCHAR, statement_sha256 VARCHAR, district VARCHAR, district_name VARCHAR,
     academic_year INTEGER, round VARCHAR, sequence INTEGER, previous VARCHAR, submissions INTEGER, findings INTEGER,
     ingested_at TIMESTAMP)`,
  `CREATE TABLE IF NOT EXISTS district_findings (
     file_sha256 VARCHAR PRIMARY KEY, export_sha256 VARCHAR, statement_sha256 VARCHAR, district VARCHAR, school VARCHAR,
     academic_year INTEGER, round VARCHAR, sequence INTEGER, acknowledged BOOLEAN, findings INTEGER)`,
  `CREATE TABLE IF NOT EXISTS chain_issues (
     file VARCHAR, chain VARCHAR, kind VARCHAR, sequence INTEGER, issue VARCHAR, first_sha256 VARCHAR, second_sha256 VARCHAR, detail VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS findings_sent (
     district VARCHAR, academic_year INTEGER, round VARCHAR, sequence INTEGER, statement_sha256 VARCHAR, findings INTEGER, ids_sha256 VARCHAR)`,
  // The submission that counts for a school and round: the latest accepted in its chain.
  `CREATE OR REPLACE VIEW latest AS
     SELECT b.* FROM bundles b
     QUALIFY row_number() OVER (PARTITION BY school, academic_year, round ORDER BY sequence DESC) = 1`,
  `CREATE OR REPLACE VIEW counted_students AS
     SELECT s.* FROM students s JOIN latest l ON s.bundle_sha256 = l.file_sha256 WHERE s.counted`,
];

export interface NationalDb {
  connection: DuckDBConnection;
  close(): void;
}

export async function openNationalDb(path: string): Promise<NationalDb> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  for (const sql of SCHEMA) await connection.run(sql);
  return {
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
