/**
 * The options of kafka-consumer-groups.sh (`ConsumerGroupCommand.ConsumerGroupCommandOptions`,
 * 3.6.2 and 2.8.2 `core/src/main/scala/kafka/admin/ConsumerGroupCommand.scala`), apart from the
 * tool so that Tab completion can list them without loading it. `members`, `verbose` and
 * `offsets` are `availableIf(describe)`; `state` is `availableIf(describe, list)` with an
 * optional argument.
 */
import type { OptionSpec } from './optionParser';

export function consumerGroupOptions(era: 'kraft' | 'zookeeper'): OptionSpec[] {
  const resetDoc = era === 'kraft'
    ? 'Reset offsets of consumer group. Supports one consumer group at the time, and instances should be inactive\nHas 2 execution options: --dry-run (the default) to plan which offsets to reset, and --execute to update the offsets. Additionally, the --export option is used to export the results to a CSV format.\nYou must choose one of the following reset specifications: --to-datetime, --by-duration, --to-earliest, --to-latest, --shift-by, --from-file, --to-current, --to-offset.\nTo define the scope use --all-topics or --topic. One scope must be specified unless you use \'--from-file\'.'
    : 'Reset offsets of consumer group. Supports one consumer group at the time, and instances should be inactive\nHas 2 execution options: --dry-run (the default) to plan which offsets to reset, and --execute to update the offsets. Additionally, the --export option is used to export the results to a CSV format.\nYou must choose one of the following reset specifications: --to-datetime, --by-period, --to-earliest, --to-latest, --shift-by, --from-file, --to-current.\nTo define the scope use --all-topics or --topic. One scope must be specified unless you use \'--from-file\'.';
  return [
    { name: 'bootstrap-server', description: 'REQUIRED: The server(s) to connect to.', arg: { describedAs: 'server to connect to', type: 'String' } },
    { name: 'group', description: 'The consumer group we wish to act on.', arg: { describedAs: 'consumer group', type: 'String' } },
    { name: 'topic', description: 'The topic whose consumer group information should be deleted or topic whose should be included in the reset offset process. In `reset-offsets` case, partitions can be specified using this format: `topic1:0,1,2`, where 0,1,2 are the partition to be included in the process. Reset-offsets also supports multiple topic inputs.', arg: { describedAs: 'topic', type: 'String' } },
    { name: 'all-topics', description: 'Consider all topics assigned to a group in the `reset-offsets` process.' },
    { name: 'list', description: 'List all consumer groups.' },
    { name: 'describe', description: 'Describe consumer group and list offset lag (number of messages not yet processed) related to given group.' },
    { name: 'all-groups', description: 'Apply to all consumer groups.' },
    { name: 'delete', description: 'Pass in groups to delete topic partition offsets and ownership information over the entire consumer group. For instance --group g1 --group g2' },
    { name: 'timeout', description: 'The timeout that can be set for some use cases. For example, it can be used when describing the group to specify the maximum amount of time in milliseconds to wait before the group stabilizes (when the group is just created, or is going through some changes).', arg: { describedAs: 'timeout (ms)', type: 'Long', defaultsTo: '5000' } },
    { name: 'command-config', description: 'Property file containing configs to be passed to Admin Client and Consumer.', arg: { describedAs: 'command config property file', type: 'String' } },
    { name: 'reset-offsets', description: resetDoc },
    { name: 'delete-offsets', description: 'Delete offsets of consumer group. Supports one consumer group at the time, and multiple topics.' },
    { name: 'dry-run', description: 'Only show results without executing changes on Consumer Groups. Supported operations: reset-offsets.' },
    { name: 'execute', description: 'Execute operation. Supported operations: reset-offsets.' },
    { name: 'export', description: 'Export operation execution to a CSV file. Supported operations: reset-offsets.' },
    { name: 'to-offset', description: 'Reset offsets to a specific offset.', arg: { describedAs: 'offset', type: 'Long' } },
    { name: 'from-file', description: 'Reset offsets to values defined in CSV file.', arg: { describedAs: 'path to CSV file', type: 'String' } },
    { name: 'to-datetime', description: "Reset offsets to offset from datetime. Format: 'YYYY-MM-DDTHH:mm:SS.sss'", arg: { describedAs: 'datetime', type: 'String' } },
    { name: 'by-duration', description: "Reset offsets to offset by duration from current timestamp. Format: 'PnDTnHnMnS'", arg: { describedAs: 'duration', type: 'String' } },
    { name: 'to-earliest', description: 'Reset offsets to earliest offset.' },
    { name: 'to-latest', description: 'Reset offsets to latest offset.' },
    { name: 'to-current', description: 'Reset offsets to current offset.' },
    { name: 'shift-by', description: "Reset offsets shifting current offset by 'n', where 'n' can be positive or negative.", arg: { describedAs: 'number-of-offsets', type: 'Long' } },
    { name: 'members', description: "Describe members of the group. This option may be used with '--describe' and '--bootstrap-server' options only.\nExample: --bootstrap-server localhost:9092 --describe --group group1 --members", availableIf: ['describe'] },
    { name: 'verbose', description: "Provide additional information, if any, when describing the group. This option may be used with '--offsets'/'--members'/'--state' and '--bootstrap-server' options only.\nExample: --bootstrap-server localhost:9092 --describe --group group1 --members --verbose", availableIf: ['describe'] },
    { name: 'offsets', description: "Describe the group and list all topic partitions in the group along with their offset lag. This is the default sub-action of and may be used with '--describe' and '--bootstrap-server' options only.\nExample: --bootstrap-server localhost:9092 --describe --group group1 --offsets", availableIf: ['describe'] },
    { name: 'state', description: "When specified with '--describe', includes the state of the group.\nExample: --bootstrap-server localhost:9092 --describe --group group1 --state\nWhen specified with '--list', it displays the state of all groups. It can also be used to list groups with specific states.\nExample: --bootstrap-server localhost:9092 --list --state stable,empty\nThis option may be used with '--describe', '--list' and '--bootstrap-server' options only.", optionalArg: { type: 'String' }, availableIf: ['describe', 'list'] },
  ];
}

