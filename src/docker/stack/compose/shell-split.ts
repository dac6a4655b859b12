// Splits a `command`/`entrypoint` string into words the way the CLI does (google/shlex):
// blanks separate words; '...' keeps everything literally; "..." keeps everything but
// lets a backslash take the next character as it is; a backslash outside quotes does the
// same; `#` at the start of a word comments out the rest of the line. No expansion of
// any kind (no $VAR, no globs): the result goes to the engine as the argument vector.
// shell-quote (npm) was not used: it also parses operators (`|`, `&&`) into objects, which
// is a shell's job, not an argv split's.

/** The reason a string cannot be split (an unclosed quote, a trailing backslash). */
export class ShellSplitError extends Error {}

const BLANK = new Set([' ', '\t', '\r', '\n']);

export function shellSplit(text: string): string[] {
  const words: string[] = [];
  const chars = [...text];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (BLANK.has(c)) { i++; continue; }
    if (c === '#') {
      while (i < chars.length && chars[i] !== '\n') i++;
      continue;
    }
    let word = '';
    while (i < chars.length && !BLANK.has(chars[i]!)) {
      const ch = chars[i++]!;
      if (ch === '\\') {
        if (i >= chars.length) throw new ShellSplitError('a backslash at the end has nothing to escape');
        word += chars[i++];
      } else if (ch === "'") {
        const close = chars.indexOf("'", i);
        if (close < 0) throw new ShellSplitError('a single quote is not closed');
        word += chars.slice(i, close).join('');
        i = close + 1;
      } else if (ch === '"') {
        for (;;) {
          if (i >= chars.length) throw new ShellSplitError('a double quote is not closed');
          const q = chars[i++]!;
          if (q === '"') break;
          if (q === '\\') {
            if (i >= chars.length) throw new ShellSplitError('a double quote is not closed');
            word += chars[i++];
          } else word += q;
        }
      } else word += ch;
    }
    words.push(word);
  }
  return words;
}
