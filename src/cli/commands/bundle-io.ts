// What the bundle subcommands share: flags, and reading the files they are given (keys, trust lists, bundles).
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { asBytes, type Bytes } from '../../domain/bundle/bytes';

export type Flags = Map<string, string>;

/** `--name value` or `--name=value` for the names in `known`; anything else is a positional argument. */
export function parseFlags(args: readonly string[], known: readonly string[]): { flags: Flags; positional: string[] } | string {
  const flags: Flags = new Map();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!known.includes(name)) return `unknown option "--${name}"`;
    const value = inline ?? args[++i];
    if (value === undefined || value === '') return `--${name} wants a value`;
    if (flags.has(name)) return `--${name} given twice`;
    flags.set(name, value);
  }
  return { flags, positional };
}

/** Thrown for a file that cannot be used; the message names the file and why. */
export class InputError extends Error {}

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
    throw new InputError(`"${file}" is not ${what}${issue ? ` (${issue.path.join('.') || 'top level'}: ${issue.message})` : ''}`);
  }
  return parsed.data;
}

/** Runs a subcommand body: usage problems and unusable files exit 2 with one line on stderr. */
export async function guarded(name: string, err: (line: string) => void, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    err(`tabian bundle ${name}: ${e.message}`);
    return 2;
  }
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
