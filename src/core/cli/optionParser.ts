/**
 * A small model of joptsimple 5 (the option parser of every Kafka tool): `--name value`,
 * `--name=value`, unique abbreviations of long names (joptsimple's `AbbreviationMap`), a
 * required argument taking the next word whatever it looks like, `--` ending the options, and
 * the help table `OptionParser.printHelpOn` prints (`BuiltinHelpFormatter`: options sorted by
 * name, an 80-column table). Errors are joptsimple's `OptionException`s with their messages.
 */
import { JavaException } from './javaException';

export type ArgType = 'String' | 'Integer' | 'Long';

export interface OptionSpec {
  name: string;
  description: string;
  /** Present when the option takes a (required) argument. */
  arg?: { describedAs: string; type: ArgType; defaultsTo?: string };
  /** `withOptionalArg()`: takes the next word as its argument unless that word looks like an option. */
  optionalArg?: { type: ArgType };
  /** `availableIf(…)`: the option may be given only with one of these (else `UnavailableOptionException`). */
  availableIf?: string[];
}

export interface ParsedOptions {
  has(name: string): boolean;
  /** The last value given (joptsimple's `valueOf` with one value), else the default, else undefined. */
  value(name: string): string | undefined;
  values(name: string): string[];
  /** `valueOf` of an `Integer`/`Long` option: joptsimple's conversion error when it is not a number. */
  integer(name: string): number | undefined;
  nonOptions: string[];
  /** How many words were given (Kafka's `args.length == 0` check). */
  argumentCount: number;
}

/** `CommandDefaultOptions`: every tool has these two. */
export const DEFAULT_OPTIONS: OptionSpec[] = [
  { name: 'help', description: 'Print usage information.' },
  { name: 'version', description: 'Display Kafka version.' },
];

function resolve(specs: OptionSpec[], name: string): OptionSpec | undefined {
  const exact = specs.find((s) => s.name === name);
  if (exact) return exact;
  const prefixed = specs.filter((s) => s.name.startsWith(name));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

export function parseOptions(specs: OptionSpec[], words: string[]): ParsedOptions {
  const all = [...specs, ...DEFAULT_OPTIONS.filter((d) => !specs.some((s) => s.name === d.name))];
  const found = new Map<string, string[]>();
  const nonOptions: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '--') {
      nonOptions.push(...words.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      nonOptions.push(word);
      continue;
    }
    const body = word.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const spec = resolve(all, name);
    if (!spec) throw new JavaException('joptsimple.UnrecognizedOptionException', `${name} is not a recognized option`);
    const list = found.get(spec.name) ?? [];
    found.set(spec.name, list);
    if (spec.optionalArg) {
      if (eq >= 0) list.push(body.slice(eq + 1));
      else if (i + 1 < words.length && !words[i + 1].startsWith('-')) list.push(words[++i]);
      continue;
    }
    if (!spec.arg) {
      if (eq >= 0) throw new JavaException('joptsimple.UnexpectedArgumentException', `Option ${spec.name} takes no arguments`);
      continue;
    }
    if (eq >= 0) list.push(body.slice(eq + 1));
    else if (i + 1 < words.length) list.push(words[++i]);
    else throw new JavaException('joptsimple.OptionMissingRequiredArgumentException', `Option ${spec.name} requires an argument`);
  }
  // joptsimple checks `availableIf` after parsing: an option whose required companions are all absent.
  const unavailable = all.filter((s) => s.availableIf && found.has(s.name) && !s.availableIf.some((other) => found.has(other)));
  if (unavailable.length > 0) {
    throw new JavaException('joptsimple.UnavailableOptionException', `Option(s) [${unavailable.map((s) => s.name).join(', ')}] are unavailable given other options on the command line`);
  }
  const specOf = (name: string) => all.find((s) => s.name === name);
  const values = (name: string) => found.get(name) ?? [];
  const value = (name: string) => {
    const given = values(name);
    return given.length > 0 ? given[given.length - 1] : specOf(name)?.arg?.defaultsTo;
  };
  return {
    has: (name) => found.has(name),
    values,
    value,
    integer: (name) => {
      const text = value(name);
      if (text === undefined) return undefined;
      const type = specOf(name)?.arg?.type ?? 'Integer';
      const max = type === 'Long' ? Number.MAX_SAFE_INTEGER : 2147483647;
      if (!/^[+-]?\d+$/.test(text) || Math.abs(Number(text)) > max) {
        throw new JavaException('joptsimple.OptionArgumentConversionException', `Cannot parse argument '${text}' of option ${name}`);
      }
      return Number(text);
    },
    nonOptions,
    argumentCount: words.length,
  };
}

const OPTION_WIDTH = 41;
const DESCRIPTION_WIDTH = 39;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const limit = lines.length === 0 && line === '' ? width : width - 2;
      if (line !== '' && line.length + 1 + word.length > limit) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines.map((l, i) => (i === 0 ? l : `  ${l}`));
}

/** `OptionParser.printHelpOn` with joptsimple's built-in formatter (80 columns, sorted by name). */
export function helpText(specs: OptionSpec[]): string {
  const all = [...specs, ...DEFAULT_OPTIONS.filter((d) => !specs.some((s) => s.name === d.name))]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows: string[] = [
    `${'Option'.padEnd(OPTION_WIDTH)}${'Description'.padEnd(DESCRIPTION_WIDTH)}`,
    `${'------'.padEnd(OPTION_WIDTH)}${'-----------'.padEnd(DESCRIPTION_WIDTH)}`,
  ];
  for (const spec of all) {
    const option = spec.arg
      ? `--${spec.name} <${spec.arg.describedAs === '' ? spec.arg.type : `${spec.arg.type}: ${spec.arg.describedAs}`}>`
      : spec.optionalArg ? `--${spec.name} [${spec.optionalArg.type}]` : `--${spec.name}`;
    const description = spec.arg?.defaultsTo !== undefined ? `${spec.description} (default: ${spec.arg.defaultsTo})` : spec.description;
    const left = wrap(option, OPTION_WIDTH - 2);
    const right = wrap(description, DESCRIPTION_WIDTH - 1);
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      rows.push(`${(left[i] ?? '').padEnd(OPTION_WIDTH)}${(right[i] ?? '').padEnd(DESCRIPTION_WIDTH)}`);
    }
  }
  return `${rows.join('\n')}\n`;
}
