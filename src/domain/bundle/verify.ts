// Verifies a bundle in the order of bundle-v1's seven steps; the first failure rejects the whole
// bundle with a stable reason code. Nothing here writes anything: the caller decides what to keep.
import { fromBase64, fromUtf8, type Bytes } from './bytes';
import { checkChain, type ChainLink, type ChainResult } from './chain';
import { parseEnvelope, PAYLOAD_TYPE, verifySignature } from './dsse';
import { sha256Hex } from './hash';
import { fingerprintOf, importPublicKey, keyIdOf, type Key } from './keys';
import { Rejection, type ReasonCode } from './reasons';
import { ACTS_OF_ROLE, FORMAT, REQUIRED_ACTS, STATEMENT_ENTRY, statementSchema, type Statement } from './statement';
import { isTrusted, type TrustList } from './trust';
import { checkEntries, readPayload, type ContentKeyGrant, type DecryptionKey, type VerifiedFile } from './verify-files';
import { parseJsonStrict } from './json';
import { openZip, ZipRefusal, ZIP_LIMITS, type ZipLimits } from './zip-read';

/**
 * The signed envelope is read before any signature is checked, so its size is bounded on the size the
 * archive declares, before it is unpacked. Real statements are a few kilobytes.
 */
export const MAX_ENVELOPE_BYTES = 1024 * 1024;

export interface VerifyOptions {
  /** Enrolled keys; without a list, step 6 is skipped and `trusted` stays null. */
  trust?: TrustList | null;
  /** Needed for an encrypted bundle. */
  decryptionKey?: DecryptionKey | null;
  /** For a bundle carried in a district export: its content key granted to `decryptionKey` (decision 32). */
  grant?: ContentKeyGrant | null;
  /** Bundles already accepted from the same school and kind; without them, step 7 is skipped. */
  chain?: readonly ChainLink[] | null;
  limits?: ZipLimits;
}

export interface SignerReport {
  keyid: string;
  fingerprint: string;
  /** null for a signature whose key the statement does not list. */
  role: string | null;
  name: string | null;
  signature: 'valid' | 'invalid' | 'none';
  /** null when no trust list was given. */
  trusted: boolean | null;
}

export interface VerifyResult {
  valid: boolean;
  reason: ReasonCode | null;
  /** What exactly is wrong: a file, a line, a fingerprint (English, technical). */
  detail: string | null;
  /** The statement as signed JSON, once it could be read, even when it fails its schema. */
  statementJson: unknown;
  statement: Statement | null;
  statementSha256: string | null;
  signers: SignerReport[];
  /** The payload once steps 1–5 passed (also when the bundle is then held by step 6 or 7). */
  payload: VerifiedFile[] | null;
  chain: ChainResult | null;
}

// A key that passed both checks below, by keyid and SPKI text: a national office verifies tens of thousands of
// bundles signed by the same school keys, and importing a key costs more than the signature check itself.
// Only passed keys are kept, so a key that fails is checked (and refused) again every time.
const checkedKeys = new Map<string, Key>();
const MAX_CHECKED_KEYS = 20_000;

async function publicKeys(statement: Statement): Promise<Map<string, Key>> {
  const keys = new Map<string, Key>();
  for (const k of statement.keys) {
    const cacheKey = `${k.keyid}:${k.spki}`;
    const known = checkedKeys.get(cacheKey);
    if (known) {
      keys.set(k.keyid, known);
      continue;
    }
    const spki = fromBase64(k.spki)!;
    if ((await keyIdOf(spki)) !== k.keyid)
      throw new Rejection('key.invalid', `${fingerprintOf(k.keyid)}: keyid is not the SHA-256 of spki`);
    let key: Key;
    try {
      key = await importPublicKey(spki, 'verify');
    } catch {
      throw new Rejection('key.invalid', `${fingerprintOf(k.keyid)}: not a P-256 public key`);
    }
    if (checkedKeys.size >= MAX_CHECKED_KEYS) checkedKeys.clear();
    checkedKeys.set(cacheKey, key);
    keys.set(k.keyid, key);
  }
  return keys;
}

