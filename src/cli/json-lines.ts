/**
 * The non-blank lines of a JSON-lines file, each with its 1-based line number and its value, or undefined
 * where the line is not JSON: the command names that line rather than stopping at it.
 */
export function jsonLines(text: string): { line: number; value: unknown }[] {
  return text
    .split(/\r?\n/)
    .flatMap((line, i) => (line.trim() ? [{ line: i + 1, value: parseOrUndefined(line) }] : []));
}

function parseOrUndefined(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
