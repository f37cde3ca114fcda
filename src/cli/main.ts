// Entry point: npm run tabian -- <command> [args]
import { commands } from './commands/index';
import { dispatch } from './dispatch';

process.exitCode = await dispatch(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
}, commands);