/** Step 3: every signature, then every attestation, then the kind's required acts. */
async function checkSignatures(
  statement: Statement,
  statementBytes: Bytes,
  sigs: { keyid: string; sig: Bytes }[],
  r: VerifyResult,
): Promise<void> {
  const keys = await publicKeys(statement);
  const byKeyid = new Map(statement.keys.map((k) => [k.keyid, k]));
  const results = new Map<string, 'valid' | 'invalid'>();
  let failure: Rejection | null = null;
  for (const { keyid, sig } of sigs) {
    const key = keys.get(keyid);
    // A second signature by one key is refused: which of the two would count?
    const repeated = results.has(keyid);
    const ok = key !== undefined && !repeated && (await verifySignature(key, sig, statementBytes));
    results.set(keyid, ok ? 'valid' : 'invalid');
    const entry = byKeyid.get(keyid);
    const who = entry ? `${entry.role} ${entry.name}, ${fingerprintOf(keyid)}` : `unlisted key ${fingerprintOf(keyid)}`;
    if (!ok) failure ??= new Rejection('signature.invalid', repeated ? `${who}: signed twice` : who);
  }
  for (const s of r.signers) s.signature = results.get(s.keyid) ?? 'none';
  for (const keyid of results.keys()) {
    if (!byKeyid.has(keyid))
      r.signers.push({
        keyid,
        fingerprint: fingerprintOf(keyid),
        role: null,
        name: null,
        signature: 'invalid',
        trusted: null,
      });
  }
  if (failure) throw failure;
  const signed = new Set(r.signers.filter((s) => s.signature === 'valid').map((s) => s.keyid));
  for (const a of statement.attestations) {
    if (!signed.has(a.keyid)) throw new Rejection('attestation.unsigned', `${a.act} by ${a.name}`);
  }
  for (const a of statement.attestations) {
    if (byKeyid.get(a.keyid)!.role !== a.role || !ACTS_OF_ROLE[a.role].includes(a.act)) {
      throw new Rejection(
        'attestation.role',
        `${a.act} by ${a.name} as ${a.role}, key enrolled as ${byKeyid.get(a.keyid)!.role}`,
      );
    }
  }
  for (const oneOf of REQUIRED_ACTS[statement.kind]) {
    if (!statement.attestations.some((a) => oneOf.includes(a.act)))
      throw new Rejection('attestation.missing', `${statement.kind} needs ${oneOf.join(' or ')}`);
  }
}

function parseStatement(bytes: Bytes, r: VerifyResult): Statement {
  const text = fromUtf8(bytes);
  if (text === null) throw new Rejection('statement.malformed', 'not UTF-8');
  const json = parseJsonStrict(text);
  if (!json.ok)
    throw new Rejection(
      'statement.malformed',
      json.duplicate === null ? 'not JSON' : `key ${JSON.stringify(json.duplicate)} appears twice`,
    );
  r.statementJson = json.value;
  const format = (r.statementJson as { format?: unknown } | null)?.format;
  if (typeof format === 'string' && format !== FORMAT) throw new Rejection('statement.format', format);
  const parsed = statementSchema.safeParse(r.statementJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Rejection('statement.schema', `${issue.path.join('.') || '(statement)'}: ${issue.message}`);
  }
  return parsed.data;
}

function checkTrust(statement: Statement, trust: TrustList, r: VerifyResult): void {
  const untrusted: string[] = [];
  for (const key of statement.keys) {
    const report = r.signers.find((s) => s.keyid === key.keyid)!;
    if (report.signature !== 'valid') continue;
    report.trusted = isTrusted(trust, key, statement);
    if (!report.trusted) untrusted.push(`${key.role} ${key.name}: ${report.fingerprint}`);
  }
  if (untrusted.length > 0) throw new Rejection('key.untrusted', untrusted.join('; '));
}

