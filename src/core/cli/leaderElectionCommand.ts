/**
 * kafka-leader-election.sh: `LeaderElectionCommand` (3.6 and 2.8
 * `core/src/main/scala/kafka/admin/LeaderElectionCommand.scala`). `validate` throws
 * `AdminCommandFailedException`, which escapes `main` (exit 1). Results: `Successfully completed
 * leader election (PREFERRED) for partitions t-0, …`; `Valid replica already elected for
 * partitions …` (2.8 prints the succeeded set there, a bug fixed in 3.x: followed); failures
 * one line each, then `N replica(s) could not be elected` escapes. With
 * `--all-topic-partitions` partitions that need no election are left out of the answer in both
 * eras (3.6 `ReplicationControlManager.electLeaders`; 2.8 `KafkaApis.handleElectReplicaLeader`
 * filters ELECTION_NOT_NEEDED when the request names no partitions).
 *
 * `--election-type unclean` (`electLeaderByAdmin`): only a partition without a leader (2.8: or
 * whose leader is not live), from the ISR first, else the first available replica with the ISR
 * reduced to it. In `kraft` this tool is the only way to an unclean election: 3.6's controller
 * ignores `unclean.leader.election.enable`. A failure is ELIGIBLE_LEADERS_NOT_AVAILABLE, with 2.8's
 * StateChangeFailedException message or 3.6's default message.
 */
import type { PartitionState } from '../model/world';
import { electLeaderByAdmin } from '../protocol/controller';
import { ExitSignal, printUsageAndExit, uncaught, type ToolRun } from './cliOutput';
import { JavaException, kafkaError } from './javaException';
import { parseOptions, type OptionSpec } from './optionParser';

export const LEADER_ELECTION_OPTIONS: OptionSpec[] = [
  { name: 'bootstrap-server', description: 'A hostname and port for the broker to connect to, in the form host:port. Multiple comma separated URLs can be given. REQUIRED.', arg: { describedAs: 'host:port', type: 'String' } },
  { name: 'admin.config', description: 'Configuration properties files to pass to the admin client', arg: { describedAs: 'config file', type: 'String' } },
  { name: 'path-to-json-file', description: 'The JSON file with the list  of partition for which leader elections should be performed. Not allowed if --all-topic-partitions or --topic flags are specified.', arg: { describedAs: 'Path to JSON file', type: 'String' } },
  { name: 'topic', description: 'Name of topic for which to perform an election. Not allowed if --path-to-json-file or --all-topic-partitions is specified.', arg: { describedAs: 'topic name', type: 'String' } },
  { name: 'partition', description: 'Partition id for which to perform an election. REQUIRED if --topic is specified.', arg: { describedAs: 'partition id', type: 'Integer' } },
  { name: 'all-topic-partitions', description: 'Perform election on all of the eligible topic partitions based on the type of election (see the --election-type flag). Not allowed if --topic or --path-to-json-file is specified.' },
  { name: 'election-type', description: 'Type of election to attempt. Possible values are "preferred" for preferred leader election or "unclean" for unclean leader election. If preferred election is selection, the election is only performed if the current leader is not the preferred leader for the topic partition. If unclean election is selected, the election is only performed if there are no leader for the topic partition. REQUIRED.', arg: { describedAs: 'election type', type: 'String' } },
];

function failed(era: 'kraft' | 'zookeeper', message: string): JavaException {
  return new JavaException(era === 'kraft' ? 'org.apache.kafka.server.common.AdminCommandFailedException' : 'kafka.common.AdminCommandFailedException', message);
}

function electAll(run: ToolRun, type: 'preferred' | 'unclean', targets: { topic: string; partition: number }[] | null): number {
  const era = run.ctx.world.settings.cluster.metadata;
  const label = type.toUpperCase();
  const succeeded: string[] = [];
  const noop: string[] = [];
  const errors: [string, JavaException][] = [];
  const partitions: ({ topic: string; partition: number; state?: PartitionState })[] = targets
    ? targets.map((t) => ({ ...t, state: run.ctx.world.topics.find((x) => x.name === t.topic)?.partitions[t.partition] }))
    : run.ctx.world.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition, state: p })));
  for (const target of partitions) {
    const name = `${target.topic}-${target.partition}`;
    if (!target.state) {
      errors.push([name, kafkaError('UNKNOWN_TOPIC_OR_PARTITION', era === 'kraft' ? `No such partition as ${name}` : 'The partition does not exist.')]);
      continue;
    }
    const outcome = electLeaderByAdmin(run.ctx, target.state, type);
    if (outcome === 'elected') succeeded.push(name);
    else if (outcome === 'not-needed') {
      if (targets) noop.push(name);
    } else {
      const strategy = type === 'preferred' ? 'PreferredReplicaPartitionLeaderElectionStrategy' : 'OfflinePartitionLeaderElectionStrategy(true)';
      const message = era === 'kraft' ? undefined : `Failed to elect leader for partition ${name} under strategy ${strategy}`;
      errors.push([name, kafkaError(type === 'preferred' ? 'PREFERRED_LEADER_NOT_AVAILABLE' : 'ELIGIBLE_LEADERS_NOT_AVAILABLE', message)]);
    }
  }
  if (succeeded.length > 0) run.out.println(`Successfully completed leader election (${label}) for partitions ${succeeded.join(', ')}`);
  if (noop.length > 0) run.out.println(`Valid replica already elected for partitions ${(era === 'kraft' ? noop : succeeded).join(', ')}`);
  if (errors.length > 0) {
    for (const [name, e] of errors) run.out.println(`Error completing leader election (${label}) for partition: ${name}: ${e.toString()}`);
    throw failed(era, `${errors.length} replica(s) could not be elected`);
  }
  return 0;
}

export function leaderElectionCommand(run: ToolRun): number {
  const era = run.ctx.world.settings.cluster.metadata;
  try {
    const o = parseOptions(LEADER_ELECTION_OPTIONS, run.args);
    if (o.argumentCount === 0 || o.has('help')) {
      printUsageAndExit(run, LEADER_ELECTION_OPTIONS, 'This tool attempts to elect a new leader for a set of topic partitions. The type of elections supported are preferred replicas and unclean replicas.');
    }
    const missing = ['election-type', 'bootstrap-server'].filter((n) => !o.has(n));
    if (missing.length > 0) throw failed(era, `Missing required option(s): ${missing.join(', ')}`);
    if (['topic', 'all-topic-partitions', 'path-to-json-file'].filter((n) => o.has(n)).length !== 1) {
      throw failed(era, 'One and only one of the following options is required: topic, all-topic-partitions, path-to-json-file');
    }
    if (o.has('topic') && !o.has('partition')) throw failed(era, 'Missing required option(s): partition');
    if (!o.has('topic') && o.has('partition')) throw failed(era, 'Option partition is only allowed if topic is used');
    const typeText = (o.value('election-type') ?? '').toLowerCase();
    if (typeText !== 'preferred' && typeText !== 'unclean') {
      throw new JavaException('joptsimple.OptionArgumentConversionException', `Cannot parse argument '${o.value('election-type')}' of option election-type`);
    }
    if (o.has('path-to-json-file')) throw new JavaException('java.nio.file.NoSuchFileException', o.value('path-to-json-file') ?? '');
    const partition = o.integer('partition');
    const targets = o.has('topic') ? [{ topic: o.value('topic') ?? '', partition: partition ?? 0 }] : null;
    return electAll(run, typeText, targets);
  } catch (error) {
    if (error instanceof ExitSignal) return error.code;
    return uncaught(run, error);
  }
}
