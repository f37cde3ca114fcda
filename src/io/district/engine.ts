// The district worker's work, also run in the page where there is no Worker (unit tests): verifying one
// file at a time (the page stores each before sending the next, so memory holds one bundle), and the
// cross-school check over the stored rosters.
import { asBytes } from '../../domain/bundle/bytes';
import { crossCheck, type SchoolRoster } from '../../domain/district/cross-check';
import { readIncoming, readSchoolGrowth } from '../../domain/district/incoming';
import { parseRoster } from '../../domain/district/roster';
import { readSchoolStaff } from '../../domain/staff/district';
import type { Reply, Request } from './protocol';

export async function handle(req: Request, post: (reply: Reply) => void): Promise<void> {
  try {
    if (req.type === 'verify') {
      const bytes = asBytes(new Uint8Array(await req.file.arrayBuffer()));
      const incoming = await readIncoming(bytes, {
        trust: req.trust,
        decryptionKeys: req.decryptionKeys,
        kinds: req.kinds,
      });
      post({
        id: req.id,
        type: 'verified',
        result: { ...incoming, roster: incoming.roster ? JSON.stringify(incoming.roster) : null },
      });
      return;
    }
    if (req.type === 'growth') {
      const bytes = asBytes(new Uint8Array(await req.file.arrayBuffer()));
      post({
        id: req.id,
        type: 'growth',
        result: await readSchoolGrowth(bytes, { trust: req.trust, decryptionKeys: req.decryptionKeys }),
      });
      return;
    }
    if (req.type === 'staff') {
      const bytes = asBytes(new Uint8Array(await req.file.arrayBuffer()));
      post({
        id: req.id,
        type: 'staff',
        result: await readSchoolStaff(bytes, { trust: req.trust, decryptionKeys: req.decryptionKeys }),
      });
      return;
    }
    const schools: SchoolRoster[] = [];
    const unreadable: string[] = [];
    for (const [i, s] of req.schools.entries()) {
      const roster = parseRoster(await s.roster.text());
      if (roster) schools.push({ school: s.school, rows: roster.rows });
      else unreadable.push(s.school.code);
      post({ id: req.id, type: 'progress', fraction: ((i + 1) / req.schools.length) * 0.5 });
    }
    const result = crossCheck(schools, req.asOf, new Set(req.dismissed));
    post({ id: req.id, type: 'checked', result: { ...result, unreadable } });
  } catch (e) {
    post({ id: req.id, type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}
