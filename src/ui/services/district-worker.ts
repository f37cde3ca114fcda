// The page's side of the district worker (the request/reply plumbing is WorkerChannel's).
import type { SchoolGrowth } from '../../domain/district/incoming';
import type {
  Checked,
  CrossCheckRequest,
  GrowthRequest,
  Reply,
  Request,
  StaffRequest,
  Verified,
  VerifyRequest,
} from '../../io/district/protocol';
import type { SchoolStaff } from '../../domain/staff/district';
import { WorkerChannel } from '../../io/worker/channel';

export class DistrictWorker {
  private readonly channel: WorkerChannel<VerifyRequest | CrossCheckRequest | GrowthRequest | StaffRequest, Reply>;

  constructor(useWorker = typeof Worker !== 'undefined') {
    this.channel = new WorkerChannel(
      useWorker
        ? () => new Worker(new URL('../../io/district/district.worker.ts', import.meta.url), { type: 'module' })
        : null,
      async (req, reply) => (await import('../../io/district/engine')).handle(req as Request, reply),
      'district',
    );
  }

  async verify(body: Omit<VerifyRequest, 'type'>): Promise<Verified> {
    const reply = await this.channel.send({ type: 'verify', ...body });
    if (reply.type !== 'verified') throw failure(reply);
    return reply.result;
  }

  async crossCheck(body: Omit<CrossCheckRequest, 'type'>, onProgress: (f: number) => void): Promise<Checked> {
    const reply = await this.channel.send({ type: 'cross-check', ...body }, onProgress);
    if (reply.type !== 'checked') throw failure(reply);
    return reply.result;
  }

  async growth(body: Omit<GrowthRequest, 'type'>): Promise<SchoolGrowth | null> {
    const reply = await this.channel.send({ type: 'growth', ...body });
    if (reply.type !== 'growth') throw failure(reply);
    return reply.result;
  }

  async staff(body: Omit<StaffRequest, 'type'>): Promise<SchoolStaff | null> {
    const reply = await this.channel.send({ type: 'staff', ...body });
    if (reply.type !== 'staff') throw failure(reply);
    return reply.result;
  }

  dispose(): void {
    this.channel.dispose();
  }
}

function failure(reply: Reply): Error {
  return new Error(reply.type === 'failed' ? reply.message : `unexpected reply ${reply.type}`);
}

let shared: DistrictWorker | null = null;
/** One worker for the district screens, started on first use. */
export const districtWorker = (): DistrictWorker => (shared ??= new DistrictWorker());
