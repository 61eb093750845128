/**
 * kafka-configs.sh for topics: `ConfigCommand` (3.6 and 2.8 `core/src/main/scala/kafka/admin/
 * ConfigCommand.scala`). `--alter --entity-type topics --entity-name X --add-config k=v,…`
 * (`--delete-config k,…`) prints `Completed updating config for topic X.`; `--describe` prints
 * `Dynamic configs for topic X are:` and one `  name=value sensitive=false synonyms={…}` line per
 * override. An `IllegalArgumentException`, `InvalidConfigurationException` or joptsimple error
 * prints its message alone on stderr (exit 1); anything else `Error while executing config command
 * with args '…'` and the exception. Other entity types (brokers, users, clients, ips) are not
 * modelled. `--zookeeper` (accepted by both eras' parser) is taken as `--bootstrap-server`.
 */
import type { TopicConfig } from '../model/scenario';
import { findTopic } from '../simContext';
import { electLeaderlessPartitions } from '../protocol/controller';
import { ExitSignal, printUsageAndExit, type ToolRun } from './cliOutput';
import { JavaException, kafkaError } from './javaException';
import { parseOptions, type OptionSpec, type ParsedOptions } from './optionParser';
import { describeTopicConfigs, parseTopicConfigValue, topicConfigFrom } from './topicConfigs';

export const CONFIG_OPTIONS: OptionSpec[] = [
  { name: 'bootstrap-server', description: 'The Kafka server to connect to. This is required for describing and altering broker configs.', arg: { describedAs: 'server to connect to', type: 'String' } },
  { name: 'zookeeper', description: 'DEPRECATED. The connection string for the zookeeper connection in the form host:port. Multiple URLS can be given to allow fail-over. Required when configuring SCRAM credentials for users or dynamic broker configs when the relevant broker(s) are down. Not allowed otherwise.', arg: { describedAs: 'urls', type: 'String' } },
  { name: 'alter', description: 'Alter the configuration for the entity.' },
  { name: 'describe', description: 'List configs for the given entity.' },
  { name: 'entity-type', description: "Type of entity (topics/clients/users/brokers/broker-loggers/ips)", arg: { describedAs: 'entity type', type: 'String' } },
  { name: 'entity-name', description: 'Name of entity (topic name/client id/user principal name/broker id/ip)', arg: { describedAs: 'entity name', type: 'String' } },
  { name: 'topic', description: "The topic's name. If specified, --entity-name and --entity-type must not be used.", arg: { describedAs: 'topic', type: 'String' } },
  { name: 'add-config', description: 'Key Value pairs of configs to add. Square brackets can be used to group values which contain commas: \'k1=v1,k2=[v1,v2,v2],k3=v3\'.', arg: { describedAs: 'String', type: 'String' } },
  { name: 'delete-config', description: 'config keys to remove \'k1,k2\'', arg: { describedAs: 'String', type: 'String' } },
  { name: 'all', description: 'List all configs for the given topic, broker, or broker-logger entity (includes static configuration when the entity type is brokers)' },
];

function illegal(message: string): JavaException {
  return new JavaException('java.lang.IllegalArgumentException', message);
}

function topicName(o: ParsedOptions): string | undefined {
  if (o.has('topic')) return o.value('topic');
  const type = o.value('entity-type');
  if (type === undefined) throw illegal('At least one entity type must be specified');
  if (type !== 'topics') {
    if (['clients', 'users', 'brokers', 'broker-loggers', 'ips'].includes(type)) throw illegal(`Entity type ${type} is not modelled by this simulator: only topics`);
    throw illegal(`Invalid entity type ${type}, the entity type must be one of topics, clients, users, brokers, ips, broker-loggers with the --bootstrap-server argument`);
  }
  return o.value('entity-name');
}

