// What the screening place shows; kept while the teacher moves between the list, a form and the print.
import type { Screening } from '../../../domain/screening/schema';
import type { Student } from '../../../domain/student/schema';
import {
  currentScreeningYear,
  openScreening,
  saveScreeningRecord,
  type ClassRef,
} from '../../services/screening.service';
import { ScreeningFormState } from './form.svelte';

export type ScreeningView = 'list' | 'form' | 'print' | 'school';
export interface PrintItem {
  student: Student;
  screening: Screening;
}

class ScreeningPlaceState {
  view = $state<ScreeningView>('list');
  year = $state(currentScreeningYear());
  room = $state<ClassRef | null>(null);
  form = $state<ScreeningFormState | null>(null);
  print = $state<PrintItem[]>([]);
  private owner: string | null = null;

  async open(student: Student): Promise<void> {
    const s = await openScreening(student, this.year);
    this.form = new ScreeningFormState(s, student, { save: saveScreeningRecord });
    this.view = 'form';
  }

  async close(): Promise<void> {
    await this.form?.flush();
    this.form = null;
    this.view = 'list';
  }

  showPrint(items: PrintItem[]): void {
    this.print = items;
    this.view = 'print';
  }

  /** Back to the form the print came from, or to the list. */
  backFromPrint(): void {
    this.view = this.form ? 'form' : 'list';
  }

  show(view: 'list' | 'school'): void {
    this.view = view;
  }

  /** Keeps the place for the same user; another user signing in starts at the list. */
  claim(userId: string | null): void {
    if (userId === this.owner) return;
    this.owner = userId;
    this.view = 'list';
    this.room = null;
    this.form = null;
    this.print = [];
  }
}

export const screeningPlace = new ScreeningPlaceState();
