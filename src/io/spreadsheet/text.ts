// CSV text arrives as UTF-8 (with or without BOM), as Excel's "Unicode text" (UTF-16 with BOM), or as
// windows-874/TIS-620 from older Thai Windows. A file that is not valid UTF-8 and decodes to Thai in
// windows-874 is windows-874.
import { SpreadsheetProblem } from './problems';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const THAI = /[\u0E01-\u0E5B]/;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: every byte decodes in windows-874, so require Thai letters to believe it.
    const text = decode('windows-874', bytes);
    if (THAI.test(text) && !text.includes('\uFFFD')) return { text, encoding: 'windows-874' };
    throw new SpreadsheetProblem('file.encoding');
  }
}

function decode(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new SpreadsheetProblem('file.encoding');
  }
}
