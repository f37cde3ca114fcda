// What the bundle subcommands share: reading the files they are given (keys, trust lists, bundles).
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { asBytes, type Bytes } from '../../domain/bundle/bytes';
import { InputError } from '../args';

export { InputError } from '../args';

export async function readBytes(file: string): Promise<Bytes> {
  try {
    return asBytes(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new InputError(`cannot read "${file}": ${why}`, { cause: e });
  }
}

/** Reads a JSON file and checks it against `schema`; `what` names the expected content in the message. */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>, what: string): Promise<T> {
  const text = new TextDecoder().decode(await readBytes(file));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(`"${file}" is not JSON (expected ${what})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `"${file}" is not ${what}${issue ? ` (${issue.path.join('.') || 'top level'}: ${issue.message})` : ''}`,
    );
  }
  return parsed.data;
}

/**
 * JSON text of a value taken from a file, or `fallback` when it cannot be printed (nested so deep that
 * JSON.stringify overflows the stack): a hostile file still gets its report.
 */
export function printableJson(value: unknown, fallback: unknown = null): unknown {
  try {
    JSON.stringify(value);
    return value;
  } catch {
    return fallback;
  }
}
