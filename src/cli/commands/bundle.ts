import type { Command } from '../command';
import { createUsage, runCreate } from './bundle-create';
import { inspectUsage, runInspect } from './bundle-inspect';
import { keygenUsage, runKeygen } from './bundle-keygen';
import { runVerify, verifyUsage } from './bundle-verify';

const subcommands = {
  verify: { run: runVerify, usage: verifyUsage },
  inspect: { run: runInspect, usage: inspectUsage },
  keygen: { run: runKeygen, usage: keygenUsage },
  create: { run: runCreate, usage: createUsage },
} as const;

const usage = [
  'Usage: tabian bundle <verify|inspect|keygen|create> [args]',
  'Signed .tabian bundles (../shared/specs/bundle-v1.md, docs/bundle-format.md).',
  '',
  ...Object.values(subcommands).map((s) => s.usage.split('\n')[0]!.replace('Usage: ', '  ')),
  '',
  'Run "tabian bundle <subcommand> --help" for details.',
].join('\n');

export const bundleCommand: Command = {
  name: 'bundle',
  summary: 'verify, inspect and make signed .tabian bundles',
  usage,
  async run(args, io) {
    const [name, ...rest] = args;
    if (name === undefined) {
      io.err(usage);
      return 2;
    }
    if (name === '--help' || name === '-h') {
      io.out(usage);
      return 0;
    }
    if (!Object.hasOwn(subcommands, name)) {
      io.err(`tabian bundle: unknown subcommand "${name}"\n\n${usage}`);
      return 2;
    }
    const sub = subcommands[name as keyof typeof subcommands];
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(sub.usage);
      return 0;
    }
    return sub.run(rest, io);
  },
};
