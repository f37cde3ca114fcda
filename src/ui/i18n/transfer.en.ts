import type { transferTh } from './transfer.th';

export const transferEn: Record<keyof typeof transferTh, string> = {
  'transfer.send': 'Send the record to the receiving school',
  'transfer.send_hint':
    "This file is signed with this device's key but not encrypted: anyone who gets it can read it. Send it only to the receiving school directly.",
  'transfer.make': 'Make the transfer file',
  'transfer.making': 'Making the file…',
  'transfer.print': 'Print the transfer letter',
  'transfer.problem.transfer.no_profile': 'The school is not set up on this device yet.',
  'transfer.problem.transfer.not_out': 'This student has no transfer-out recorded, or it was reversed.',
  'transfer.problem.transfer.damaged':
    'This file is damaged or was changed after it was signed, so it is not imported. Ask the sending school for a new one.',
  'transfer.problem.transfer.wrong_kind':
    'This is not a transfer file (it is another kind of Tabian file). Choose the file the sending school made with “Send the record to the receiving school”.',
  'transfer.problem.transfer.own_school': 'This file was made by our own school, not sent by another school.',
  'transfer.problem.transfer.shape':
    'This file does not hold one transferred-out student as the format says, so it is not imported.',
  'transfer.in.title': 'Import a transfer file',
  'transfer.in.hint':
    "Choose the .tabian file the sending school sent: the student's record is filled in, nothing to retype.",
  'transfer.in.pick': 'Choose the transfer file',
  'transfer.in.reading': 'Checking the file…',
  'transfer.in.from': 'From {school} (code {code}) · left on {date} · destination written: {to}',
  'transfer.in.trusted': 'The signature is valid and its key is enrolled here.',
  'transfer.in.untrusted':
    'The key that signed this file is not known here. Call the sending school and compare the key fingerprint: {fingerprint}',
  'transfer.in.compared': 'I compared the fingerprint with the sending school: it matches',
  'transfer.in.other_school': "The sending school wrote “{to}” as the destination, which is not our school's name.",
  'transfer.in.other_confirmed': 'I confirm this student is transferring to our school',
  'transfer.in.fill': 'Use the record from this file',
  'transfer.in.filled':
    "{name}'s record is filled in from the file. Choose the grade and room at this school and the date, then save.",
  'transfer.letter.title': 'Student transfer letter',
  'transfer.letter.to': 'To the director of {to}',
  'transfer.letter.body':
    "{school} sends {name}, ID {id}, grade {grade}, who left on {date}, to study at {to}, with the student's data file (transfer file) to import without retyping.",
  'transfer.letter.born': 'Born on {date}',
  'transfer.letter.entered': 'Entered this school on {date}',
  'transfer.letter.fingerprint': 'Key fingerprint of the file: {fingerprint}',
  'transfer.letter.sign': 'Signed ........................................ Director, {school}',
  'transfer.letter.date': 'Date {date}',
};
