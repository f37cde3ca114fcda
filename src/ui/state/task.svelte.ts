import { t } from '../i18n/i18n.svelte';
import { problemKey } from '../services/errors';

/** Turns a failure into the sentence the person sees; the default is the storage message `problemKey` picks. */
export type Describe = (error: unknown) => string;

export const describeProblem: Describe = (error) => t(problemKey(error));

/**
 * One piece of work a screen starts (save, import, load): whether it is running and, when it failed, why.
 * Screens render `busy` and `problem`; the work itself stays in a service. A failure never escapes as an
 * unhandled rejection: it becomes `problem`, in the person's words.
 */
export class Task {
  busy = $state(false);
  problem = $state<string | null>(null);

  constructor(private readonly describe: Describe = describeProblem) {}

  /** Runs `work`, clearing the last problem first; true when it finished without throwing. */
  async run(work: () => Promise<unknown> | unknown): Promise<boolean> {
    this.busy = true;
    this.problem = null;
    try {
      await work();
      return true;
    } catch (error) {
      this.problem = this.describe(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Forgets the last problem (the person changed what failed). */
  clear(): void {
    this.problem = null;
  }
}
