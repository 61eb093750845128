/** groupUse.ts keeps the consumer tools' option names for validation: they must be the tools' own. */
import { describe, expect, it } from 'vitest';
import type { OptionSpec } from './optionParser';
import { CONSOLE_CONSUMER_SHAPE, CONSUMER_GROUPS_SHAPE, usesGroupCoordinator } from './groupUse';
import { consumerOptions } from './consoleConsumerOptions';
import { consumerGroupOptions } from './consumerGroupOptions';

function shapeOf(...lists: OptionSpec[][]): [string[], string[], string[]] {
  const all = new Map(lists.flat().map((s) => [s.name, s]));
  const names = (f: (s: OptionSpec) => boolean) => [...all.values()].filter(f).map((s) => s.name).sort();
  return [names((s) => !!s.arg), names((s) => !s.arg && !s.optionalArg), names((s) => !!s.optionalArg)];
}
const sorted = (shape: [string[], string[], string[]]) => shape.map((l) => [...l].sort());

describe('the option names validation keeps', () => {
  it('are the tools\' own, both eras together', () => {
    expect(sorted(CONSOLE_CONSUMER_SHAPE)).toEqual(shapeOf(consumerOptions('kraft'), consumerOptions('zookeeper')));
    expect(sorted(CONSUMER_GROUPS_SHAPE)).toEqual(shapeOf(consumerGroupOptions('kraft'), consumerGroupOptions('zookeeper')));
  });

  it('tell which command lines find a coordinator (abbreviations resolved as joptsimple does)', () => {
    expect(usesGroupCoordinator('kafka-console-consumer.sh --bootstrap-server b --topic t')).toBe(true);
    expect(usesGroupCoordinator('kafka-console-consumer.sh --bootstrap-server b --topic t --part 0')).toBe(false);
    expect(usesGroupCoordinator('bin/kafka-consumer-groups.sh --bootstrap-server b --desc --group g')).toBe(true);
    expect(usesGroupCoordinator('kafka-consumer-groups.sh --bootstrap-server b --list --state')).toBe(false);
    expect(usesGroupCoordinator('kafka-consumer-groups.sh --bootstrap-server b --delete-offsets --group g --topic t')).toBe(true);
    expect(usesGroupCoordinator('kafka-topics.sh --bootstrap-server b --list')).toBe(false);
  });
});
