/**
 * kafka-topics.sh's options as `TopicCommandOptions` declares them (3.6 and 2.8
 * `core/src/main/scala/kafka/admin/TopicCommand.scala`), apart from the command itself so that
 * validation (`createdTopic.ts`) reads a command line without loading the tool.
 */
import type { OptionSpec } from './optionParser';

export function topicOptions(era: 'kraft' | 'zookeeper'): OptionSpec[] {
  const specs: OptionSpec[] = [
    { name: 'bootstrap-server', description: era === 'kraft' ? 'REQUIRED: The Kafka server to connect to.' : "REQUIRED: The Kafka server to connect to. In case of providing this, a direct Zookeeper connection won't be required.", arg: { describedAs: 'server to connect to', type: 'String' } },
    { name: 'command-config', description: 'Property file containing configs to be passed to Admin Client. This is used only with --bootstrap-server option for describing and altering broker configs.', arg: { describedAs: 'command config property file', type: 'String' } },
    { name: 'list', description: 'List all available topics.' },
    { name: 'create', description: 'Create a new topic.' },
    { name: 'delete', description: 'Delete a topic' },
    { name: 'alter', description: era === 'kraft' ? 'Alter the number of partitions and replica assignment. Update the configuration of an existing topic via --alter is no longer supported here (the kafka-configs CLI supports altering topic configs with a --bootstrap-server option).' : 'Alter the number of partitions, replica assignment, and/or configuration for the topic.' },
    { name: 'describe', description: 'List details for the given topics.' },
    { name: 'topic', description: 'The topic to create, alter, describe or delete. It also accepts a regular expression, except for --create option. Put topic name in double quotes and use the \'\\\' prefix to escape regular expression symbols; e.g. "test\\.topic".', arg: { describedAs: 'topic', type: 'String' } },
    { name: 'config', description: 'A topic configuration override for the topic being created or altered.', arg: { describedAs: 'name=value', type: 'String' } },
    { name: 'delete-config', description: 'A topic configuration override to be removed for an existing topic (see the list of configurations under the --config option). Not supported with the --bootstrap-server option.', arg: { describedAs: 'name', type: 'String' } },
    { name: 'partitions', description: 'The number of partitions for the topic being created or altered (WARNING: If partitions are increased for a topic that has a key, the partition logic or ordering of the messages will be affected). If not supplied for create, defaults to the cluster default.', arg: { describedAs: '# of partitions', type: 'Integer' } },
    { name: 'replication-factor', description: 'The replication factor for each partition in the topic being created. If not supplied, defaults to the cluster default.', arg: { describedAs: 'replication factor', type: 'Integer' } },
    { name: 'replica-assignment', description: 'A list of manual partition-to-broker assignments for the topic being created or altered.', arg: { describedAs: 'broker_id_for_part1_replica1 : broker_id_for_part1_replica2 , broker_id_for_part2_replica1 : broker_id_for_part2_replica2 , ...', type: 'String' } },
    { name: 'under-replicated-partitions', description: 'if set when describing topics, only show under replicated partitions' },
    { name: 'unavailable-partitions', description: 'if set when describing topics, only show partitions whose leader is not available' },
    { name: 'under-min-isr-partitions', description: 'if set when describing topics, only show partitions whose isr count is less than the configured minimum.' },
    { name: 'at-min-isr-partitions', description: 'if set when describing topics, only show partitions whose isr count is equal to the configured minimum.' },
    { name: 'topics-with-overrides', description: 'if set when describing topics, only show topics that have overridden configs' },
    { name: 'if-exists', description: 'if set when altering or deleting or describing topics, the action will only execute if the topic exists.' },
    { name: 'if-not-exists', description: 'if set when creating topics, the action will only execute if the topic does not already exist.' },
    { name: 'exclude-internal', description: 'exclude internal topics when running list or describe command. The internal topics will be listed by default' },
  ];
  if (era === 'kraft') {
    specs.push({ name: 'topic-id', description: 'The topic-id to describe.This is used only with --bootstrap-server option for describing topics.', arg: { describedAs: 'topic-id', type: 'String' } });
  } else {
    specs.push(
      { name: 'zookeeper', description: 'DEPRECATED, The connection string for the zookeeper connection in the form host:port. Multiple hosts can be given to allow fail-over.', arg: { describedAs: 'hosts', type: 'String' } },
      { name: 'disable-rack-aware', description: 'Disable rack aware replica assignment' },
      { name: 'force', description: 'Suppress console prompts' },
    );
  }
  return specs;
}
