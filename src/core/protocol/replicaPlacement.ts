/**
 * Replica placement without an explicit assignment: Kafka's rack-unaware
 * `AdminUtils.assignReplicasToBrokers` (also `kafka.admin.AdminUtils.assignReplicasToBrokersRackUnaware`).
 * The first replica of partition p goes to broker (p + startIndex) mod n; followers are shifted by
 * `nextReplicaShift`, which grows by one each time p wraps around the broker list, so replicas
 * spread evenly. `startIndex` and `nextReplicaShift` are random in Kafka; here both come, in that
 * order, from the topic's own seeded stream. Both eras use this algorithm (a stated
 * simplification: KRaft's `StripedReplicaPlacer` differs but is similarly balanced).
 */

function replicaIndex(firstReplicaIndex: number, secondReplicaShift: number, replica: number, brokerCount: number): number {
  const shift = 1 + ((secondReplicaShift + replica) % (brokerCount - 1));
  return (firstReplicaIndex + shift) % brokerCount;
}

export function assignReplicasToBrokers(
  partitionCount: number,
  replicationFactor: number,
  brokerIds: readonly number[],
  startIndex: number,
  initialReplicaShift: number,
): number[][] {
  const brokers = [...brokerIds].sort((a, b) => a - b);
  const n = brokers.length;
  if (replicationFactor > n) throw new Error('assertion: replication factor larger than the broker count');
  const assignment: number[][] = [];
  let nextReplicaShift = initialReplicaShift;
  for (let partition = 0; partition < partitionCount; partition++) {
    if (partition > 0 && partition % n === 0) nextReplicaShift += 1;
    const firstReplicaIndex = (partition + startIndex) % n;
    const replicas = [brokers[firstReplicaIndex]];
    for (let j = 0; j < replicationFactor - 1; j++) {
      replicas.push(brokers[replicaIndex(firstReplicaIndex, nextReplicaShift, j, n)]);
    }
    assignment.push(replicas);
  }
  return assignment;
}
