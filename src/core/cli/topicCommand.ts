/**
 * kafka-topics.sh: `TopicCommand` (3.6 `core/src/main/scala/kafka/admin/TopicCommand.scala`;
 * 2.8 the same file with `ZookeeperTopicService` beside `AdminClientTopicService`).
 *
 * - Options are parsed first, outside `main`'s try: a joptsimple error or a failed `checkArgs`
 *   `IllegalArgumentException` escapes to the JVM (`Exception in thread "main" …`, exit 1); usage
 *   errors print the message and the help table on stderr (`printUsageAndExit`, exit 1).
 * - An action's error prints `Error while executing topic command : <message>` on stdout, logs
 *   the exception at ERROR on stderr, exit 1 (`TopicCommand.printException`).
 * - 3.6 has no `--zookeeper` (removed in 3.0): joptsimple's UnrecognizedOptionException.
 */
import { findTopic } from '../simContext';
import type { PartitionState, TopicState } from '../model/world';
import { addPartitionsNow, availableBrokers, createTopicNow, deleteTopicNow, placeAddedReplicas, placeReplicas } from '../protocol/topicAdmin';
import { ExitSignal, logLine, printUsageAndExit, uncaught, type ToolRun } from './cliOutput';
import { JavaException, kafkaError } from './javaException';
import { parseOptions, type OptionSpec, type ParsedOptions } from './optionParser';
import { topicOptions } from './topicOptions';

export { topicOptions };
import { describeTopicConfigs, parseConfigPairs, topicConfigFrom } from './topicConfigs';

const ACTIONS = ['create', 'list', 'alter', 'describe', 'delete'];
const REPORTS = ['under-replicated-partitions', 'under-min-isr-partitions', 'at-min-isr-partitions', 'unavailable-partitions'];


function era(run: ToolRun): 'kraft' | 'zookeeper' {
  return run.ctx.world.settings.cluster.metadata;
}

/** `CommandLineUtils.checkInvalidArgs`: `used` may not come with any of `invalid`. */
function checkInvalid(run: ToolRun, specs: OptionSpec[], o: ParsedOptions, used: string, invalid: string[]): void {
  if (!o.has(used)) return;
  for (const other of invalid) if (o.has(other)) printUsageAndExit(run, specs, `Option "[${used}]" can't be used with option "[${other}]"`);
}

function checkArgs(run: ToolRun, specs: OptionSpec[], o: ParsedOptions): void {
  if (o.argumentCount === 0) printUsageAndExit(run, specs, 'Create, delete, describe, or change a topic.');
  if (o.has('help')) printUsageAndExit(run, specs, 'This tool helps to create, delete, describe, or change a topic.');
  if (o.has('version')) {
    run.out.println(era(run) === 'kraft' ? '3.6.2' : '2.8.2');
    throw new ExitSignal(0);
  }
  if (ACTIONS.filter((a) => o.has(a)).length !== 1) {
    printUsageAndExit(run, specs, 'Command must include exactly one action: --list, --describe, --create, --alter or --delete');
  }
  if (era(run) === 'kraft') {
    if (!o.has('bootstrap-server')) throw new JavaException('java.lang.IllegalArgumentException', '--bootstrap-server must be specified');
  } else if (o.has('bootstrap-server') === o.has('zookeeper')) {
    throw new JavaException('java.lang.IllegalArgumentException', 'Only one of --bootstrap-server or --zookeeper must be specified');
  }
  const required = (name: string) => {
    if (!o.has(name)) printUsageAndExit(run, specs, `Missing required argument "[${name}]"`);
  };
  if (!o.has('list') && !o.has('describe')) required('topic');
  if (o.has('create') && !o.has('replica-assignment') && o.has('zookeeper')) {
    required('partitions');
    required('replication-factor');
  }
  if (o.has('alter') && o.has('bootstrap-server')) {
    if (o.has('config')) printUsageAndExit(run, specs, 'Option combination "[bootstrap-server],[config]" can\'t be used with option "[alter]" (the kafka-configs CLI supports altering topic configs with a --bootstrap-server option)');
    required('partitions');
  }
  const others = (keep: string[]) => ACTIONS.filter((a) => !keep.includes(a));
  checkInvalid(run, specs, o, 'config', others(['alter', 'create']));
  checkInvalid(run, specs, o, 'delete-config', [...others(['alter']), 'bootstrap-server']);
  checkInvalid(run, specs, o, 'partitions', others(['alter', 'create']));
  checkInvalid(run, specs, o, 'replication-factor', others(['create']));
  checkInvalid(run, specs, o, 'replica-assignment', others(['create', 'alter']));
  if (o.has('create')) checkInvalid(run, specs, o, 'replica-assignment', ['partitions', 'replication-factor']);
  for (const report of REPORTS) {
    const zk = era(run) === 'zookeeper' && (report === 'under-min-isr-partitions' || report === 'at-min-isr-partitions') ? ['zookeeper'] : [];
    checkInvalid(run, specs, o, report, [...others(['describe']), ...REPORTS.filter((r) => r !== report), 'topics-with-overrides', ...zk]);
  }
  checkInvalid(run, specs, o, 'topics-with-overrides', [...others(['describe']), ...REPORTS]);
  checkInvalid(run, specs, o, 'if-exists', others(['alter', 'delete', 'describe']));
  checkInvalid(run, specs, o, 'if-not-exists', others(['create']));
  checkInvalid(run, specs, o, 'exclude-internal', others(['list', 'describe']));
}

