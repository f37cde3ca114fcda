// The DSSE envelope around the statement: signatures over the pre-authentication encoding (PAE) of
// the exact statement bytes, ECDSA P-256 with SHA-256 in IEEE P1363 form (r‖s, 64 bytes).
import { z } from 'zod';
import { concatBytes, fromBase64, fromUtf8, toBase64, utf8, type Bytes } from './bytes';
import { isLowS, toLowS } from './ecdsa';
import { parseJsonStrict } from './json';
import type { Key, SigningKey } from './keys';

export const PAYLOAD_TYPE = 'application/vnd.tabian.statement+json';
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** "DSSEv1" SP LEN(type) SP type SP LEN(payload) SP payload, LEN in bytes as ASCII decimal. */
export function pae(payloadType: string, payload: Bytes): Bytes {
  const type = utf8(payloadType);
  return concatBytes(utf8(`DSSEv1 ${type.length} `), type, utf8(` ${payload.length} `), payload);
}

export interface Envelope {
  payloadType: string;
  payload: Bytes;
  signatures: { keyid: string; sig: Bytes }[];
}

export async function signStatement(statement: Bytes, signers: readonly SigningKey[]): Promise<Bytes> {
  const message = pae(PAYLOAD_TYPE, statement);
  const signatures = [];
  for (const s of signers) {
    const sig = toLowS(new Uint8Array(await crypto.subtle.sign(SIGN, s.privateKey, message)));
    signatures.push({ keyid: s.keyid, sig: toBase64(sig) });
  }
  return utf8(JSON.stringify({ payloadType: PAYLOAD_TYPE, payload: toBase64(statement), signatures }));
}

export async function verifySignature(publicKey: Key, sig: Bytes, statement: Bytes): Promise<boolean> {
  // A P1363 P-256 signature is exactly 64 bytes; WebCrypto would also say false, but say it plainly.
  // A high-S signature is the low-S one altered by someone without the key (ecdsa.ts): refused.
  if (sig.length !== 64 || !isLowS(sig)) return false;
  return crypto.subtle.verify(SIGN, publicKey, sig, pae(PAYLOAD_TYPE, statement));
}

const b64 = z.string().transform((s, ctx) => {
  const bytes = fromBase64(s);
  if (bytes === null) ctx.addIssue({ code: 'custom', message: 'expected standard base64' });
  return bytes ?? new Uint8Array(0);
});
const envelopeSchema = z.object({
  payloadType: z.string(),
  payload: b64,
  signatures: z.array(z.object({ keyid: z.string(), sig: b64 })),
});

/** The envelope, or null when the bytes are not UTF-8 JSON of the DSSE shape (one value per key). */
export function parseEnvelope(bytes: Bytes): Envelope | null {
  const text = fromUtf8(bytes);
  if (text === null) return null;
  const json = parseJsonStrict(text);
  if (!json.ok) return null;
  const parsed = envelopeSchema.safeParse(json.value);
  return parsed.success ? parsed.data : null;
}
