/**
 * Strict JSON text → value, with problems that say where: `$: not valid JSON (line 4, column 12:
 * unexpected "}")`. jsonc-parser gives error offsets (JSON.parse's messages differ between
 * engines); a key that appears twice in one object is a problem too, since JSON.parse would
 * silently keep the last one.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { NESTING_PROBLEM, textNestingDepth, MAX_NESTING } from './nesting';
import { childPath, type Problem } from './problems';
import { parseJsonQuickly } from './quickJson';

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const EXPECTED: Partial<Record<string, string>> = {
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: '":" was expected',
  CommaExpected: '"," was expected',
  CloseBraceExpected: '"}" was expected',
  CloseBracketExpected: '"]" was expected',
  EndOfFileExpected: 'the document should end here',
  InvalidEscapeCharacter: 'not a valid escape in a string',
  UnexpectedEndOfString: 'the string is not closed',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  InvalidUnicode: 'not a valid \\u escape',
  InvalidCharacter: 'a control character must be escaped in a string',
};

function describeError(text: string, error: ParseError): string {
  const { line, column } = lineAndColumn(text, error.offset);
  const token = text.substr(error.offset, Math.min(Math.max(error.length, 1), 20));
  const unexpected = error.offset >= text.length || token.trim() === '' && error.length === 0
    ? 'unexpected end of input'
    : `unexpected ${JSON.stringify(token)}`;
  const hint = EXPECTED[printParseErrorCode(error.error)];
  return `not valid JSON (line ${line}, column ${column}: ${unexpected}${hint ? `; ${hint}` : ''})`;
}

function findDuplicateKeys(node: Node | undefined, path: string, problems: Problem[]): void {
  if (!node) return;
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0]?.value as string;
      const keyPath = childPath(path, key);
      if (seen.has(key)) problems.push({ path: keyPath, message: 'appears more than once in the same object' });
      seen.add(key);
      findDuplicateKeys(property.children?.[1], keyPath, problems);
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, i) => findDuplicateKeys(child, childPath(path, i), problems));
  }
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

export function parseJsonText(text: string): JsonResult {
  // jsonc-parser and the duplicate-key walk recurse: nothing deeper than the limit reaches them.
  if (textNestingDepth(text) > MAX_NESTING) return { ok: false, problems: [NESTING_PROBLEM] };
  // Valid JSON without repeated keys (almost every document) needs no located parse.
  const quick = parseJsonQuickly(text);
  if (quick) return { ok: true, value: quick.value };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) return { ok: false, problems: [{ path: '$', message: describeError(text, errors[0]) }] };
  const duplicates: Problem[] = [];
  findDuplicateKeys(tree, '$', duplicates);
  if (duplicates.length > 0) return { ok: false, problems: duplicates };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problems: [{ path: '$', message: `not valid JSON (${(error as Error).message})` }] };
  }
}
