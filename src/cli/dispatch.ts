import type { Command, Io } from './command';

function help(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: npm run tabian -- <command> [args]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "tabian help <command>" for a command\'s usage.',
  ].join('\n');
}

/** Finds the command named by args[0] in the table and runs it; returns the exit code. */
export async function dispatch(args: string[], io: Io, commands: readonly Command[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.out(topic ? topic.usage : help(commands));
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`tabian: ไม่มีคำสั่ง "${name}" / unknown command "${name}"\n\n${help(commands)}`);
    return 2;
  }
  return command.run(rest, io);
}
