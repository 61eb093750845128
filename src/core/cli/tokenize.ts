/**
 * Splits a command line into words as a POSIX shell does for the simple cases a student types:
 * blanks separate words; single quotes keep everything literally; double quotes keep blanks and
 * honour `\"` and `\\`; a backslash outside quotes escapes the next character. No variables,
 * globbing or redirection. An unclosed quote is an error, as the shell's "unexpected EOF".
 */
export type Tokens = { ok: true; words: string[] } | { ok: false; error: string };

export function tokenize(line: string): Tokens {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote !== null) return { ok: false, error: `unexpected EOF while looking for matching \`${quote}'` };
  if (inWord) words.push(word);
  return { ok: true, words };
}
