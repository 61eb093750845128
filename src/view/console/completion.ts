/**
 * Tab completion for the console: the tool name first, then the tool's flags (`--…`), after
 * `--topic` a topic name and after `--group` a group name. Pure: (line, topics, era, groups) →
 * the completed line, or the line unchanged when nothing or more than one thing fits (then the
 * common prefix).
 */
import { TOOLS } from '../../core/cli/runCli';
import { topicOptions } from '../../core/cli/topicCommand';
import { producerOptions } from '../../core/cli/consoleProducer';
import { CONFIG_OPTIONS } from '../../core/cli/configCommand';
import { LEADER_ELECTION_OPTIONS } from '../../core/cli/leaderElectionCommand';
import { DEFAULT_OPTIONS } from '../../core/cli/optionParser';
import { consumerOptions } from '../../core/cli/consoleConsumerOptions';
import { consumerGroupOptions } from '../../core/cli/consumerGroupOptions';

type Era = 'kraft' | 'zookeeper';

function flagsOf(tool: string, era: Era): string[] {
  const specs = tool === 'kafka-topics.sh' ? topicOptions(era)
    : tool === 'kafka-console-producer.sh' ? producerOptions(era)
      : tool === 'kafka-configs.sh' ? CONFIG_OPTIONS
        : tool === 'kafka-leader-election.sh' ? LEADER_ELECTION_OPTIONS
          : tool === 'kafka-console-consumer.sh' ? consumerOptions(era)
            : tool === 'kafka-consumer-groups.sh' ? consumerGroupOptions(era) : [];
  return [...specs, ...DEFAULT_OPTIONS].map((s) => `--${s.name}`);
}

function commonPrefix(words: string[]): string {
  return words.reduce((prefix, w) => {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++;
    return prefix.slice(0, i);
  });
}

export function candidates(line: string, topics: string[], era: Era, groups: string[] = []): string[] {
  const words = line.split(/\s+/);
  const current = words[words.length - 1];
  if (words.length === 1) return Object.keys(TOOLS).filter((t) => t.startsWith(current));
  const previous = words[words.length - 2];
  if (previous === '--topic' || previous === '--entity-name') return topics.filter((t) => t.startsWith(current));
  if (previous === '--group') return groups.filter((g) => g.startsWith(current));
  const tool = words[0].slice(words[0].lastIndexOf('/') + 1);
  return flagsOf(tool, era).filter((f) => f.startsWith(current) && current.startsWith('-'));
}

export function complete(line: string, topics: string[], era: Era, groups: string[] = []): string {
  const found = [...new Set(candidates(line, topics, era, groups))].sort();
  if (found.length === 0) return line;
  const head = line.slice(0, line.length - (line.split(/\s+/).pop() ?? '').length);
  return found.length === 1 ? `${head}${found[0]} ` : `${head}${commonPrefix(found)}`;
}
