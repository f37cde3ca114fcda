// The one argument parser of every `tabian` command (decision 0034): node:util parseArgs reads the words, and
// the checks below are ours, so that each mistake is said the same way, in Thai then English, whatever the command.
// parseArgs runs non-strict with tokens because its strict errors are English sentences we would have to parse,
// and because strict mode refuses a value starting with "-" (`--weight -3` should reach the command's own check).
import { parseArgs } from 'node:util';

/** Bad usage: the command prints it with its usage and exits 2. */
export class UsageError extends Error {
  constructor(
    readonly th: string,
    readonly en: string,
  ) {
    super(`${th} / ${en}`);
  }
}

/** Thrown for a file that cannot be used (exit 2, no usage); the message names the file and why. */
export class InputError extends Error {}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once; the values are kept in order. */
  multiple?: boolean;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : string;
export type Values<O extends OptionSpecs> = {
  [K in keyof O]?: O[K]['multiple'] extends true ? ValueOf<O[K]>[] : ValueOf<O[K]>;
};

export interface Parsed<O extends OptionSpecs> {
  values: Values<O>;
  positionals: string[];
}

/**
 * `--name value`, `--name=value` and booleans `--name`, for the options named; everything after `--` is a
 * positional. Throws UsageError for an unknown option, a missing or empty value, a value given to a switch,
 * an option given twice that takes one value, and positionals where `positionals` is false.
 */
export function parseCommandArgs<const O extends OptionSpecs>(
  args: readonly string[],
  options: O,
  positionals = true,
): Parsed<O> {
  const { tokens } = parseArgs({
    args: [...args],
    options: { ...options },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, unknown> = {};
  const loose: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!positionals) throw new UsageError(`ไม่ต้องใส่ "${token.value}"`, `unexpected argument "${token.value}"`);
      loose.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const { name, rawName } = token;
    const spec = Object.hasOwn(options, name) ? options[name] : undefined;
    if (!spec) throw new UsageError(`ไม่รู้จักตัวเลือก "${rawName}"`, `unknown option "${rawName}"`);
    let value: string | boolean;
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${rawName} ไม่ต้องมีค่า`, `${rawName} takes no value`);
      value = true;
    } else {
      // A following option is not this option's value: `--as-of --lang en` misses the date.
      const missing =
        token.value === undefined || token.value === '' || (!token.inlineValue && token.value.startsWith('--'));
      if (missing) throw new UsageError(`${rawName} ต้องมีค่า`, `${rawName} wants a value`);
      value = token.value;
    }
    if (spec.multiple) {
      ((values[name] ??= []) as unknown[]).push(value);
    } else {
      if (Object.hasOwn(values, name)) throw new UsageError(`ใส่ ${rawName} ซ้ำ`, `${rawName} given twice`);
      values[name] = value;
    }
  }
  return { values: values as Values<O>, positionals: loose };
}
