/**
 * The options of kafka-console-consumer.sh (`ConsoleConsumer.ConsumerConfig`, 3.6.2 and 2.8.2
 * `core/src/main/scala/kafka/tools/ConsoleConsumer.scala`), apart from the tool so that Tab
 * completion can list them without loading it.
 */
import type { OptionSpec } from './optionParser';

const PROPERTY_DOC = `The properties to initialize the message formatter. Default properties include:
 print.timestamp=true|false
 print.key=true|false
 print.offset=true|false
 print.partition=true|false
 print.headers=true|false
 print.value=true|false
 key.separator=<key.separator>
 line.separator=<line.separator>
 headers.separator=<line.separator>
 null.literal=<null.literal>
 key.deserializer=<key.deserializer>
 value.deserializer=<value.deserializer>
 header.deserializer=<header.deserializer>

Users can also pass in customized properties for their formatter; more specifically, users can pass in properties keyed with 'key.deserializer.', 'value.deserializer.' and 'headers.deserializer.' prefixes to configure their deserializers.`;

export function consumerOptions(era: 'kraft' | 'zookeeper'): OptionSpec[] {
  const kraft = era === 'kraft';
  const specs: OptionSpec[] = [
    { name: 'topic', description: kraft ? 'The topic to consume on.' : 'The topic id to consume on.', arg: { describedAs: 'topic', type: 'String' } },
    kraft
      ? { name: 'whitelist', description: 'DEPRECATED, use --include instead; ignored if --include specified. Regular expression specifying list of topics to include for consumption.', arg: { describedAs: 'Java regex (String)', type: 'String' } }
      : { name: 'whitelist', description: 'Regular expression specifying whitelist of topics to include for consumption.', arg: { describedAs: 'whitelist', type: 'String' } },
    { name: 'partition', description: "The partition to consume from. Consumption starts from the end of the partition unless '--offset' is specified.", arg: { describedAs: 'partition', type: 'Integer' } },
    { name: 'offset', description: `The offset ${kraft ? '' : 'id '}to consume from (a non-negative number), or 'earliest' which means from beginning, or 'latest' which means from end`, arg: { describedAs: 'consume offset', type: 'String', defaultsTo: 'latest' } },
    { name: 'consumer-property', description: 'A mechanism to pass user-defined properties in the form key=value to the consumer.', arg: { describedAs: 'consumer_prop', type: 'String' } },
    { name: 'consumer.config', description: 'Consumer config properties file. Note that [consumer-property] takes precedence over this config.', arg: { describedAs: 'config file', type: 'String' } },
    { name: 'formatter', description: 'The name of a class to use for formatting kafka messages for display.', arg: { describedAs: 'class', type: 'String', defaultsTo: 'kafka.tools.DefaultMessageFormatter' } },
    { name: 'property', description: PROPERTY_DOC, arg: { describedAs: 'prop', type: 'String' } },
    { name: 'from-beginning', description: 'If the consumer does not already have an established offset to consume from, start with the earliest message present in the log rather than the latest message.' },
    { name: 'max-messages', description: 'The maximum number of messages to consume before exiting. If not set, consumption is continual.', arg: { describedAs: 'num_messages', type: 'Integer' } },
    { name: 'timeout-ms', description: 'If specified, exit if no message is available for consumption for the specified interval.', arg: { describedAs: 'timeout_ms', type: 'Integer' } },
    { name: 'skip-message-on-error', description: 'If there is an error when processing a message, skip it instead of halt.' },
    { name: 'bootstrap-server', description: 'REQUIRED: The server(s) to connect to.', arg: { describedAs: 'server to connect to', type: 'String' } },
    { name: 'key-deserializer', description: '', arg: { describedAs: 'deserializer for key', type: 'String' } },
    { name: 'value-deserializer', description: '', arg: { describedAs: 'deserializer for values', type: 'String' } },
    { name: 'enable-systest-events', description: 'Log lifecycle events of the consumer in addition to logging consumed messages. (This is specific for system tests.)' },
    { name: 'isolation-level', description: 'Set to read_committed in order to filter out transactional messages which are not committed. Set to read_uncommitted to read all messages.', arg: { describedAs: '', type: 'String', defaultsTo: 'read_uncommitted' } },
    { name: 'group', description: 'The consumer group id of the consumer.', arg: { describedAs: 'consumer group id', type: 'String' } },
  ];
  if (kraft) {
    specs.push(
      { name: 'include', description: 'Regular expression specifying list of topics to include for consumption.', arg: { describedAs: 'Java regex (String)', type: 'String' } },
      { name: 'formatter-config', description: 'Config properties file to initialize the message formatter. Note that [property] takes precedence over this config.', arg: { describedAs: 'config file', type: 'String' } },
    );
  }
  return specs;
}
