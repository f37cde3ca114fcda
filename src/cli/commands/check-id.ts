import { checkId } from '../../domain/ids';
import { parseCommandArgs, UsageError } from '../args';
import { defineCommand, type Command } from '../command';

const usage = [
  'Usage: tabian check-id <id>...',
  'Prints one JSON line per id: {"input","valid","idType","reason"}.',
  'idType is "I" (citizen ID), "G" (G-code) or null; reason is null, "format" or "checksum".',
].join('\n');

export const checkIdCommand: Command = defineCommand({
  name: 'check-id',
  summary: 'check Thai citizen IDs and G-codes',
  usage,
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {});
    if (positionals.length === 0) throw new UsageError('ใส่เลขประจำตัวอย่างน้อยหนึ่งเลข', 'give at least one id');
    for (const arg of positionals) {
      const { input, valid, idType, reason } = checkId(arg);
      // Rebuilt explicitly so the key order on the wire never depends on checkId's internals.
      io.out(JSON.stringify({ input, valid, idType, reason }));
    }
    return 0;
  },
});
