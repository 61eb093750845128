/**
 * Golden tests for rack-unaware replica placement, Kafka's `AdminUtils.assignReplicasToBrokers`
 * (`assignReplicasToBrokersRackUnaware`), as the contract's "Placement" rule names it.
 *
 * In Kafka, `startIndex = fixedStartIndex >= 0 ? fixedStartIndex : rand.nextInt(n)` and
 * `nextReplicaShift = fixedStartIndex >= 0 ? fixedStartIndex : rand.nextInt(n)`; our function takes
 * both explicitly, so Kafka's `fixedStartIndex = k` is `startIndex = initialReplicaShift = k` here.
 * For partition p: leader = brokers[(p + startIndex) % n]; nextReplicaShift += 1 whenever p > 0 and
 * p % n == 0; follower j = brokers[(first + 1 + (nextReplicaShift + j) % (n - 1)) % n]
 * (apache/kafka core/src/main/scala/kafka/admin/AdminUtils.scala, `replicaIndex`).
 */
import { describe, expect, it } from 'vitest';
import { assignReplicasToBrokers } from './replicaPlacement';

describe('Kafka testReplicaAssignment (rack-unaware, fixedStartIndex 0)', () => {
  // apache/kafka core/src/test/scala/unit/kafka/admin/AdminRackAwareTest.scala `testReplicaAssignment`
  // (commit 6ad007c28d9e732680d4a3824941ff397be7f0be; earlier releases had it in AdminTest.scala, and
  // the Java port org.apache.kafka.admin.AdminRackAwareTest keeps it):
  //   brokerMetadatas = (0 to 4).map(new BrokerMetadata(_, None))
  //   AdminUtils.assignReplicasToBrokers(brokerMetadatas, 10, 3, 0) ==
  //     Map(0 -> List(0, 1, 2), 1 -> List(1, 2, 3), 2 -> List(2, 3, 4), 3 -> List(3, 4, 0),
  //         4 -> List(4, 0, 1), 5 -> List(0, 2, 3), 6 -> List(1, 3, 4), 7 -> List(2, 4, 0),
  //         8 -> List(3, 0, 1), 9 -> List(4, 1, 2))
  // The same layout is drawn in AdminUtils.assignReplicasToBrokers' scaladoc (broker-0 .. broker-4).
  const expected = [
    [0, 1, 2],
    [1, 2, 3],
    [2, 3, 4],
    [3, 4, 0],
    [4, 0, 1],
    [0, 2, 3],
    [1, 3, 4],
    [2, 4, 0],
    [3, 0, 1],
    [4, 1, 2],
  ];

  it('brokers 0..4, 10 partitions, RF 3, fixedStartIndex 0 → Kafka\'s expected map', () => {
    expect(assignReplicasToBrokers(10, 3, [0, 1, 2, 3, 4], 0, 0)).toEqual(expected);
  });

  it('the same when the broker ids arrive unsorted (the contract places over sorted ids)', () => {
    expect(assignReplicasToBrokers(10, 3, [3, 0, 4, 2, 1], 0, 0)).toEqual(expected);
  });

  it('rejects a replication factor larger than the broker count (Kafka: RF 6 over 5 brokers throws)', () => {
    expect(() => assignReplicasToBrokers(10, 6, [0, 1, 2, 3, 4], 0, 0)).toThrow();
  });
});

describe('hand-worked small cases', () => {
  it('brokers [1,2,3], 4 partitions, RF 3, start 0, shift 0', () => {
    // n = 3, n-1 = 2. follower j of a partition with leader index f: (f + 1 + (shift + j) % 2) % 3.
    // p0: f=0 → 1; j0: 1+0%2=1 → idx1 → 2; j1: 1+1%2=2 → idx2 → 3          → [1,2,3]
    // p1: f=1 → 2; j0: (1+1)%3=2 → 3;     j1: (1+2)%3=0 → 1                → [2,3,1]
    // p2: f=2 → 3; j0: (2+1)%3=0 → 1;     j1: (2+2)%3=1 → 2                → [3,1,2]
    // p3: 3%3==0 so shift=1; f=0 → 1; j0: 1+(1%2)=2 → idx2 → 3; j1: 1+(2%2)=1 → idx1 → 2 → [1,3,2]
    expect(assignReplicasToBrokers(4, 3, [1, 2, 3], 0, 0)).toEqual([[1, 2, 3], [2, 3, 1], [3, 1, 2], [1, 3, 2]]);
  });

  it('brokers [1,2,3], 6 partitions, RF 2, start 1, shift 0 (start and shift differ)', () => {
    // shift 0: follower offset 1 + (0%2) = 1 for p0..p2.
    // p0: f=(0+1)%3=1 → 2; (1+1)%3=2 → 3                                                    → [2,3]
    // p1: f=2 → 3; (2+1)%3=0 → 1                                                              → [3,1]
    // p2: f=0 → 1; (0+1)%3=1 → 2                                                              → [1,2]
    // p3: shift=1; f=(3+1)%3=1 → 2; offset 1+(1%2)=2: (1+2)%3=0 → 1                           → [2,1]
    // p4: f=2 → 3; (2+2)%3=1 → 2                                                              → [3,2]
    // p5: f=0 → 1; (0+2)%3=2 → 3                                                              → [1,3]
    expect(assignReplicasToBrokers(6, 2, [1, 2, 3], 1, 0)).toEqual([[2, 3], [3, 1], [1, 2], [2, 1], [3, 2], [1, 3]]);
  });

  it('non-contiguous ids [10,20,30,40], 5 partitions, RF 2, start 2, shift 1', () => {
    // n = 4, n-1 = 3; shift 1 gives follower offset 1 + (1%3) = 2.
    // p0: f=2 → 30; (2+2)%4=0 → 10                     → [30,10]
    // p1: f=3 → 40; (3+2)%4=1 → 20                     → [40,20]
    // p2: f=0 → 10; (0+2)%4=2 → 30                     → [10,30]
    // p3: f=1 → 20; (1+2)%4=3 → 40                     → [20,40]
    // p4: 4%4==0 so shift=2, offset 1 + (2%3) = 3; f=(4+2)%4=2 → 30; (2+3)%4=1 → 20 → [30,20]
    expect(assignReplicasToBrokers(5, 2, [40, 10, 30, 20], 2, 1)).toEqual([[30, 10], [40, 20], [10, 30], [20, 40], [30, 20]]);
  });

  it('RF 1: only leaders, round-robin from startIndex', () => {
    // brokers [1,2,3], start 2: leaders idx 2,0,1,2 → 3,1,2,3.
    expect(assignReplicasToBrokers(4, 1, [1, 2, 3], 2, 0)).toEqual([[3], [1], [2], [3]]);
  });

  it('a single broker with RF 1 (n - 1 = 0 is never used as a modulus)', () => {
    expect(assignReplicasToBrokers(3, 1, [5], 0, 0)).toEqual([[5], [5], [5]]);
  });
});