/** Steps 1 and 2: the archive, the envelope and the statement, read but not yet believed. */
async function open(bytes: Bytes, limits: ZipLimits, r: VerifyResult) {
  const opened = openZip(bytes, limits);
  if (!opened.ok) throw new Rejection(opened.reason, opened.detail);
  const zip = opened.zip;
  const envelopeSize = zip.sizes.get(STATEMENT_ENTRY);
  if (envelopeSize === undefined) throw new Rejection('envelope.missing', STATEMENT_ENTRY);
  if (envelopeSize > MAX_ENVELOPE_BYTES)
    throw new Rejection(
      'zip.limits',
      `${STATEMENT_ENTRY}: declares ${envelopeSize} bytes, at most ${MAX_ENVELOPE_BYTES}`,
    );
  let envelopeBytes: Bytes;
  try {
    envelopeBytes = zip.read(STATEMENT_ENTRY);
  } catch (e) {
    if (e instanceof ZipRefusal) throw new Rejection(e.reason, e.detail);
    throw e;
  }
  const envelope = parseEnvelope(envelopeBytes);
  if (!envelope) throw new Rejection('envelope.malformed', STATEMENT_ENTRY);
  if (envelope.payloadType !== PAYLOAD_TYPE) throw new Rejection('envelope.type', envelope.payloadType);
  const statementSha256 = await sha256Hex(envelope.payload);
  r.statementSha256 = statementSha256;
  const statement = parseStatement(envelope.payload, r);
  r.statement = statement;
  r.signers = statement.keys.map((k) => ({
    keyid: k.keyid,
    fingerprint: fingerprintOf(k.keyid),
    role: k.role,
    name: k.name,
    signature: 'none',
    trusted: null,
  }));
  return { zip, envelope, statement, statementSha256 };
}

async function steps(bytes: Bytes, opts: VerifyOptions, r: VerifyResult): Promise<void> {
  const limits = opts.limits ?? ZIP_LIMITS;
  const { zip, envelope, statement, statementSha256 } = await open(bytes, limits, r);
  // Nothing but the statement has been unpacked yet: payloads are touched only once it is signed.
  await checkSignatures(statement, envelope.payload, envelope.signatures, r);
  const entries = await checkEntries(statement, zip);
  r.payload = await readPayload(statement, entries, opts.decryptionKey ?? null, limits, opts.grant ?? null);
  if (opts.trust) checkTrust(statement, opts.trust, r);
  if (opts.chain) {
    r.chain = checkChain({ sequence: statement.sequence, previous: statement.previous, statementSha256 }, opts.chain);
    if (r.chain.status === 'fork') throw new Rejection('chain.fork', r.chain.detail);
    if (r.chain.status === 'gap')
      throw new Rejection('chain.gap', `missing ${r.chain.missing.from}–${r.chain.missing.to}`);
  }
}

async function run(work: (r: VerifyResult) => Promise<unknown>): Promise<VerifyResult> {
  const r: VerifyResult = {
    valid: false,
    reason: null,
    detail: null,
    statementJson: null,
    statement: null,
    statementSha256: null,
    signers: [],
    payload: null,
    chain: null,
  };
  try {
    await work(r);
    r.valid = true;
  } catch (e) {
    if (!(e instanceof Rejection)) throw e;
    r.reason = e.reason;
    r.detail = e.detail;
  }
  return r;
}

export const verifyBundle = (bytes: Bytes, opts: VerifyOptions = {}): Promise<VerifyResult> =>
  run((r) => steps(bytes, opts, r));

/**
 * Steps 1 and 2 only: reads the statement without believing it (signatures, files and records are not
 * checked; `valid` means "readable"). For showing what a file claims to be, and for `previous`.
 */
export const inspectBundle = (bytes: Bytes, limits: ZipLimits = ZIP_LIMITS): Promise<VerifyResult> =>
  run((r) => open(bytes, limits, r));
