/**
 * The validation rule for topics made at run time (docs/scenario-format.md, Validation): a later
 * step may name a topic that an earlier `cli` step's `kafka-topics.sh --create --topic X` creates.
 * Read statically from the command line, whether or not the command will succeed.
 */
import { parseOptions } from './optionParser';
import { tokenize } from './tokenize';
import { topicOptions } from './topicOptions';

export function createdTopic(command: string): string | null {
  const tokens = tokenize(command);
  if (!tokens.ok || tokens.words.length === 0) return null;
  const tool = tokens.words[0].slice(tokens.words[0].lastIndexOf('/') + 1);
  if (tool !== 'kafka-topics.sh') return null;
  try {
    const o = parseOptions(topicOptions('zookeeper').concat(topicOptions('kraft').filter((s) => s.name === 'topic-id')), tokens.words.slice(1));
    return o.has('create') ? o.value('topic') ?? null : null;
  } catch {
    return null;
  }
}
