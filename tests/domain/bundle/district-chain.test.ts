// The two kinds of a district's chains share one statement header (one owner: district-chain.ts).
import { describe, expect, it } from 'vitest';
import { createDistrictExport } from '../../../src/domain/bundle/district-export';
import { createNationalFindings } from '../../../src/domain/bundle/national-findings';
import { generateSigningKey } from '../../../src/domain/bundle/keys';
import { AT, random } from './helpers';

describe('district chain bundles', () => {
  it('carry the same header, no school, and the one signer each names', async () => {
    const key = await generateSigningKey(true);
    const meta = {
      district: { code: '1001', name: 'สพป.ทดสอบ เขต 1' },
      academicYear: 2569,
      round: 'term1' as const,
      asOf: '2026-06-10',
      sequence: 3,
      previous: 'a'.repeat(64),
      key,
      createdAt: AT,
      bundleId: '3b241101-e2bb-4255-8caf-4136c566a962',
      app: { name: 'tabian', version: '0.1.0' },
    };
    const exported = await createDistrictExport(
      { ...meta, officer: 'นางสาวเขต ส่งต่อ' },
      { files: [], counts: {} },
      random,
    );
    const findings = await createNationalFindings({ ...meta, office: 'สพฐ.' }, [], random);
    const header = ({
      kind: _kind,
      counts: _counts,
      keys: _keys,
      attestations: _att,
      files: _files,
      ...rest
    }: typeof exported.statement) => rest;
    expect(header(exported.statement)).toEqual(header(findings.statement));
    expect(exported.statement).toMatchObject({
      kind: 'district-export',
      school: null,
      district: meta.district,
      sequence: 3,
      previous: meta.previous,
    });
    expect(findings.statement.kind).toBe('national-findings');
    expect(exported.statement.attestations).toEqual([
      { role: 'district', name: 'นางสาวเขต ส่งต่อ', keyid: key.keyid, act: 'forward', at: AT },
    ]);
    expect(findings.statement.attestations).toEqual([
      { role: 'national', name: 'สพฐ.', keyid: key.keyid, act: 'findings', at: AT },
    ]);
  });
});
