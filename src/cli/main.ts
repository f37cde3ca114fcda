// Entry point: npm run tabian -- <command> [args]
import { commands } from './commands/index';
import { dispatch } from './dispatch';
import { promptHidden } from './prompt';

process.exitCode = await dispatch(
  process.argv.slice(2),
  {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    // Only a terminal can be asked; in a pipe the passphrase comes from a file or the environment.
    ...(process.stdin.isTTY ? { prompt: promptHidden } : {}),
    env: process.env,
  },
  commands,
);
