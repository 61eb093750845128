/**
 * `npm run --silent sim -- <file.json | -> [--at n [--event k]]`: runs a scenario headless and prints its
 * JSON report on stdout (exit 0); an invalid document prints one `path: reason` line per problem
 * on stderr and nothing on stdout (exit 2).
 */
import { readFileSync } from 'node:fs';
import { parseArgs, runScenarioStreaming, USAGE } from './runScenarioFile';

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if ('error' in args) {
    process.stderr.write(`sim: ${args.error}\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.file === '-' ? 0 : (args.file as string), 'utf8');
  } catch (error) {
    process.stderr.write(`$: cannot read ${args.file === '-' ? 'standard input' : args.file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
    return 2;
  }
  // Writes to a pipe or a file are synchronous in Node on Linux: the report streams out in
  // chunks as it is made, never held whole.
  return runScenarioStreaming(text, args.at, (chunk) => process.stdout.write(chunk), (chunk) => process.stderr.write(chunk), args.event);
}

process.exitCode = main();
