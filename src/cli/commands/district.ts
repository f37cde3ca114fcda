import { defineGroup, type Command } from '../command';
import { mergeUsage, runMerge } from './district-merge';

const usage = [
  'Usage: tabian district merge <bundle files or a folder> --trust keys.json [--key district-key] [--as-of YYYY-MM-DD]',
  "A district office's work on many submissions at once, with the app's own verification and duplicate rules.",
  '',
  'Run "tabian district merge --help" for details.',
].join('\n');

export const districtCommand: Command = defineGroup({
  name: 'district',
  summary: "merge many schools' bundles and find students counted by two schools",
  usage,
  subcommands: [{ name: 'merge', summary: 'merge submissions', usage: mergeUsage, run: runMerge }],
});
