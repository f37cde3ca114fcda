import { defineGroup, type Command } from '../command';
import { createUsage, runCreate } from './bundle-create';
import { inspectUsage, runInspect } from './bundle-inspect';
import { keygenUsage, runKeygen } from './bundle-keygen';
import { runVerify, verifyUsage } from './bundle-verify';

const subcommands: Command[] = [
  { name: 'verify', summary: 'check a bundle', usage: verifyUsage, run: runVerify },
  { name: 'inspect', summary: 'print what a bundle says about itself', usage: inspectUsage, run: runInspect },
  { name: 'keygen', summary: 'make a test signing key', usage: keygenUsage, run: runKeygen },
  { name: 'create', summary: 'make a signed submission', usage: createUsage, run: runCreate },
];

const usage = [
  'Usage: tabian bundle <verify|inspect|keygen|create> [args]',
  'Signed .tabian bundles (../shared/specs/bundle-v1.md, docs/bundle-format.md).',
  '',
  ...subcommands.map((s) => s.usage.split('\n')[0]!.replace('Usage: ', '  ')),
  '',
  'Run "tabian bundle <subcommand> --help" for details.',
].join('\n');

export const bundleCommand: Command = defineGroup({
  name: 'bundle',
  summary: 'verify, inspect and make signed .tabian bundles',
  usage,
  subcommands,
});
