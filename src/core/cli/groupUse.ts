/**
 * The validation side of the consumer tools (docs/scenario-format.md, Validation and Limits): a
 * `cli` step whose tool finds a group coordinator (FindCoordinator creates `__consumer_offsets`
 * on first use) counts as a group step for the partition limit: kafka-console-consumer.sh without
 * `--partition` (it subscribes, with its own group or a generated one), and
 * kafka-consumer-groups.sh `--describe`, `--delete`, `--reset-offsets` or `--delete-offsets`.
 * Read statically from the command line, whether or not the command will succeed. Group names
 * need no declaration: a later step may name a group an earlier `cli` step created, as it may
 * any group.
 *
 * Validation is in the first page's bundle, the tools are not: so this file keeps only the
 * options' names (joptsimple needs them all to resolve abbreviations) and their shapes, and
 * `groupUse.test.ts` checks them against the tools' own option lists.
 */
import { parseOptions, type OptionSpec } from './optionParser';
import { tokenize } from './tokenize';

/** Both eras' options: [names taking an argument, names without, names with an optional argument]. */
export const CONSOLE_CONSUMER_SHAPE: [string[], string[], string[]] = [
  ['topic', 'whitelist', 'include', 'partition', 'offset', 'consumer-property', 'consumer.config', 'formatter', 'property', 'formatter-config',
    'max-messages', 'timeout-ms', 'bootstrap-server', 'key-deserializer', 'value-deserializer', 'isolation-level', 'group'],
  ['from-beginning', 'skip-message-on-error', 'enable-systest-events'],
  [],
];
export const CONSUMER_GROUPS_SHAPE: [string[], string[], string[]] = [
  ['bootstrap-server', 'group', 'topic', 'timeout', 'command-config', 'to-offset', 'from-file', 'to-datetime', 'by-duration', 'shift-by'],
  ['all-topics', 'list', 'describe', 'all-groups', 'delete', 'reset-offsets', 'delete-offsets', 'dry-run', 'execute', 'export', 'to-earliest',
    'to-latest', 'to-current', 'members', 'verbose', 'offsets'],
  ['state'],
];

function specsOf([withArg, flags, optional]: [string[], string[], string[]]): OptionSpec[] {
  return [
    ...withArg.map((name) => ({ name, description: '', arg: { describedAs: '', type: 'String' as const } })),
    ...flags.map((name) => ({ name, description: '' })),
    ...optional.map((name) => ({ name, description: '', optionalArg: { type: 'String' as const } })),
  ];
}

export function usesGroupCoordinator(command: string): boolean {
  const tokens = tokenize(command);
  if (!tokens.ok || tokens.words.length === 0) return false;
  const tool = tokens.words[0].slice(tokens.words[0].lastIndexOf('/') + 1);
  try {
    if (tool === 'kafka-console-consumer.sh') return !parseOptions(specsOf(CONSOLE_CONSUMER_SHAPE), tokens.words.slice(1)).has('partition');
    if (tool === 'kafka-consumer-groups.sh') {
      const o = parseOptions(specsOf(CONSUMER_GROUPS_SHAPE), tokens.words.slice(1));
      return o.has('describe') || o.has('delete') || o.has('reset-offsets') || o.has('delete-offsets');
    }
  } catch {
    return false;
  }
  return false;
}
