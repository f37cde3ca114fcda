import { toHex, type Bytes } from './bytes';

/** Lowercase hex, as every hash in a bundle is written. */
export async function sha256Hex(bytes: Bytes): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}
