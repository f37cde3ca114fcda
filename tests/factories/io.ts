// The CLI tests' one fake Io: collects what a command prints, line by line; `extra` stands in for files, clock …
import type { Io } from '../../src/cli/command';

export type FakeIo = Io & { outLines: string[]; errLines: string[] };

export function fakeIo(extra: Partial<Io> = {}): FakeIo {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { outLines, errLines, out: (l) => outLines.push(l), err: (l) => errLines.push(l), ...extra };
}
