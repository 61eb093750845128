/**
 * The headless runner's logic, separate from process I/O so tests can call it in-process:
 * scenario text + arguments → what to print and the exit code (docs/scenario-format.md,
 * "The headless runner").
 */
import { buildReport } from '../core/scenario/report';
import { simulate } from '../core/scenario/runScenario';
import { parseScenarioText } from '../core/scenario/scenarioText';
import { formatProblem } from '../core/scenario/validateScenario';

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

/**
 * Runs scenario text; `at` past the end is clamped to the end, as the app's `&at=` is; `event`
 * past the last timed event of step `at + 1` stops after that event (a step other than `run`
 * has none), as the app's `&ev=` does.
 */
export function runScenarioText(text: string, at: number | undefined, event = 0): RunnerOutput {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    return { stdout: '', stderr: parsed.problems.map(formatProblem).join('\n') + '\n', exitCode: 2 };
  }
  const report = buildReport(simulate(parsed.scenario, at, event));
  return { stdout: JSON.stringify(report, null, 2) + '\n', stderr: '', exitCode: 0 };
}
