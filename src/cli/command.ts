/** Where a command writes; tests pass a fake that collects lines. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Asks on the terminal without echo (a passphrase); absent when there is no terminal to ask. */
  prompt?(question: string): Promise<string>;
  /** The process environment, for settings such as TABIAN_PASSPHRASE. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code: 0 success, 2 bad usage. */
  run(args: string[], io: Io): Promise<number>;
}

/** A command that answers `--help`/`-h` with its usage, so each command need not repeat it. */
export function defineCommand(command: Command): Command {
  return {
    ...command,
    run(args, io) {
      if (args.includes('--help') || args.includes('-h')) {
        io.out(command.usage);
        return Promise.resolve(0);
      }
      return command.run(args, io);
    },
  };
}
