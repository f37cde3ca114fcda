import type { reportsTh } from './reports.th';

export const reportsEn: Record<keyof typeof reportsTh, string> = {
  'reports.title': 'Reports',
  'reports.heading': 'Students, {round}, academic year {year!ce}, as of {date}',
  'reports.certified_by': 'Certified by {name} on {at}',
  'reports.not_certified': "Not certified yet: counted from today's data",
  'reports.changed_since':
    'Records were edited after certification. This report shows what was certified; the confirm screen lists the changes.',
  'reports.class': 'Grade/room',
  'reports.male': 'Male',
  'reports.female': 'Female',
  'reports.unknown_sex': 'Sex unknown',
  'reports.total': 'Total',
  'reports.rooms': 'Rooms',
  'reports.grade_total': 'Total {grade}',
  'reports.level_total': 'Total {level}',
  'reports.school_total': 'School total',
  'reports.compare_title': 'Compared with {prev}, academic year {year!ce} (as of {date})',
  'reports.compare_summary':
    'Previous round {before} · joined {joined} · left {left} · missing without a movement {missing} · this round {now}',
  'reports.previous_not_certified': "(the previous round is not certified; counted from today's data)",
  'reports.missing_warning':
    '{n} {n:student|students} counted in the previous round are missing from this one without a recorded movement: check their status in the register',
  'reports.change': 'Change',
  'reports.name': 'Name',
  'reports.effective': 'Effective',
  'reports.why': 'Cause / from',
  'reports.joined': 'Joined',
  'reports.left': 'Left',
  'reports.missing': 'Missing',
  'reports.missing_why': 'No movement recorded',
  'reports.new_record': 'New record',
  'reports.print': 'Print (A4)',
  'reports.export': 'Export .xlsx',
  'reports.exporting': 'Creating the file…',
  'reports.sheet_counts': 'Students',
  'reports.sheet_compare': 'Compared with previous',
};