function isInternal(name: string): boolean {
  return name === '__consumer_offsets' || name === '__transaction_state';
}

/** `getTopics` with `IncludeList`: sorted names, `--topic` a regular expression matching whole names. */
function getTopics(run: ToolRun, pattern: string | undefined, excludeInternal: boolean): string[] {
  const all = run.ctx.world.topics.map((t) => t.name).sort();
  if (pattern === undefined) return all.filter((n) => !(excludeInternal && isInternal(n)));
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${pattern.trim().replace(/,/g, '|').replace(/"/g, '')})$`);
  } catch {
    return [];
  }
  return all.filter((n) => regex.test(n) && !(excludeInternal && isInternal(n)));
}

function ensureTopicExists(found: string[], requested: string | undefined, required: boolean): void {
  if (requested !== undefined && required && found.length === 0) {
    throw new JavaException('java.lang.IllegalArgumentException', `Topic '${requested}' does not exist as expected`);
  }
}

/** `TopicCommand.parseReplicaAssignment`: `1:2:3,2:3:1`. */
function parseReplicaAssignment(text: string): number[][] {
  const result: number[][] = [];
  text.split(',').forEach((list, i) => {
    const brokers = list.split(':').map((s) => {
      const t = s.trim();
      if (!/^[+-]?\d+$/.test(t)) throw new JavaException('java.lang.NumberFormatException', `For input string: "${t}"`);
      return Number(t);
    });
    const dups = [...new Set(brokers.filter((b, j) => brokers.indexOf(b) !== j))];
    if (dups.length > 0) throw new JavaException('org.apache.kafka.server.common.AdminCommandFailedException', `Partition replica lists may not contain duplicate entries: ${dups.join(',')}`);
    result.push(brokers);
    if (brokers.length !== result[0].length) throw new JavaException('org.apache.kafka.server.common.AdminOperationException', `Partition ${i} has different replication factor: [I@${(i + 1).toString(16)}`);
  });
  return result;
}

/** Topic.validate (both eras): legal names only. */
function validateTopicName(name: string): void {
  const illegal = (message: string) => new JavaException('org.apache.kafka.common.errors.InvalidTopicException', message);
  if (name.length === 0) throw illegal('Topic name is illegal, it can\'t be empty');
  if (name === '.' || name === '..') throw illegal('Topic name cannot be "." or ".."');
  if (name.length > 249) throw illegal(`Topic name is illegal, it can't be longer than 249 characters, topic name: ${name}`);
  if (!/^[a-zA-Z0-9._-]+$/.test(name)) throw illegal(`Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`);
}

function assignmentFor(run: ToolRun, o: ParsedOptions, name: string): number[][] {
  const ids = run.ctx.world.brokers.map((b) => b.id);
  if (o.value('replica-assignment')) {
    const assignment = parseReplicaAssignment(o.value('replica-assignment') ?? '');
    for (const replicas of assignment) {
      const unknown = replicas.filter((b) => !ids.includes(b));
      if (unknown.length === 0) continue;
      if (era(run) === 'kraft') throw kafkaError('INVALID_REPLICA_ASSIGNMENT', `The manual partition assignment includes broker ${unknown[0]}, but no such broker is registered.`);
      throw kafkaError('INVALID_REPLICA_ASSIGNMENT', `Unknown broker(s) in replica assignment: ${unknown.join(', ')}.`);
    }
    return assignment;
  }
  // Without them, the broker's num.partitions and default.replication.factor (both 1).
  const partitions = o.integer('partitions') ?? 1;
  const rf = o.integer('replication-factor') ?? 1;
  const available = availableBrokers(run.ctx);
  if (era(run) === 'kraft') {
    const prefix = `Unable to replicate the partition ${rf} time(s): `;
    if (available.length === 0) throw kafkaError('INVALID_REPLICATION_FACTOR', `${prefix}All brokers are currently fenced.`);
    if (rf > available.length) throw kafkaError('INVALID_REPLICATION_FACTOR', `${prefix}The target replication factor of ${rf} cannot be reached because only ${available.length} broker(s) are registered.`);
  } else if (rf > available.length) {
    throw kafkaError('INVALID_REPLICATION_FACTOR', `Replication factor: ${rf} larger than available brokers: ${available.length}.`);
  }
  return placeReplicas(run.ctx, name, partitions, rf);
}

function createTopic(run: ToolRun, o: ParsedOptions): void {
  const name = o.value('topic') ?? '';
  const rf = o.integer('replication-factor');
  const partitions = o.integer('partitions');
  const configs = parseConfigPairs(o.values('config'), true);
  if (rf !== undefined && (rf > 32767 || rf < 1)) throw new JavaException('java.lang.IllegalArgumentException', 'The replication factor must be between 1 and 32767 inclusive');
  if (partitions !== undefined && partitions < 1) throw new JavaException('java.lang.IllegalArgumentException', 'The partitions must be greater than 0');
  if (/[._]/.test(name)) run.out.println("WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.");
  validateTopicName(name);
  if (findTopic(run.ctx.world, name)) {
    if (o.has('if-not-exists')) return;
    throw new JavaException('org.apache.kafka.common.errors.TopicExistsException', `Topic '${name}' already exists.`);
  }
  const collides = run.ctx.world.topics.filter((t) => t.name.replace(/\./g, '_') === name.replace(/\./g, '_'));
  if (collides.length > 0) throw new JavaException('org.apache.kafka.common.errors.InvalidTopicException', `Topic '${name}' collides with existing topics: ${collides.map((t) => t.name).join(', ')}`);
  const assignment = assignmentFor(run, o, name);
  if (assignment.reduce((n, _) => n + 1, 0) + run.ctx.world.topics.reduce((n, t) => n + t.partitions.length, 0) > 1024) {
    throw kafkaError('INVALID_PARTITIONS', 'The simulator holds at most 1,024 partitions in all.');
  }
  createTopicNow(run.ctx, name, assignment, topicConfigFrom(run.ctx.world, configs), [...configs.keys()]);
  run.out.println(`Created topic ${name}.`);
}

function listTopics(run: ToolRun, o: ParsedOptions): void {
  const topics = getTopics(run, o.value('topic'), o.has('exclude-internal'));
  if (o.has('zookeeper')) {
    for (const name of topics) run.out.println(findTopic(run.ctx.world, name)?.markedForDeletion ? `${name} - marked for deletion` : name);
    return;
  }
  run.out.println(topics.join('\n'));
}

function alterTopic(run: ToolRun, o: ParsedOptions): void {
  const topics = getTopics(run, o.value('topic'), o.has('exclude-internal'));
  ensureTopicExists(topics, o.value('topic'), !o.has('if-exists'));
  for (const name of topics) {
    const topic = findTopic(run.ctx.world, name) as TopicState;
    const wanted = o.integer('partitions');
    if (wanted === undefined) continue;
    if (o.has('zookeeper')) {
      if (isInternal(name)) throw new JavaException('java.lang.IllegalArgumentException', `The number of partitions for the internal topic ${name} cannot be changed.`);
      run.out.println('WARNING: If partitions are increased for a topic that has a key, the partition logic or ordering of the messages will be affected');
    }
    const current = topic.partitions.length;
    if (wanted <= current) {
      const message = wanted === current ? `Topic already has ${current} partitions.` : `Topic currently has ${current} partitions, which is higher than the requested ${wanted}.`;
      throw kafkaError('INVALID_PARTITIONS', message);
    }
    const explicit = o.value('replica-assignment') ? parseReplicaAssignment(o.value('replica-assignment') ?? '').slice(current) : null;
    const added = explicit ?? placeAddedReplicas(run.ctx, name, topic.partitions.map((p) => p.replicas), wanted - current);
    addPartitionsNow(run.ctx, topic, added);
    if (o.has('zookeeper')) run.out.println('Adding partitions succeeded!');
  }
}

function partitionLine(p: PartitionState, markedForDeletion: boolean): string {
  return `\tTopic: ${p.topic}\tPartition: ${p.partition}\tLeader: ${p.leader === null ? 'none' : p.leader}\tReplicas: ${p.replicas.join(',')}\tIsr: ${p.isr.join(',')}${markedForDeletion ? '\tMarkedForDeletion: true' : ''}`;
}

function describeTopic(run: ToolRun, o: ParsedOptions): void {
  const topics = getTopics(run, o.value('topic'), o.has('exclude-internal'));
  ensureTopicExists(topics, o.value('topic'), !o.has('if-exists'));
  const viaZk = o.has('zookeeper');
  const live = new Set(availableBrokers(run.ctx));
  const reports = REPORTS.filter((r) => o.has(r));
  const describeConfigs = reports.length === 0;
  for (const name of topics) {
    const topic = findTopic(run.ctx.world, name) as TopicState;
    const entries = describeTopicConfigs(run.ctx.world, topic);
    // Through ZooKeeper only the topic's own overrides are read (`fetchEntityConfig`).
    const shown = entries.filter((e) => (viaZk ? e.source === 'DYNAMIC_TOPIC_CONFIG' : e.source !== 'DEFAULT_CONFIG'));
    if (describeConfigs && (!o.has('topics-with-overrides') || shown.length > 0)) {
      const configs = shown.map((e) => `${e.name}=${e.value}`).join(',');
      run.out.println(`Topic: ${name}\tTopicId: ${topic.topicId}\tPartitionCount: ${topic.partitions.length}\tReplicationFactor: ${topic.partitions[0].replicas.length}\tConfigs: ${configs}${topic.markedForDeletion ? '\tMarkedForDeletion: true' : ''}`);
    }
    if (o.has('topics-with-overrides')) continue;
    const minIsr = viaZk ? null : topic.config['min.insync.replicas'];
    for (const p of topic.partitions) {
      const show = describeConfigs
        || (o.has('under-replicated-partitions') && p.replicas.length - p.isr.length > 0)
        || (o.has('unavailable-partitions') && (p.leader === null || !live.has(p.leader)))
        || (o.has('under-min-isr-partitions') && (p.leader === null || (minIsr !== null && p.isr.length < minIsr)))
        || (o.has('at-min-isr-partitions') && minIsr !== null && p.isr.length === minIsr);
      if (show) run.out.println(partitionLine(p, topic.markedForDeletion));
    }
  }
}

function deleteTopic(run: ToolRun, o: ParsedOptions): void {
  const topics = getTopics(run, o.value('topic'), o.has('exclude-internal'));
  ensureTopicExists(topics, o.value('topic'), !o.has('if-exists'));
  const enabled = run.ctx.world.settings.cluster.config['delete.topic.enable'];
  if (o.has('zookeeper')) {
    // 2.8 `ZookeeperTopicService.deleteTopic`: writes /admin/delete_topics/<topic>; the controller
    // deletes it only when delete.topic.enable is true.
    for (const name of topics) {
      const topic = findTopic(run.ctx.world, name) as TopicState;
      if (isInternal(name)) throw new JavaException('org.apache.kafka.server.common.AdminOperationException', `Topic ${name} is a kafka internal topic and is not allowed to be marked for deletion.`);
      if (topic.markedForDeletion) {
        run.out.println(`Topic ${name} is already marked for deletion.`);
        continue;
      }
      run.out.println(`Topic ${name} is marked for deletion.`);
      run.out.println('Note: This will have no impact if delete.topic.enable is not set to true.');
      if (enabled) deleteTopicNow(run.ctx, name);
      else topic.markedForDeletion = true;
    }
    return;
  }
  if (topics.length > 0 && !enabled) throw kafkaError('TOPIC_DELETION_DISABLED');
  for (const name of topics) deleteTopicNow(run.ctx, name);
}

export function topicCommand(run: ToolRun): number {
  const specs = topicOptions(era(run));
  let o: ParsedOptions;
  try {
    o = parseOptions(specs, run.args);
    checkArgs(run, specs, o);
  } catch (error) {
    if (error instanceof ExitSignal) return error.code;
    return uncaught(run, error);
  }
  try {
    if (o.has('create')) createTopic(run, o);
    else if (o.has('alter')) alterTopic(run, o);
    else if (o.has('list')) listTopics(run, o);
    else if (o.has('describe')) describeTopic(run, o);
    else if (o.has('delete')) deleteTopic(run, o);
    return 0;
  } catch (error) {
    if (error instanceof ExitSignal) return error.code;
    const e = error instanceof JavaException ? error : new JavaException('java.lang.RuntimeException', String(error));
    run.out.println(`Error while executing topic command : ${e.message}`);
    logLine(run, 'ERROR', `${e.toString()}\n`, 'kafka.admin.TopicCommand$');
    return 1;
  }
}
