/**
 * The headless runner's logic, separate from process I/O so tests can call it in-process:
 * scenario text + arguments → what to print and the exit code (docs/scenario-format.md,
 * "The headless runner").
 */
// Node: every mechanism installed (core/features.ts).
import '../core/allFeatures';
import { simulate } from '../core/scenario/runScenario';
import { parseScenarioText } from '../core/scenario/scenarioText';
import { formatProblem, type Problem } from '../core/scenario/validateScenario';
import { writeReport } from './streamReport';

/** Past this many problems the runner prints the first ones and a count line. */
export const PRINTED_PROBLEMS = 1000;

export interface RunnerOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RunnerArgs {
  file: string | null;
  at: number | undefined;
  /** `--event k`: the first k timed events of step at + 1 (needs `--at`). */
  event?: number;
}

export const USAGE = 'usage: npm run --silent sim -- <scenario.json | -> [--at n [--event k]]';

/** A whole-number option's value (`--name v` or `--name=v`), or its error. */
function wholeOption(name: string, what: string, raw: string | undefined): number | { error: string } {
  if (raw === undefined || !/^\d+$/.test(raw)) return { error: `--${name} needs a whole number of ${what}, not ${raw === undefined ? 'nothing' : JSON.stringify(raw)}` };
  return Number(raw);
}

export function parseArgs(argv: string[]): RunnerArgs | { error: string } {
  let file: string | null = null;
  let at: number | undefined;
  let event: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const option = /^--(at|event)(?:=(.*))?$/.exec(arg);
    if (option) {
      const value = wholeOption(option[1], option[1] === 'at' ? 'steps' : 'events', option[2] ?? argv[++i]);
      if (typeof value !== 'number') return value;
      if (option[1] === 'at') at = value;
      else event = value;
    } else if (arg.startsWith('--') && arg !== '-') {
      return { error: `unknown option ${arg}` };
    } else if (file === null) {
      file = arg;
    } else {
      return { error: `one scenario file at a time (got ${file} and ${arg})` };
    }
  }
  if (file === null) return { error: 'no scenario file given (use - for standard input)' };
  if (event !== undefined && at === undefined) return { error: '--event needs --at (the steps before the run step it walks)' };
  return event === undefined ? { file, at } : { file, at, event };
}

/** The stderr lines for problems: the first `PRINTED_PROBLEMS`, then one `$` line with the count. */
export function problemLines(problems: readonly Problem[]): string {
  const shown = problems.slice(0, PRINTED_PROBLEMS).map(formatProblem);
  const more = problems.length - shown.length;
  if (more > 0) shown.push(`$: ${more.toLocaleString('en')} more problems not shown (${problems.length.toLocaleString('en')} in all)`);
  return `${shown.join('\n')}\n`;
}

/**
 * Runs scenario text, writing the report through `out` as it is made (or the problems through
 * `err`); returns the exit code. `at` past the end is clamped to the end, as the app's `&at=` is;
 * `event` past the last timed event of step `at + 1` stops after that event (a step other than
 * `run` has none), as the app's `&ev=` does.
 */
export function runScenarioStreaming(text: string, at: number | undefined, out: (chunk: string) => void, err: (chunk: string) => void, event = 0): number {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    err(problemLines(parsed.problems));
    return 2;
  }
  writeReport(simulate(parsed.scenario, at, event), out);
  return 0;
}

/** Runs scenario text into strings (tests). */
export function runScenarioText(text: string, at: number | undefined, event = 0): RunnerOutput {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exitCode = runScenarioStreaming(text, at, (chunk) => stdout.push(chunk), (chunk) => stderr.push(chunk), event);
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode };
}
