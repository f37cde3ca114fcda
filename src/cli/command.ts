import { InputError, UsageError } from './args';

/** Where a command writes; tests pass a fake that collects lines. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Asks on the terminal without echo (a passphrase); absent when there is no terminal to ask. */
  prompt?(question: string): Promise<string>;
  /** The process environment, for settings such as TABIAN_PASSPHRASE. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** One row of a dispatch table: a command, or a subcommand of a group (then `name` is the subcommand's). */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code: 0 success, 2 bad usage. */
  run(args: string[], io: Io): Promise<number>;
}

const asksHelp = (args: readonly string[]): boolean => {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

/**
 * Runs a command the same way for every command (decision 0034): `--help`/`-h` prints its usage; a UsageError
 * is said on stderr with the usage (exit 2); an InputError, a file that cannot be used, on one line (exit 2).
 * `prefix` names it in messages ("tabian bundle verify").
 */
export async function runCommand(prefix: string, command: Command, args: string[], io: Io): Promise<number> {
  if (asksHelp(args)) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) io.err(`${prefix}: ${e.message}\n\n${command.usage}`);
    else if (e instanceof InputError) io.err(`${prefix}: ${e.message}`);
    else throw e;
    return 2;
  }
}

/** A command without subcommands, run through runCommand. */
export function defineCommand(command: Command): Command {
  return { ...command, run: (args, io) => runCommand(`tabian ${command.name}`, command, args, io) };
}

/**
 * A command made of subcommands (`tabian bundle verify …`): one table, each row its own usage and handler.
 * No subcommand or an unknown one is bad usage (the group's usage, exit 2); `--help` before one prints it.
 */
export function defineGroup(group: {
  name: string;
  summary: string;
  usage: string;
  subcommands: readonly Command[];
}): Command {
  const prefix = `tabian ${group.name}`;
  return {
    name: group.name,
    summary: group.summary,
    usage: group.usage,
    async run(args, io) {
      const [name, ...rest] = args;
      if (name === '--help' || name === '-h') {
        io.out(group.usage);
        return 0;
      }
      const sub = group.subcommands.find((s) => s.name === name);
      if (!sub) {
        const why =
          name === undefined
            ? new UsageError('ใส่คำสั่งย่อย', 'give a subcommand')
            : new UsageError(`ไม่มีคำสั่งย่อย "${name}"`, `unknown subcommand "${name}"`);
        io.err(`${prefix}: ${why.message}\n\n${group.usage}`);
        return 2;
      }
      return runCommand(`${prefix} ${sub.name}`, sub, rest, io);
    },
  };
}
