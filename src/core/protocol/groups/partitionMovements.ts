/**
 * `AbstractStickyAssignor.PartitionMovements` (Kafka 3.6): the general sticky algorithm's record
 * of which partitions moved between which pair of consumers during one assignment, so that a
 * partition moving A→B can be answered by moving back a partition that already went B→A
 * (`getTheActualPartitionToBeMoved`) instead of creating a cycle. Which partition that is comes
 * from `HashSet<TopicPartition>.iterator().next()`, hence the Java-ordered set.
 */
import { JavaHashMap } from './javaHashMap';
import { topicPartitionHashCode, tpName, type TopicPartition } from './topicPartition';

interface ConsumerPair {
  readonly src: string;
  readonly dst: string;
}

const pairKey = (src: string, dst: string): string => JSON.stringify([src, dst]);

function newTopicPartitionSet(): JavaHashMap<TopicPartition, true> {
  return new JavaHashMap<TopicPartition, true>(topicPartitionHashCode, tpName);
}

export class PartitionMovements {
  private readonly byTopic = new Map<string, Map<string, JavaHashMap<TopicPartition, true>>>();
  private readonly movements = new Map<string, ConsumerPair>();

  private removeMovementRecordOfPartition(partition: TopicPartition): ConsumerPair {
    const pair = this.movements.get(tpName(partition)) as ConsumerPair;
    this.movements.delete(tpName(partition));
    const forTopic = this.byTopic.get(partition.topic) as Map<string, JavaHashMap<TopicPartition, true>>;
    const key = pairKey(pair.src, pair.dst);
    const set = forTopic.get(key) as JavaHashMap<TopicPartition, true>;
    set.delete(partition);
    if (set.size === 0) forTopic.delete(key);
    if (forTopic.size === 0) this.byTopic.delete(partition.topic);
    return pair;
  }

  private addPartitionMovementRecord(partition: TopicPartition, pair: ConsumerPair): void {
    this.movements.set(tpName(partition), pair);
    let forTopic = this.byTopic.get(partition.topic);
    if (!forTopic) this.byTopic.set(partition.topic, (forTopic = new Map()));
    const key = pairKey(pair.src, pair.dst);
    let set = forTopic.get(key);
    if (!set) forTopic.set(key, (set = newTopicPartitionSet()));
    set.set(partition, true);
  }

  movePartition(partition: TopicPartition, oldConsumer: string, newConsumer: string): void {
    if (this.movements.has(tpName(partition))) {
      // it moved before in this assignment: record one movement from its original owner
      const existing = this.removeMovementRecordOfPartition(partition);
      if (existing.src !== newConsumer) this.addPartitionMovementRecord(partition, { src: existing.src, dst: newConsumer });
    } else {
      this.addPartitionMovementRecord(partition, { src: oldConsumer, dst: newConsumer });
    }
  }

  getTheActualPartitionToBeMoved(partition: TopicPartition, oldConsumer: string, newConsumer: string): TopicPartition {
    const forTopic = this.byTopic.get(partition.topic);
    if (!forTopic) return partition;
    const moved = this.movements.get(tpName(partition));
    const from = moved ? moved.src : oldConsumer;
    const reverse = forTopic.get(pairKey(newConsumer, from));
    if (!reverse) return partition;
    return reverse.keys()[0];
  }
}