describe('invariants over every start and shift Kafka could draw (rand.nextInt(n) each)', () => {
  type Case = { n: number; rf: number; p: number; start: number; shift: number };
  const cases: Case[] = [];
  for (let n = 1; n <= 6; n++) {
    for (let rf = 1; rf <= n; rf++) {
      for (const p of [1, n - 1, n, n + 1, 2 * n + 1, 3 * n, 7]) {
        if (p < 1) continue;
        for (let start = 0; start < n; start++) {
          for (let shift = 0; shift < n; shift++) cases.push({ n, rf, p, start, shift });
        }
      }
    }
  }
  const brokerIds = (n: number): number[] => Array.from({ length: n }, (_, i) => 101 + 2 * i);

  it('each partition has RF distinct replicas, all of them registered brokers', () => {
    const bad: string[] = [];
    for (const c of cases) {
      const ids = brokerIds(c.n);
      const assignment = assignReplicasToBrokers(c.p, c.rf, ids, c.start, c.shift);
      const ok = assignment.length === c.p && assignment.every((replicas) =>
        replicas.length === c.rf && new Set(replicas).size === c.rf && replicas.every((b) => ids.includes(b)));
      if (!ok) bad.push(`${JSON.stringify(c)} -> ${JSON.stringify(assignment)}`);
    }
    expect(bad).toEqual([]);
  });

  it('partition p is led by sorted broker (p + startIndex) mod n', () => {
    for (const c of cases) {
      const ids = brokerIds(c.n);
      const assignment = assignReplicasToBrokers(c.p, c.rf, ids, c.start, c.shift);
      assignment.forEach((replicas, p) => expect(replicas[0]).toBe(ids[(p + c.start) % c.n]));
    }
  });

  it('leaders are balanced: each broker leads ⌊P/n⌋ or ⌈P/n⌉ partitions', () => {
    for (const c of cases) {
      const ids = brokerIds(c.n);
      const leads = new Map(ids.map((b) => [b, 0]));
      for (const replicas of assignReplicasToBrokers(c.p, c.rf, ids, c.start, c.shift)) {
        leads.set(replicas[0], (leads.get(replicas[0]) ?? 0) + 1);
      }
      for (const count of leads.values()) {
        expect(count).toBeGreaterThanOrEqual(Math.floor(c.p / c.n));
        expect(count).toBeLessThanOrEqual(Math.ceil(c.p / c.n));
      }
    }
  });

  it('when P is a multiple of n, every broker holds exactly P·RF/n replicas (Kafka verifyReplicasDistribution)', () => {
    for (const c of cases) {
      if (c.p % c.n !== 0) continue;
      const ids = brokerIds(c.n);
      const held = new Map(ids.map((b) => [b, 0]));
      for (const replicas of assignReplicasToBrokers(c.p, c.rf, ids, c.start, c.shift)) {
        for (const b of replicas) held.set(b, (held.get(b) ?? 0) + 1);
      }
      for (const count of held.values()) expect(count).toBe((c.p * c.rf) / c.n);
    }
  });

  it('RF 2 over n(n-1) partitions pairs each leader with every other broker exactly once (the growing shift)', () => {
    // Round r = ⌊p/n⌋ uses shift + r, so a leader's follower offset 1 + (shift + r) % (n-1) takes
    // every value 1..n-1 over the n-1 rounds: AdminUtils' goal 2, "for partitions assigned to a
    // particular broker, their other replicas are spread over the other brokers".
    for (let n = 2; n <= 6; n++) {
      const ids = brokerIds(n);
      for (let start = 0; start < n; start++) {
        for (let shift = 0; shift < n; shift++) {
          const pairs = assignReplicasToBrokers(n * (n - 1), 2, ids, start, shift).map(([l, f]) => `${l}>${f}`);
          expect(new Set(pairs).size).toBe(n * (n - 1));
        }
      }
    }
  });
});
