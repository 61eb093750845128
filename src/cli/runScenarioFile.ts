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

/** Runs scenario text; `at` past the end is clamped to the end, as the app's `&at=` is. */
export function runScenarioText(text: string, at: number | undefined): RunnerOutput {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    return { stdout: '', stderr: parsed.problems.map(formatProblem).join('\n') + '\n', exitCode: 2 };
  }
  const report = buildReport(simulate(parsed.scenario, at));
  return { stdout: JSON.stringify(report, null, 2) + '\n', stderr: '', exitCode: 0 };
}
