/**
 * `npm run sim:swarm -- --seeds N [--start S] [--truncation leader-epoch|high-watermark|both] [--safe] [--retention]`
 *
 * Runs N random scenarios per truncation mode (every op, both eras, both replication modes) and
 * checks the invariants after every step. It prints each failing seed with the smallest failing
 * prefix of its steps (a scenario file to rerun with `npm run sim`), and a summary of the
 * anomalies found. With `--safe` (acks=all, no lostTail, unclean election off), any
 * `acknowledged-record-lost` or `replica-divergence` in `leader-epoch` mode is a failure: KIP-101
 * promises there is none. With `--retention`, every user topic gets small segments and retention
 * settings (their own random stream) and the brokers a fast retention check.
 */
import { runSwarm, type SwarmSummary } from './swarmRunner';

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function main(): number {
  const argv = process.argv.slice(2);
  const seeds = Number(argValue(argv, '--seeds') ?? '100');
  const start = Number(argValue(argv, '--start') ?? '1');
  const which = argValue(argv, '--truncation') ?? 'both';
  if (!Number.isInteger(seeds) || seeds < 1 || !Number.isInteger(start) || !['both', 'leader-epoch', 'high-watermark'].includes(which)) {
    process.stderr.write('usage: npm run sim:swarm -- --seeds N [--start S] [--truncation leader-epoch|high-watermark|both] [--safe] [--retention]\n');
    return 2;
  }
  const modes = which === 'both' ? (['leader-epoch', 'high-watermark'] as const) : [which as 'leader-epoch' | 'high-watermark'];
  let failed = false;
  for (const truncation of modes) {
    const summary: SwarmSummary = runSwarm({ seeds, start, truncation, safe: argv.includes('--safe'), retention: argv.includes('--retention') });
    for (const failure of summary.failures) {
      failed = true;
      process.stdout.write(`FAIL seed ${failure.seed} (${truncation}) after step ${failure.step}: ${failure.problems.join('; ')}\n`);
      process.stdout.write(`smallest failing prefix:\n${JSON.stringify(failure.prefix)}\n`);
    }
    const found = Object.entries(summary.anomalies).map(([type, count]) => `${type} ${count}`).join(', ') || 'none';
    process.stdout.write(`${truncation}${argv.includes('--safe') ? ' (safe)' : ''}${argv.includes('--retention') ? ' (retention)' : ''}: ${seeds} seeds from ${start}, ${summary.steps} steps, ${summary.failures.length} failing; anomalies in ${summary.scenariosWithAnomalies} runs: ${found}\n`);
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
