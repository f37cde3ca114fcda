import type { Component } from 'svelte';
import type { Place } from '../state/router.svelte';
import StudentsPlace from '../screens/students/StudentsPlace.svelte';
import MovementsPlace from '../screens/movements/MovementsPlace.svelte';
import ConfirmPlace from '../screens/confirm/ConfirmPlace.svelte';
import ExchangePlace from '../screens/exchange/ExchangePlace.svelte';
import ReportsPlace from '../screens/reports/ReportsPlace.svelte';
import MeasurePlace from '../screens/measure/MeasurePlace.svelte';
import SchoolsPlace from '../screens/district/SchoolsPlace.svelte';
import ImportPlace from '../screens/district/ImportPlace.svelte';
import DuplicatesPlace from '../screens/district/DuplicatesPlace.svelte';
import DistrictReportsPlace from '../screens/district/DistrictReportsPlace.svelte';

/** The screen of each place that has one, per kind of device; places missing here show "not available yet". */
export const placeScreens: Record<'school' | 'district', Partial<Record<Place, Component>>> = {
  school: {
    students: StudentsPlace,
    movements: MovementsPlace,
    confirm: ConfirmPlace,
    exchange: ExchangePlace,
    reports: ReportsPlace,
    measure: MeasurePlace,
  },
  district: {
    schools: SchoolsPlace,
    import: ImportPlace,
    duplicates: DuplicatesPlace,
    reports: DistrictReportsPlace,
  },
};
