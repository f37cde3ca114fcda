import type { Command } from '../command';
import { InputError } from './bundle-io';
import { mergeUsage, runMerge } from './district-merge';

const usage = [
  'Usage: tabian district merge <bundle files or a folder> --trust keys.json [--key district-key] [--as-of YYYY-MM-DD]',
  'A district office\'s work on many submissions at once, with the app\'s own verification and duplicate rules.',
  '',
  'Run "tabian district merge --help" for details.',
].join('\n');

export const districtCommand: Command = {
  name: 'district',
  summary: 'merge many schools\' bundles and find students counted by two schools',
  usage,
  async run(args, io) {
    const [name, ...rest] = args;
    if (name === '--help' || name === '-h') {
      io.out(usage);
      return 0;
    }
    if (name !== 'merge') {
      io.err(name === undefined ? usage : `tabian district: unknown subcommand "${name}"\n\n${usage}`);
      return 2;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(mergeUsage);
      return 0;
    }
    try {
      return await runMerge(rest, io);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.err(`tabian district merge: ${e.message}`);
      return 2;
    }
  },
};
