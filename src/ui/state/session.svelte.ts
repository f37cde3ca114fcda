import type { User } from '../../domain/access/users';
import type { Actor } from '../../db/student-repo';
import { closeVault } from '../../db/vault';

// Lock after this long without a touch: a classroom tablet is often left on a desk.
export const IDLE_LOCK_MS = 5 * 60_000;

/** Who is signed in on this shared device; null means the lock screen shows. */
class Session {
  user = $state<User | null>(null);
  private lastActivity = Date.now();

  signIn(user: User): void {
    this.user = user;
    this.touch();
  }

  /** Locks the screen and forgets the data key: personal data on disk is sealed again. */
  lock(): void {
    this.user = null;
    closeVault();
  }

  touch(now: number = Date.now()): void {
    this.lastActivity = now;
  }

  /** Locks if idle too long; called from a timer. */
  checkIdle(now: number = Date.now()): void {
    if (this.user && now - this.lastActivity > IDLE_LOCK_MS) this.lock();
  }

  /** The signed-in user as the author of a change, with a fresh clock and id source. */
  actor(): Actor {
    if (!this.user) throw new Error('no user is signed in');
    return { userId: this.user.id, userName: this.user.name, now: new Date(), newId: () => crypto.randomUUID() };
  }
}

export const session = new Session();
