// 24×24 stroke icons drawn here, so nothing depends on an emoji font the tablet may lack.
export const icons = {
  home: 'M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10',
  students:
    'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM1 21v-1a6 6 0 0 1 6-6h4a6 6 0 0 1 6 6v1M17 3.5a4 4 0 0 1 0 7.5M23 21v-1a6 6 0 0 0-4-5.6',
  movements: 'M4 7h14l-4-4M20 17H6l4 4',
  measure: 'M4 20h16M6 20l3-14h6l3 14M12 6V3M9.5 11h5',
  confirm: 'M4 12l5 5L20 6',
  exchange: 'M7 3v14l-4-4M17 21V7l4 4',
  reports: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12a7 7 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7 7 0 0 0-2-1.2L14 3h-4l-.5 2.6a7 7 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6a7 7 0 0 0 0 2.4l-2 1.6 2 3.4 2.4-1a7 7 0 0 0 2 1.2L10 21h4l.5-2.6a7 7 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2z',
  assets: 'M3 21h18M5 21V8l7-4 7 4v13M9 12h2M13 12h2M9 16h2M13 16h2',
  schools: 'M3 21h18M5 21V10l7-5 7 5v11M9 21v-5h6v5M12 5V2l3 1.5',
  import: 'M12 3v12m0 0l-5-5m5 5l5-5M4 21h16',
  duplicates: 'M8 8h12v12H8zM4 16V4h12',
  location: 'M12 21s7-6.2 7-12a7 7 0 0 0-14 0c0 5.8 7 12 7 12zM12 11.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
  screening: 'M3 11l9-8 9 8M5 10v10h14V10M9 15l2 2 4-4',
  staff: 'M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21v-1a6 6 0 0 1 6-6h4a6 6 0 0 1 6 6v1M12 14v4M10 16h4',
  calendar: 'M4 5h16v16H4zM4 10h16M9 3v4M15 3v4',
} as const;

export type IconName = keyof typeof icons;
