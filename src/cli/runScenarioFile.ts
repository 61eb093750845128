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
}

export const USAGE = 'usage: npm run --silent sim -- <scenario.json | -> [--at n]';

export function parseArgs(argv: string[]): RunnerArgs | { error: string } {
  let file: string | null = null;
  let at: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--at') {
      const raw = argv[++i];
      if (raw === undefined || !/^\d+$/.test(raw)) return { error: `--at needs a whole number of steps, not ${raw === undefined ? 'nothing' : JSON.stringify(raw)}` };
      at = Number(raw);
    } else if (arg.startsWith('--at=')) {
      const raw = arg.slice(5);
      if (!/^\d+$/.test(raw)) return { error: `--at needs a whole number of steps, not ${JSON.stringify(raw)}` };
      at = Number(raw);
    } else if (arg.startsWith('--') && arg !== '-') {
      return { error: `unknown option ${arg}` };
    } else if (file === null) {
      file = arg;
    } else {
      return { error: `one scenario file at a time (got ${file} and ${arg})` };
    }
  }
  if (file === null) return { error: 'no scenario file given (use - for standard input)' };
  return { file, at };
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
 * `err`); returns the exit code. `at` past the end is clamped to the end, as the app's `&at=` is.
 */
export function runScenarioStreaming(text: string, at: number | undefined, out: (chunk: string) => void, err: (chunk: string) => void): number {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    err(problemLines(parsed.problems));
    return 2;
  }
  writeReport(simulate(parsed.scenario, at), out);
  return 0;
}

/** Runs scenario text into strings (tests). */
export function runScenarioText(text: string, at: number | undefined): RunnerOutput {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exitCode = runScenarioStreaming(text, at, (chunk) => stdout.push(chunk), (chunk) => stderr.push(chunk));
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode };
}