function alter(run: ToolRun, o: ParsedOptions, name: string): void {
  const topic = findTopic(run.ctx.world, name);
  if (!topic) throw kafkaError('UNKNOWN_TOPIC_OR_PARTITION');
  const add = new Map<string, number | boolean>();
  for (const pair of (o.value('add-config') ?? '').split(',').filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    if (eq < 0) throw illegal(`Invalid config(s): ${pair}`);
    add.set(pair.slice(0, eq).trim(), parseTopicConfigValue(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()));
  }
  const remove = (o.value('delete-config') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const overrides = new Map<string, number | boolean>();
  for (const key of topic.overrides) if (!remove.includes(key)) overrides.set(key, topic.config[key as keyof TopicConfig]);
  for (const [key, value] of add) overrides.set(key, value);
  const wasUnclean = topic.config['unclean.leader.election.enable'];
  topic.config = topicConfigFrom(run.ctx.world, overrides);
  topic.overrides = [...overrides.keys()].sort();
  if (run.ctx.world.settings.cluster.metadata === 'zookeeper' && !wasUnclean && topic.config['unclean.leader.election.enable']) {
    electLeaderlessPartitions(run.ctx, topic.partitions);
  }
  run.out.println(`Completed updating config for topic ${name}.`);
}

function describe(run: ToolRun, o: ParsedOptions, name: string | undefined): void {
  const names = name !== undefined ? [name] : run.ctx.world.topics.map((t) => t.name);
  for (const n of names) {
    const topic = findTopic(run.ctx.world, n);
    if (!topic) throw kafkaError('UNKNOWN_TOPIC_OR_PARTITION', `The topic '${n}' does not exist.`);
    const all = o.has('all');
    run.out.println(`${all ? 'All' : 'Dynamic'} configs for topic ${n} are:`);
    for (const e of describeTopicConfigs(run.ctx.world, topic)) {
      if (!all && e.source !== 'DYNAMIC_TOPIC_CONFIG') continue;
      run.out.println(`  ${e.name}=${e.value} sensitive=false synonyms={${e.synonyms.join(', ')}}`);
    }
  }
}

export function configCommand(run: ToolRun): number {
  try {
    const o = parseOptions(CONFIG_OPTIONS, run.args);
    if (o.argumentCount === 0 || o.has('help')) printUsageAndExit(run, CONFIG_OPTIONS, 'This tool helps to manipulate and describe entity config for a topic, client, user, broker or ip');
    if (['alter', 'describe'].filter((a) => o.has(a)).length !== 1) printUsageAndExit(run, CONFIG_OPTIONS, 'Command must include exactly one action: --describe, --alter');
    const name = topicName(o);
    if (!o.has('bootstrap-server') && !o.has('zookeeper')) throw illegal('One of the required --bootstrap-server or --zookeeper arguments must be specified');
    if (o.has('bootstrap-server') && o.has('zookeeper')) throw illegal('Only one of --bootstrap-server or --zookeeper must be specified');
    if (o.has('zookeeper')) {
      run.out.println('Warning: --zookeeper is deprecated and will be removed in a future version of Kafka.');
      run.out.println('Use --bootstrap-server instead to specify a broker to connect to.');
    }
    if (o.has('alter')) {
      if (name === undefined) throw illegal('--entity-name or --entity-default must be specified with each --entity-type for --alter');
      if (!o.has('add-config') && !o.has('delete-config')) throw illegal('At least one of --add-config or --delete-config must be specified with --alter');
      alter(run, o, name);
    } else describe(run, o, name);
    return 0;
  } catch (error) {
    if (error instanceof ExitSignal) return error.code;
    const e = error instanceof JavaException ? error : new JavaException('java.lang.RuntimeException', String(error));
    if (/IllegalArgumentException|InvalidConfigurationException|joptsimple/.test(e.className)) {
      run.out.eprintln(e.message);
      return 1;
    }
    run.out.eprintln(`Error while executing config command with args '${run.args.join(' ')}'`);
    run.out.eprintln(`java.util.concurrent.ExecutionException: ${e.toString()}`);
    return 1;
  }
}
