/**
 * The validation side of the consumer tools (docs/scenario-format.md, Validation and Limits): a
 * `cli` step whose tool finds a group coordinator (FindCoordinator creates `__consumer_offsets`
 * on first use) counts as a group step for the partition limit: kafka-console-consumer.sh without
 * `--partition` (it subscribes, with its own group or a generated one), and
 * kafka-consumer-groups.sh `--describe`, `--delete` or `--reset-offsets`. Read statically from
 * the command line, whether or not the command will succeed. Group names need no declaration:
 * a later step may name a group an earlier `cli` step created, as it may any group.
 */
import { parseOptions } from './optionParser';
import { tokenize } from './tokenize';
import { consumerOptions } from './consoleConsumerOptions';
import { consumerGroupOptions } from './consumerGroupOptions';

export function usesGroupCoordinator(command: string): boolean {
  const tokens = tokenize(command);
  if (!tokens.ok || tokens.words.length === 0) return false;
  const tool = tokens.words[0].slice(tokens.words[0].lastIndexOf('/') + 1);
  try {
    if (tool === 'kafka-console-consumer.sh') {
      const o = parseOptions(consumerOptions('kraft'), tokens.words.slice(1));
      return !o.has('partition');
    }
    if (tool === 'kafka-consumer-groups.sh') {
      const o = parseOptions(consumerGroupOptions('kraft'), tokens.words.slice(1));
      return o.has('describe') || o.has('delete') || o.has('reset-offsets');
    }
  } catch {
    return false;
  }
  return false;
}
