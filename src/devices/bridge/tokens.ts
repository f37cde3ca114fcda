// Pairing tokens the bridge has handed out, kept as SHA-256 hashes so the file is useless to a reader of it.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface TokenStore {
  has(token: string): boolean;
  /** Makes and remembers a new token. */
  issue(): string;
}

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

export function memoryTokenStore(initial: Iterable<string> = []): TokenStore & { hashes: Set<string> } {
  const hashes = new Set(initial);
  return {
    hashes,
    has: (token) => hashes.has(hash(token)),
    issue() {
      const token = randomBytes(32).toString('hex');
      hashes.add(hash(token));
      return token;
    },
  };
}

/** Tokens survive a restart of the bridge, so a school PC pairs once. */
export function fileTokenStore(path: string): TokenStore {
  let saved: string[] = [];
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const list = (parsed as { tokenHashes?: unknown }).tokenHashes;
    if (Array.isArray(list)) saved = list.filter((h): h is string => typeof h === 'string');
  } catch { /* first run, or an unreadable file: start unpaired */ }
  const store = memoryTokenStore(saved);
  return {
    has: store.has,
    issue() {
      const token = store.issue();
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify({ tokenHashes: [...store.hashes] }), { mode: 0o600 });
      return token;
    },
  };
}
