import type { Component } from 'svelte';
import type { Place } from '../state/router.svelte';
import StudentsPlace from '../screens/students/StudentsPlace.svelte';
import MovementsPlace from '../screens/movements/MovementsPlace.svelte';
import ConfirmPlace from '../screens/confirm/ConfirmPlace.svelte';
import ExchangePlace from '../screens/exchange/ExchangePlace.svelte';
import ReportsPlace from '../screens/reports/ReportsPlace.svelte';

/** The screen of each place that has one, per kind of device; places missing here show "not available yet". */
export const placeScreens: Record<'school' | 'district', Partial<Record<Place, Component>>> = {
  school: {
    students: StudentsPlace,
    movements: MovementsPlace,
    confirm: ConfirmPlace,
    exchange: ExchangePlace,
    reports: ReportsPlace,
  },
  district: {},
};
