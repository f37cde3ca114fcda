// Which history upgrades the rows of which store (record-history.ts): for readers of rows written by an
// earlier app, in src/db and in a restore of an older backup's dump.
import { measurementHistory } from './measure/measurement';
import type { RecordHistory } from './record-history';
import { studentHistory } from './student/schema';
import { movementHistory } from './year/movement';
import { resultHistory } from './year/results';
import { roundHistory } from './year/round';

export const STORE_HISTORIES: Readonly<Record<string, RecordHistory>> = {
  students: studentHistory,
  movements: movementHistory,
  measurements: measurementHistory,
  rounds: roundHistory,
  results: resultHistory,
};
