/**
 * `kafka-consumer-groups.sh --delete-offsets --group g --topic t[:p,…]` (`ConsumerGroupService.
 * deleteOffsets`, 3.6.2 and 2.8.2 `ConsumerGroupCommand.scala`; the broker side is
 * `groupAdmin.deleteGroupOffsets`).
 *
 * A topic without partitions is described first: an unknown one becomes a row of its own
 * ("Not Provided") and is not sent. The first line says how the request as a whole went
 * (`Try(deleteResult.all.get)`: the group's error, else the first partition's), then a table of
 * every partition's outcome, sorted by topic name followed by the partition number as a string
 * (so `t10` sorts before `t2`, as Kafka's `sortBy(topic + partition.toString)` does).
 * Exit code 0 in every case that reaches the table.
 */
import type { ToolRun } from './cliOutput';
import type { ParsedOptions } from './optionParser';
import { JavaException, kafkaError } from './javaException';
import { findTopic } from '../simContext';
import { deleteGroupOffsets, type OffsetDeleteError } from '../protocol/groups/groupAdmin';
import { compareJavaStrings, type TopicPartition } from '../protocol/groups/topicPartition';
import { col, printError } from './consumerGroupDescribe';
import { parseTopicWithPartitions } from './consumerGroupReset';

export function deleteOffsets(run: ToolRun, o: ParsedOptions): void {
  const groupId = o.value('group') ?? '';
  const topics = o.values('topic');
  // `partitionLevelResult`: keyed by TopicPartition (an unknown topic as partition -1).
  const rows = new Map<string, { topic: string; partition: number; error: OffsetDeleteError | null }>();
  const key = (tp: TopicPartition) => JSON.stringify([tp.topic, tp.partition]);
  const known = topics.filter((t) => t.includes(':')).flatMap((arg) => parseTopicWithPartitions(run, arg));
  const described: TopicPartition[] = [];
  for (const topic of topics.filter((t) => !t.includes(':'))) {
    const t = findTopic(run.ctx.world, topic);
    if (!t) rows.set(key({ topic, partition: -1 }), { topic, partition: -1, error: 'UNKNOWN_TOPIC_OR_PARTITION' });
    else t.partitions.forEach((p) => described.push({ topic, partition: p.partition }));
  }
  // `partitions.toSet`: each partition once.
  const partitions = [...new Map([...known, ...described].map((tp) => [key(tp), tp])).values()];
  const result = deleteGroupOffsets(run.ctx, groupId, partitions);
  if (result.error === 'COORDINATOR_NOT_AVAILABLE') throw new JavaException('java.util.concurrent.ExecutionException', kafkaError('COORDINATOR_NOT_AVAILABLE').toString());
  const byPartition = new Map(result.partitions.map(([tp, error]) => [key(tp), error]));
  const top = result.error ?? partitions.map((tp) => byPartition.get(key(tp)) ?? null).find((e) => e !== null) ?? null;
  if (top === null) run.out.println(`Request succeed for deleting offsets with topic ${topics.join(', ')} group ${groupId}`);
  else if (top === 'GROUP_ID_NOT_FOUND') printError(run, `'${groupId}' does not exist.`);
  else if (top === 'NON_EMPTY_GROUP') printError(run, `Deleting offsets of a consumer group '${groupId}' is forbidden if the group is not empty.`);
  else printError(run, 'Encounter some partition level error, see the follow-up details:');
  // A group error fails every partition's future with it.
  for (const tp of partitions) rows.set(key(tp), { ...tp, error: result.error ?? byPartition.get(key(tp)) ?? null });
  run.out.println(`\n${col('TOPIC', 30)} ${col('PARTITION', 15)} ${col('STATUS', 15)}`);
  const sorted = [...rows.values()].sort((a, b) => compareJavaStrings(a.topic + String(a.partition), b.topic + String(b.partition)));
  for (const { topic, partition, error } of sorted) {
    // `Error: ${e.getMessage}` of the ExecutionException: the cause's toString.
    const status = error === null ? 'Successful' : `Error: ${kafkaError(error).toString()}`;
    run.out.println(`${col(topic, 30)} ${col(partition >= 0 ? partition : 'Not Provided', 15)} ${col(status, 15)}`);
  }
}
