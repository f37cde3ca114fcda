/** What the numeric keypad sends: a digit, the decimal point, delete, or "next". */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '.' | 'delete' | 'ok';
