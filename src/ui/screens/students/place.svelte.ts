import type { GradeCode } from '../../../domain/codes';

export type StudentsView =
  | { name: 'list' }
  | { name: 'student'; id: string | null; focus: string | null }
  | { name: 'rooms' }
  | { name: 'check' };

/** What the students place shows; kept while the user opens a record and comes back. */
class StudentsPlaceState {
  view = $state<StudentsView>({ name: 'list' });
  grade = $state<GradeCode | ''>('');
  room = $state('');
  query = $state('');
  includeLeft = $state(false);
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
    this.scrollY = 0;
    this.returnTo = { name: 'list' };
  }
}

export const studentsPlace = new StudentsPlaceState();
