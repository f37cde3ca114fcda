/** Where a command writes; tests pass a fake that collects lines. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code: 0 success, 2 bad usage. */
  run(args: string[], io: Io): Promise<number>;
}
