import type { districtReportsTh } from './district-reports.th';

export const districtReportsEn: Record<keyof typeof districtReportsTh, string> = {
  'dreport.round_title': '{office} {round}, academic year {year!ce}',
  'dreport.round_title_as_of': '{office} {round}, academic year {year!ce}, as of {date}',
  'once.title': 'Each child counted once',
  'once.submitted': 'As the schools submitted: {n} {n:student|students}',
  'once.distinct': 'Distinct children after the cross-school check: {n}',
  'once.none': 'No child is counted by two schools: both numbers are the same',
  'once.pairs':
    '{n} {n:pair|pairs} still counted twice, waiting for the district to decide which school the child attends (Duplicates page):',
  'once.pair': 'ID {id}: {a} and {b}',
  'once.unchecked': "The cross-school check could not run yet: the report's numbers are as the schools submitted",
  'subsidy.basis': 'This estimate uses the counts as the schools submitted ({n} {n:student|students})',
  'subsidy.basis_twice':
    'This estimate uses the counts as the schools submitted ({n} {n:student|students}), which count {dup} {dup:child|children} in two schools: there are {distinct} distinct children',
  'dreport.nutrition.coverage':
    "Whole district: {measured} of {students} measured ({pct}%), counting every student of the round's submissions",
  'users.first.body_district':
    'Every import, check and acknowledgement records who did it and when. The first user is an officer of the district office, who can add other officers later in Settings',
  'role.district_officer': "District office officer (receives, checks and acknowledges the schools' data)",
  'print.printed_on': 'Printed on {date}',
  'print.as_of': 'Data as of {date}',
  'print.prepared': 'Signed ........................................ prepared by',
  'print.approved': 'Signed ........................................ approved by',
  'print.name_line': '(........................................)',
  'dreport.xlsx.disadvantage': 'Disadvantaged students',
  'dreport.xlsx.disability': 'Students with disabilities',
  'dreport.not_counted.title': 'Schools this report does not count',
  'dreport.not_counted.held': "Not counted: file held until the school's key is enrolled or verified (Import page)",
  'dreport.not_counted.missing': 'Not counted: sent nothing for this round',
  'dreport.not_counted.line': '{code} {name}: {why}',
  'dboard.xlsx_title': 'Submission status, {round}, academic year {year!ce}',
  'dboard.xlsx_title_as_of': 'Submission status, {round}, academic year {year!ce}, as of {date}',
  'dboard.xlsx_file': 'submission-status',
  'dboard.xlsx_counted': 'Counted in the reports?',
};
