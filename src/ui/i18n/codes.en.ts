import type { CodeListName } from '../../domain/codes';

// English labels of the DMC code lists, by list and code. Thai labels stay the data's own (dmc-codes.json);
// this is only what an English screen shows. A code missing here shows its Thai label.
export const codeLabelsEn: Partial<Record<CodeListName, Record<string, string>>> = {
  grade: {
    '01': 'K1', '02': 'K2', '03': 'K3', '04': 'P1', '05': 'P2', '06': 'P3', '07': 'P4', '08': 'P5', '09': 'P6',
    '10': 'M1', '11': 'M2', '12': 'M3', '13': 'M4', '14': 'M5', '15': 'M6', '16': 'Voc. 1', '17': 'Voc. 2', '18': 'Voc. 3',
  },
  sex: { M: 'Male', F: 'Female' },
  prefix: { '001': 'Master (boy)', '002': 'Miss (girl)', '003': 'Mr', '004': 'Miss', '005': 'Mrs', '832': 'Novice monk' },
  religion: { '001': 'Buddhism', '002': 'Islam', '003': 'Christianity', '004': 'Sikhism', '005': 'Brahmanism-Hinduism', '006': 'Other' },
  nationality: { '099': 'Thai', '044': 'Chinese', '048': 'Myanmar', '056': 'Lao', '057': 'Cambodian', '000': 'Not stated' },
  bloodGroup: { N: 'Not known (N)' },
  idType: {
    I: 'Citizen ID (13 digits)', G: 'G-Code (no civil registration)', P: 'Passport', A: 'Alien identity card', O: 'Other / no document',
  },
  guardianRelation: {
    '01': 'Father', '02': 'Mother', '03': 'Older sibling', '04': 'Younger sibling', '05': 'Paternal grandfather',
    '06': 'Paternal grandmother', '07': 'Maternal grandfather', '08': 'Maternal grandmother', '09': 'Great-grandparent',
    '10': 'Uncle (older)', '11': 'Aunt (older)', '12': 'Uncle/aunt (mother\'s younger sibling)', '13': 'Uncle/aunt (father\'s younger sibling)',
    '16': 'Husband', '17': 'Wife', '20': 'Guardian',
  },
  parentsMaritalStatus: {
    '01': 'Living together, married', '02': 'Single', '04': 'Divorced/widowed', '05': 'Living together, not married',
    '06': 'Separated', '07': 'Father deceased', '08': 'Mother deceased', '09': 'Both parents deceased',
    '10': 'Father deceased, mother remarried', '11': 'Mother deceased, father remarried',
  },
  occupation: {
    '0': 'Not working', '1': 'Civil servant', '2': 'State enterprise employee', '3': 'Business/trade', '4': 'Farming',
    '5': 'Hired labour', '6': 'Government employee/permanent or temporary staff', '7': 'Retired civil servant/state employee',
    '8': 'Monk/clergy', '99': 'Other',
  },
  travelMode: { '01': 'On foot', '02': 'Vehicle, no fare', '03': 'Vehicle with fare', '04': 'Loaned bicycle' },
  disadvantage: {
    '01': 'Forced labour', '02': 'In the sex trade', '03': 'Abandoned', '04': 'In a juvenile observation and protection centre',
    '05': 'Street child', '06': 'Affected by AIDS', '07': 'Ethnic minority', '08': 'Abused', '09': 'Poor',
    '10': 'Drug-related problems', '11': 'Other', '12': 'Orphan', '13': 'Works to support self and family', '99': 'Not disadvantaged',
  },
  disability: {
    '1': 'Visual impairment', '2': 'Hearing impairment', '3': 'Intellectual disability', '4': 'Physical, mobility or health impairment',
    '5': 'Learning disability', '6': 'Speech and language impairment', '7': 'Behavioural or emotional problems', '8': 'Autism',
    '9': 'Multiple disabilities', '99': 'None',
  },
  leavingCause: {
    transfer: 'Moved school', death: 'Deceased', dropout: 'Dropped out (long absence / not in the area)',
    over_age: 'Past compulsory school age', graduated: 'Graduated',
  },
};
