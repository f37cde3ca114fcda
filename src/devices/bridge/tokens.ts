// Pairing tokens the bridge has handed out, kept as SHA-256 hashes so the file is useless to a reader of
// it. Each is bound to the origin that paired (a token lifted from one origin does not open the bridge to
// another) and expires, so a forgotten pairing does not stay open for ever.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** How long a pairing lasts: one school year and a term, then the code is typed again. */
export const TOKEN_LIFETIME_MS = 400 * 24 * 60 * 60 * 1000;

export interface TokenStore {
  /** Whether `token` was issued to `origin` and has not expired at `now` (ms since 1970). */
  has(token: string, origin: string, now: number): boolean;
  /** Makes and remembers a new token for `origin`. */
  issue(origin: string, now: number): string;
}

export interface TokenRecord {
  hash: string;
  origin: string;
  expiresAt: number;
}

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

export function memoryTokenStore(initial: Iterable<TokenRecord> = []): TokenStore & { records: TokenRecord[] } {
  const records = [...initial];
  return {
    records,
    has: (token, origin, now) => {
      const h = hash(token);
      return records.some((r) => r.hash === h && r.origin === origin && r.expiresAt > now);
    },
    issue(origin, now) {
      const token = randomBytes(32).toString('hex');
      // Expired records are dropped as new ones are made, so the file does not grow for ever.
      records.splice(0, records.length, ...records.filter((r) => r.expiresAt > now), {
        hash: hash(token),
        origin,
        expiresAt: now + TOKEN_LIFETIME_MS,
      });
      return token;
    },
  };
}

const isRecord = (r: unknown): r is TokenRecord => {
  const x = r as Partial<TokenRecord> | null;
  return typeof x?.hash === 'string' && typeof x.origin === 'string' && typeof x.expiresAt === 'number';
};

/**
 * Tokens survive a restart of the bridge, so a school PC pairs once a year. Tokens from before origins
 * were bound (`tokenHashes`) are not read: those browsers pair again.
 */
export function fileTokenStore(path: string): TokenStore {
  let saved: TokenRecord[] = [];
  try {
    const list = (JSON.parse(readFileSync(path, 'utf8')) as { tokens?: unknown }).tokens;
    if (Array.isArray(list)) saved = list.filter(isRecord);
  } catch {
    /* first run, or an unreadable file: start unpaired */
  }
  const store = memoryTokenStore(saved);
  return {
    has: store.has,
    issue(origin, now) {
      const token = store.issue(origin, now);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify({ tokens: store.records }), { mode: 0o600 });
      return token;
    },
  };
}
