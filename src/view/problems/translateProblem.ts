/**
 * The validator's `path: reason` lines in the reader's language. The runner's English lines are a
 * contract (scenario-format.md) and travel through the stores as strings, so a line is read back
 * into a code and parameters here: each code's English template (problems.en.json, `codes`) is
 * the exact text the validator builds (src/core/scenario), and translateProblem.test.ts runs the
 * validator to keep them in step. A line no template matches stays in English.
 */
import en from '../../i18n/problems.en.json';

export interface ParsedProblem {
  path: string;
  code: string;
  params: Record<string, string>;
}

const codes = en.codes as Record<string, string>;
const typeTemplates = en.types as Record<string, string>;

interface Matcher { name: string; names: string[]; regex: RegExp }

function compile(name: string, template: string): Matcher {
  const names: string[] = [];
  const source = template.split(/(\{\{\w+\}\})/).map((part) => {
    const hole = /^\{\{(\w+)\}\}$/.exec(part);
    if (!hole) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(hole[1]);
    return '(.*?)'; // a value may be empty: unknown op ""
  }).join('');
  return { name, names, regex: new RegExp(`^${source}$`, 's') };
}

// Longer templates first: "topic … (the document declares no topics)" before "topic … (topics are …)".
const matchers = Object.entries(codes).map(([name, template]) => compile(name, template))
  .sort((a, b) => b.regex.source.length - a.regex.source.length);
const typeMatchers = Object.entries(typeTemplates).map(([name, template]) => compile(name, template));

function matchReason(reason: string): { code: string; params: Record<string, string> } | null {
  for (const m of matchers) {
    const found = m.regex.exec(reason);
    if (!found) continue;
    const params: Record<string, string> = {};
    m.names.forEach((n, i) => { params[n] = found[i + 1]; });
    return { code: m.name, params };
  }
  return null;
}

/** Splits a line at the `: ` after its path (a quoted key may itself hold `: `) and finds its code. */
export function parseProblemLine(line: string): ParsedProblem | null {
  for (let at = line.indexOf(': '); at > 0; at = line.indexOf(': ', at + 1)) {
    const found = matchReason(line.slice(at + 2));
    if (found) return { path: line.slice(0, at), ...found };
  }
  return null;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A `describeType` phrase (`the string "x"`, `number 3`, `an array` …) in the reader's language. */
function translateType(phrase: string, t: Translate): string {
  for (const m of typeMatchers) {
    const found = m.regex.exec(phrase);
    if (found) return t(`types.${m.name}`, { value: found[1] ?? '' });
  }
  return phrase;
}

/** The line in the language of `t` (the `problems` namespace), or the line itself if no code matches. */
export function translateProblemLine(line: string, t: Translate): string {
  const parsed = parseProblemLine(line);
  if (!parsed) return line;
  const params: Record<string, string> = { ...parsed.params };
  if (params.type !== undefined) params.type = translateType(params.type, t);
  return `${parsed.path}: ${t(`codes.${parsed.code}`, params)}`;
}
