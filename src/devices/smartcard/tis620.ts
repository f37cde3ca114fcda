// TIS-620, the card's text encoding: ASCII below 0x80, Thai letters 0xA1–0xFB at U+0E01–U+0E5B.

const decoder = new TextDecoder('windows-874');

export function decodeTis620(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** For fakes and tests: characters outside TIS-620 become '?'. */
export function encodeTis620(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return c;
    if (c >= 0x0e01 && c <= 0x0e5b) return c - 0x0e01 + 0xa1;
    return 0x3f;
  });
}
