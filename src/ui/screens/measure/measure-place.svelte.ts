// What the measure place shows; kept while the user looks at a chart or the report and comes back.
import type { GradeCode } from '../../../domain/codes';
import type { RosterOrder } from '../../../domain/measure/measurement';
import type { Student } from '../../../domain/student/schema';
import { markAbsent, saveEntry, type OpenSession } from '../../services/measure.service';
import { MeasureFlow } from './flow.svelte';

export type MeasureView = 'start' | 'flow' | 'report' | 'student';

class MeasurePlaceState {
  view = $state<MeasureView>('start');
  grade = $state<GradeCode | ''>('');
  room = $state('');
  date = $state('');
  order = $state<RosterOrder>('number');
  flow = $state<MeasureFlow | null>(null);
  student = $state<Student | null>(null);
  private returnTo: MeasureView = 'start';
  private owner: string | null = null;

  begin(open: OpenSession): void {
    this.flow = new MeasureFlow(open.session, open.entries, open.refs, { save: saveEntry, absent: markAbsent });
    this.view = 'flow';
  }

  show(view: 'start' | 'report' | 'flow'): void {
    this.view = view;
  }

  openStudent(student: Student): void {
    if (this.view !== 'student') this.returnTo = this.view;
    this.student = student;
    this.view = 'student';
  }

  back(): void {
    this.view = this.returnTo;
    this.student = null;
  }

  /** Keeps the place for the same user; another user signing in starts at the room list. */
  claim(userId: string | null): void {
    if (userId === this.owner) return;
    this.reset();
    this.owner = userId;
  }

  reset(): void {
    this.view = 'start';
    this.grade = '';
    this.room = '';
    this.date = '';
    this.order = 'number';
    this.flow = null;
    this.student = null;
    this.returnTo = 'start';
  }
}

export const measurePlace = new MeasurePlaceState();
