/**
 * What a tool writes and how it ends, as the JVM would: `System.out`, `System.err`, the exit code.
 * `exit` models `Exit.exit`: it ends the tool at once (the runner catches `ExitSignal`).
 */
import type { SimContext } from '../simContext';
import { JavaException } from './javaException';
import { helpText, parseOptions, type OptionSpec, type ParsedOptions } from './optionParser';

export class ExitSignal {
  constructor(readonly code: number) {}
}

export class CliOutput {
  stdout = '';
  stderr = '';

  println(line = ''): void {
    this.stdout += `${line}\n`;
  }

  print(text: string): void {
    this.stdout += text;
  }

  eprintln(line = ''): void {
    this.stderr += `${line}\n`;
  }

  eprint(text: string): void {
    this.stderr += text;
  }
}

/** What one tool run gets: the world at this instant, its step, its input lines, its output. */
export interface ToolRun {
  ctx: SimContext;
  stepIndex: number;
  input: string[];
  out: CliOutput;
  /** The words after the tool's name. */
  args: string[];
  /** The command line as typed (some tools echo it). */
  commandLine: string;
}

/** Days since 1970-01-01 → [year, month, day] (proleptic Gregorian; Howard Hinnant's civil_from_days). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** `[%d]` of Kafka's tools-log4j.properties (ISO8601), on the simulated clock from the epoch. */
export function logTimestamp(ms: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const days = Math.floor(ms / 86400000);
  const [year, month, day] = civilFromDays(days);
  const inDay = ms - days * 86400000;
  const h = Math.floor(inDay / 3600000);
  const m = Math.floor((inDay % 3600000) / 60000);
  const s = Math.floor((inDay % 60000) / 1000);
  return `${year}-${pad(month)}-${pad(day)} ${pad(h)}:${pad(m)}:${pad(s)},${pad(inDay % 1000, 3)}`;
}

/** A log4j line on stderr: `[time] LEVEL message (logger)` (tools-log4j.properties' pattern). */
export function logLine(run: ToolRun, level: 'ERROR' | 'WARN' | 'INFO', message: string, logger: string): void {
  run.out.eprintln(`[${logTimestamp(run.ctx.world.timeMs)}] ${level} ${message} (${logger})`);
}

/** `logger.error(message, e)`: the log line, then log4j prints the throwable on the next line (its frames are not modelled). */
export function logThrowable(run: ToolRun, level: 'ERROR' | 'WARN', message: string, logger: string, e: JavaException): void {
  logLine(run, level, message, logger);
  run.out.eprintln(e.toString());
}

/** `CommandLineUtils.printUsageAndExit`: the message and the help table on stderr, exit 1. */
export function printUsageAndExit(run: ToolRun, specs: OptionSpec[], message: string): never {
  run.out.eprintln(message);
  run.out.eprint(helpText(specs));
  throw new ExitSignal(1);
}

/**
 * `CommandLineUtils.tryParse` for the console tools: joptsimple's message and the usage on a
 * parse error; the tool's description and the usage for `--help` or no arguments.
 */
export function parseOrPrintUsage(run: ToolRun, specs: OptionSpec[], description: string): ParsedOptions {
  let o: ParsedOptions;
  try {
    o = parseOptions(specs, run.args);
  } catch (error) {
    if (error instanceof JavaException) printUsageAndExit(run, specs, error.message);
    throw error;
  }
  if (o.argumentCount === 0 || o.has('help')) printUsageAndExit(run, specs, description);
  return o;
}

/** An exception that escapes `main`: the JVM's default handler prints it on stderr, exit 1. */
export function uncaught(run: ToolRun, error: unknown): number {
  const text = error instanceof JavaException ? error.toString() : `java.lang.RuntimeException: ${String(error)}`;
  run.out.eprintln(`Exception in thread "main" ${text}`);
  return 1;
}
