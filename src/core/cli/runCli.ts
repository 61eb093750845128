/**
 * The `cli` step: one command line of the in-app Kafka CLI, run against the world at this
 * instant; what it prints goes into the report's `cli` (docs/scenario-format.md, "CLI").
 * The line is split as a shell would (tokenize.ts); the first word names the tool, with or
 * without a `bin/` path. A word that names no tool is the shell's `command not found` (127).
 */
import type { CliStep } from '../model/scenario';
import type { SimContext } from '../simContext';
import { CliOutput, type ToolRun } from './cliOutput';
import { consoleProducer } from './consoleProducer';
import { consoleConsumer } from './consoleConsumer';
import { consumerGroupCommand } from './consumerGroupCommand';
import { leaderElectionCommand } from './leaderElectionCommand';
import { configCommand } from './configCommand';
import { tokenize } from './tokenize';
import { topicCommand } from './topicCommand';

export const TOOLS: Record<string, (run: ToolRun) => number> = {
  'kafka-topics.sh': topicCommand,
  'kafka-console-producer.sh': consoleProducer,
  'kafka-console-consumer.sh': consoleConsumer,
  'kafka-consumer-groups.sh': consumerGroupCommand,
  'kafka-configs.sh': configCommand,
  'kafka-leader-election.sh': leaderElectionCommand,
};

/** The tool a word names (`kafka-topics.sh`, `bin/kafka-topics.sh`, `./bin/…`), or null. */
export function toolName(word: string): string | null {
  const base = word.slice(word.lastIndexOf('/') + 1);
  return base in TOOLS ? base : null;
}

/** Runs one command line; returns what it printed and its exit code. */
export function runCommand(ctx: SimContext, command: string, input: string[], stepIndex: number): { stdout: string; stderr: string; exitCode: number } {
  const out = new CliOutput();
  const tokens = tokenize(command);
  if (!tokens.ok) return { stdout: '', stderr: `bash: ${tokens.error}\n`, exitCode: 2 };
  if (tokens.words.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
  const [first, ...args] = tokens.words;
  const tool = toolName(first);
  if (tool === null) return { stdout: '', stderr: `bash: ${first}: command not found\n`, exitCode: 127 };
  const exitCode = TOOLS[tool]({ ctx, stepIndex, input, out, args, commandLine: command });
  return { stdout: out.stdout, stderr: out.stderr, exitCode };
}

export function cliStep(ctx: SimContext, step: CliStep, stepIndex: number): void {
  const result = runCommand(ctx, step.command, step.input, stepIndex);
  ctx.world.cli.push({ step: stepIndex, command: step.command, ...result });
}
