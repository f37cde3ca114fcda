import type { GradeCode } from '../../../domain/codes';

export type StudentsView =
  | { name: 'list' }
  | { name: 'student'; id: string | null; focus: string | null }
  | { name: 'rooms' }
  | { name: 'check' }
  | { name: 'merge'; ids: [string, string] };

/** A removal just made, offered for undo on the list it returned to. */
export interface Removed {
  entryId: string;
  name: string;
}

/** What the students place shows; kept while the user opens a record and comes back. */
class StudentsPlaceState {
  view = $state<StudentsView>({ name: 'list' });
  grade = $state<GradeCode | ''>('');
  room = $state('');
  query = $state('');
  includeLeft = $state(false);
  removed = $state<Removed | null>(null);
  /** Bumped when the register changed under the list (an undo), so it reads it again. */
  listVersion = $state(0);
  /** How far the list was scrolled, restored on the way back. */
  scrollY = 0;
  /** Whose place this is: another user signing in on the shared tablet starts at a fresh list. */
  private owner: string | null = null;
  private returnTo: StudentsView = { name: 'list' };

  /** Opens a record (id null: a new one), optionally at one field, e.g. from the check summary. */
  openStudent(id: string | null, focus: string | null = null): void {
    if (this.view.name !== 'student') this.returnTo = this.view;
    if (this.view.name === 'list' && typeof window !== 'undefined') this.scrollY = window.scrollY;
    this.view = { name: 'student', id, focus };
  }

  /** The merge screen for two records of one child; back returns where it was opened from. */
  openMerge(a: string, b: string): void {
    if (this.view.name !== 'merge') this.returnTo = this.view.name === 'student' ? { name: 'list' } : this.view;
    this.view = { name: 'merge', ids: [a, b] };
  }

  /** After a record was removed: back to the list, which offers the undo. */
  afterRemoval(removed: Removed): void {
    this.removed = removed;
    this.view = { name: 'list' };
    this.returnTo = { name: 'list' };
  }

  show(name: 'list' | 'rooms' | 'check'): void {
    this.view = { name };
  }

  back(): void {
    this.view = this.returnTo;
    this.returnTo = { name: 'list' };
  }

  /** Called as the place opens: keeps the place for the same user, clears it for another. */
  claim(userId: string | null): void {
    if (userId === this.owner) return;
    this.reset();
    this.owner = userId;
  }

  reset(): void {
    this.view = { name: 'list' };
    this.grade = '';
    this.room = '';
    this.query = '';
    this.includeLeft = false;
    this.removed = null;
    this.scrollY = 0;
    this.returnTo = { name: 'list' };
  }
}

export const studentsPlace = new StudentsPlaceState();
