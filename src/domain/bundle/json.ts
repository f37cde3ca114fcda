// Strict JSON for everything inside a bundle: a document with a duplicate key is refused, because
// JSON.parse keeps the last value while other readers keep the first, and a signed statement must
// mean one thing to every reader.

export type JsonParse = { ok: true; value: unknown } | { ok: false; duplicate: string | null };

/** The first key repeated within one object of valid JSON text, or null. One pass, no recursion. */
export function duplicateKey(text: string): string | null {
  const objects: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      let escaped = false;
      for (; text.charCodeAt(j) !== 0x22; j++) {
        if (text.charCodeAt(j) === 0x5c) {
          escaped = true;
          j++;
        }
      }
      if (expectKey) {
        // "a" and "\u0061" are one key: compare keys as decoded.
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        const keys = objects.at(-1)!;
        if (keys.has(key)) return key;
        keys.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b) {
      objects.push(new Set());
      expectKey = true;
    } else if (c === 0x5b) {
      objects.push(null);
    } else if (c === 0x7d || c === 0x5d) {
      objects.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      expectKey = objects.at(-1) instanceof Set;
    }
  }
  return null;
}

/** JSON.parse, refusing text that is not JSON (duplicate null) or repeats a key (duplicate names it). */
export function parseJsonStrict(text: string): JsonParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, duplicate: null };
  }
  const duplicate = duplicateKey(text);
  return duplicate === null ? { ok: true, value } : { ok: false, duplicate };
}
