// Ways to damage a bundle for the tamper tests: unzip it, change entries or the envelope, zip it again.
import { fromBase64, toBase64, utf8, type Bytes } from '../../../src/domain/bundle/bytes';
import { sealBundle, type CreatedBundle } from '../../../src/domain/bundle/create';
import { sha256Hex } from '../../../src/domain/bundle/hash';
import type { SigningKey } from '../../../src/domain/bundle/keys';
import { readZip } from '../../../src/domain/bundle/zip-read';
import { writeZip } from '../../../src/domain/bundle/zip-write';

export function unzip(bytes: Bytes): Map<string, Bytes> {
  const zip = readZip(bytes);
  if (!zip.ok) throw new Error(zip.detail);
  return zip.entries;
}

export function rezip(entries: Map<string, Uint8Array>): Bytes {
  return writeZip([...entries].map(([name, data]) => ({ name, data })));
}

export function editEntries(bytes: Bytes, edit: (entries: Map<string, Uint8Array>) => void): Bytes {
  const entries: Map<string, Uint8Array> = unzip(bytes);
  edit(entries);
  return rezip(entries);
}

interface EnvelopeJson {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

export function editEnvelope(bytes: Bytes, edit: (envelope: EnvelopeJson) => void): Bytes {
  return editEntries(bytes, (entries) => {
    const envelope = JSON.parse(new TextDecoder().decode(entries.get('statement.dsse.json'))) as EnvelopeJson;
    edit(envelope);
    entries.set('statement.dsse.json', utf8(JSON.stringify(envelope)));
  });
}

export function envelopeOf(bytes: Bytes): EnvelopeJson {
  return JSON.parse(new TextDecoder().decode(unzip(bytes).get('statement.dsse.json'))) as EnvelopeJson;
}

/** Replaces the signed statement's text without signing again. */
export function editStatementText(bytes: Bytes, edit: (text: string) => string): Bytes {
  return editEnvelope(bytes, (e) => {
    e.payload = toBase64(utf8(edit(new TextDecoder().decode(fromBase64(e.payload)!))));
  });
}

export function flipByte(data: Uint8Array, at: number): Uint8Array {
  const copy = new Uint8Array(data);
  copy[at]! ^= 0x01;
  return copy;
}

type Json = Record<string, unknown>;

/**
 * Changes the statement and signs it again with `keys`, with payload files replaced by `files`
 * (their hashes and sizes restated): a bundle whose signatures are fine but whose content is not.
 */
export async function resigned(
  bundle: CreatedBundle,
  keys: readonly SigningKey[],
  edit: (statement: Json) => void,
  files?: Record<string, string>,
): Promise<Bytes> {
  const statement = structuredClone(bundle.statement) as unknown as Json;
  const entries = unzip(bundle.bytes);
  entries.delete('statement.dsse.json');
  if (files) {
    const list = statement.files as { path: string; sha256: string; bytes: number }[];
    for (const [path, text] of Object.entries(files)) {
      const data = utf8(text);
      entries.set(path, data);
      const entry = list.find((f) => f.path === path);
      if (entry) Object.assign(entry, { sha256: await sha256Hex(data), bytes: data.length });
    }
  }
  edit(statement);
  return (
    await sealBundle(
      statement,
      keys,
      [...entries].map(([name, data]) => ({ name, data })),
    )
  ).bytes;
}
