/**
 * Golden scenarios of the controller's rules per era (docs/scenario-format.md, "Controller"),
 * each worked by hand below and run through the headless runner, each citing Kafka's source:
 * - unclean leader election: 2.8 `PartitionLeaderElectionAlgorithms.offlinePartitionLeaderElection`
 *   and `Election.leaderForOffline` (ISR = {leader} when it was not in the ISR); 3.6
 *   `ConfigurationControlManager.uncleanLeaderElectionEnabledForTopic` (always false at 3.6.2) and
 *   `ReplicationControlManager.electLeader` for `kafka-leader-election.sh --election-type unclean`;
 * - the controller's own ISR removals and the leader epoch: 2.8 `ReplicaStateMachine
 *   .doRemoveReplicasFromIsr` (`newLeaderAndIsr`: epoch + 1); 3.6 `PartitionChangeBuilder
 *   .triggerLeaderEpochBumpIfNeeded` with `MetadataVersion.isLeaderEpochBumpRequiredOnIsrShrink`
 *   false from 3.6-IV0 (KAFKA-15021);
 * - automatic leader rebalance: 2.8 `KafkaController.onControllerFailover` (first check after 5 s),
 *   `processAutoPreferredReplicaLeaderElection` and `checkAndTriggerAutoLeaderRebalance`; 3.6
 *   `QuorumController.maybeScheduleNextBalancePartitionLeaders` and `ReplicationControlManager
 *   .maybeBalancePartitionLeaders` (`imbalancedPartitions`, `MAX_ELECTIONS_PER_IMBALANCE`).
 */
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../../cli/runScenarioFile';
import type { Report } from '../model/report';

type Era = 'kraft' | 'zookeeper';

function run(document: unknown, at?: number): Report {
  const out = runScenarioText(JSON.stringify(document), at);
  if (out.exitCode !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout) as Report;
}

const partition = (r: Report, topic: string, n = 0) => {
  const found = r.partitions.find((p) => p.topic === topic && p.partition === n);
  if (!found) throw new Error(`no ${topic}-${n}`);
  return { leader: found.leader, leaderEpoch: found.leaderEpoch, isr: found.isr };
};

const BS = '--bootstrap-server localhost:9092';
const cli = (command: string) => ({ op: 'cli', command });

describe('unclean leader election per era', () => {
  // Brokers 1 and 2, t-0 on [1, 2] with unclean.leader.election.enable, manual replication with a
  // 1 s lag: follower 2 never fetches, so at the ISR check of 1500 ms (1500 − 0 > 1000) leader 1
  // shrinks the ISR to [1]. Broker 1 crashes then; its session ends at 1500 + 9000 = 10500 ms
  // (kraft) or 1500 + 18000 = 19500 ms (zookeeper). At that fencing no ISR member is available and
  // broker 2 is.
  const doc = (metadata: Era, after: unknown[] = []) => ({
    version: 1, cluster: { brokers: 2, metadata, replication: 'manual', config: { 'replica.lag.time.max.ms': 1000 } },
    topics: [{ name: 't', assignment: [[1, 2]], config: { 'unclean.leader.election.enable': true } }],
    steps: [{ op: 'run', ms: 1500 }, { op: 'crash', broker: 1 }, { op: 'run', ms: 18000 }, ...after],
  });

  it('zookeeper (2.8): the fencing elects broker 2 outside the ISR, and the ISR becomes [2]', () => {
    expect(partition(run(doc('zookeeper', [])), 't')).toEqual({ leader: 2, leaderEpoch: 1, isr: [2] });
  });

  it('kraft (3.6): the setting is ignored; t-0 stays leaderless with its last ISR member [1]', () => {
    const r = run(doc('kraft'));
    expect(partition(r, 't')).toEqual({ leader: null, leaderEpoch: 1, isr: [1] });
    expect(r.brokers.map((b) => b.fenced)).toEqual([true, false]);
  });

  it('kraft: kafka-leader-election.sh --election-type unclean elects broker 2 (ISR [2], one epoch bump)', () => {
    const r = run(doc('kraft', [cli(`kafka-leader-election.sh ${BS} --election-type unclean --topic t --partition 0`)]));
    expect(r.cli[0]).toMatchObject({ stdout: 'Successfully completed leader election (UNCLEAN) for partitions t-0\n', stderr: '', exitCode: 0 });
    expect(partition(r, 't')).toEqual({ leader: 2, leaderEpoch: 2, isr: [2] });
  });

  it('kraft: without the tool, the partition waits for an ISR member: broker 1 restarts and leads again', () => {
    expect(partition(run(doc('kraft', [{ op: 'restart', broker: 1 }])), 't')).toEqual({ leader: 1, leaderEpoch: 2, isr: [1] });
  });

  it('zookeeper: the tool finds a live leader and elects nothing (2.8 prints its succeeded set, empty, on the "Valid replica" line)', () => {
    const r = run(doc('zookeeper', [cli(`kafka-leader-election.sh ${BS} --election-type unclean --topic t --partition 0`)]));
    expect(r.cli[0]).toMatchObject({ stdout: 'Valid replica already elected for partitions \n', exitCode: 0 });
    expect(partition(r, 't')).toEqual({ leader: 2, leaderEpoch: 1, isr: [2] });
  });

  it('kraft: with a leader, unclean is not needed (3.6 electLeader: hasLeader() → ELECTION_NOT_NEEDED)', () => {
    const r = run({ ...doc('kraft'), steps: [cli(`kafka-leader-election.sh ${BS} --election-type unclean --topic t --partition 0`)] });
    expect(r.cli[0]).toMatchObject({ stdout: 'Valid replica already elected for partitions t-0\n', exitCode: 0 });
  });

  it('a replica outside the ISR that registers: 2.8 elects it (onBrokerStartup → offline election), 3.6 does not (handleBrokerUnfenced, clean only)', () => {
    // Follower 2 (out of the ISR since 1500 ms) crashes first, then leader 1: both fenced at the
    // same instant, in the order they failed; 2's fencing changes nothing, 1's leaves no leader
    // (no replica is available for an unclean election even in 2.8). Broker 2 restarts after
    // its session ended.
    const steps = [{ op: 'run', ms: 1500 }, { op: 'crash', broker: 2 }, { op: 'crash', broker: 1 }, { op: 'run', ms: 18000 }];
    const leaderless = (metadata: Era) => run({ ...doc(metadata), steps });
    expect(partition(leaderless('zookeeper'), 't')).toEqual({ leader: null, leaderEpoch: 1, isr: [1] });
    expect(partition(leaderless('kraft'), 't')).toEqual({ leader: null, leaderEpoch: 1, isr: [1] });
    const back = (metadata: Era) => run({ ...doc(metadata), steps: [...steps, { op: 'restart', broker: 2 }] });
    expect(partition(back('zookeeper'), 't')).toEqual({ leader: 2, leaderEpoch: 2, isr: [2] });
    expect(partition(back('kraft'), 't')).toEqual({ leader: null, leaderEpoch: 1, isr: [1] });
  });

  it('kraft: the tool fails when no replica is available (ELIGIBLE_LEADERS_NOT_AVAILABLE, 1 replica(s) could not be elected)', () => {
    const r = run({
      ...doc('kraft'),
      steps: [{ op: 'crash', broker: 2 }, { op: 'crash', broker: 1 }, { op: 'run', ms: 9000 }, cli(`kafka-leader-election.sh ${BS} --election-type unclean --topic t --partition 0`)],
    });
    expect(r.cli[0].exitCode).toBe(1);
    expect(r.cli[0].stdout).toBe('Error completing leader election (UNCLEAN) for partition: t-0: org.apache.kafka.common.errors.EligibleLeadersNotAvailableException: Eligible topic partition leaders are not available.\n');
  });
});

describe('the controller\'s own ISR removals and the leader epoch', () => {
  it('fencing a follower: 2.8 bumps the epoch (doRemoveReplicasFromIsr), 3.6 does not (KAFKA-15021)', () => {
    // Follower 3 crashes at 0; the controller fences it at 9000 (kraft) or 18000 ms (zookeeper),
    // before leader 1's own lag check could (30 s), and takes it out of the ISR.
    const fenced = (metadata: Era) => run({
      version: 1, cluster: { brokers: 3, metadata }, topics: [{ name: 't', assignment: [[1, 2, 3]] }],
      steps: [{ op: 'crash', broker: 3 }, { op: 'run', ms: 20000 }],
    });
    expect(partition(fenced('zookeeper'), 't')).toEqual({ leader: 1, leaderEpoch: 1, isr: [1, 2] });
    expect(partition(fenced('kraft'), 't')).toEqual({ leader: 1, leaderEpoch: 0, isr: [1, 2] });
  });
});

describe('automatic leader rebalance per era', () => {
  // Brokers 1 and 2, t-0 on [1, 2]. Broker 1 shuts down at 0 (leader → 2, epoch 1) and restarts at
  // once (a stopped broker registers at once); it fetches from 2 within a few ms and rejoins the ISR.
  const backAt = (metadata: Era, ms: number) => run({
    version: 1, cluster: { brokers: 2, metadata }, topics: [{ name: 't', assignment: [[1, 2]] }],
    steps: [{ op: 'shutdown', broker: 1 }, { op: 'restart', broker: 1 }, { op: 'run', ms }],
  });

  it('zookeeper: the first check runs 5 s after the controller starts (onControllerFailover) and moves t-0 back (1 of 1 > 10 %)', () => {
    expect(partition(backAt('zookeeper', 4999), 't')).toEqual({ leader: 2, leaderEpoch: 1, isr: [2, 1] });
    expect(partition(backAt('zookeeper', 5000), 't')).toEqual({ leader: 1, leaderEpoch: 2, isr: [2, 1] });
  });

  it('kraft: the balance is scheduled 300 s after the shutdown made t-0 imbalanced', () => {
    expect(partition(backAt('kraft', 299999), 't')).toEqual({ leader: 2, leaderEpoch: 1, isr: [2, 1] });
    expect(partition(backAt('kraft', 300000), 't')).toEqual({ leader: 1, leaderEpoch: 2, isr: [2, 1] });
  });

  it('auto.leader.rebalance.enable false: leadership never moves back', () => {
    for (const metadata of ['kraft', 'zookeeper'] as const) {
      const r = run({
        version: 1, cluster: { brokers: 2, metadata, config: { 'auto.leader.rebalance.enable': false } }, topics: [{ name: 't', assignment: [[1, 2]] }],
        steps: [{ op: 'shutdown', broker: 1 }, { op: 'restart', broker: 1 }, { op: 'run', ms: 1000000 }],
      });
      expect(partition(r, 't').leader).toBe(2);
    }
  });

  // Broker 1 stops; x-0 is created on [1, 2] while it is away, so broker 2 leads it; broker 1
  // comes back and y is created with `count` partitions on [1, 2], all led by 1. Broker 1 is then
  // the preferred replica of 1 + count partitions, one of them (x-0) led elsewhere.
  const percentage = (metadata: Era, count: number, ms: number) => run({
    version: 1, cluster: { brokers: 2, metadata }, topics: [{ name: 'z', assignment: [[2, 1]] }],
    steps: [
      { op: 'shutdown', broker: 1 },
      cli(`kafka-topics.sh ${BS} --create --topic x --replica-assignment 1:2`),
      { op: 'restart', broker: 1 },
      cli(`kafka-topics.sh ${BS} --create --topic y --replica-assignment ${Array.from({ length: count }, () => '1:2').join(',')}`),
      { op: 'run', ms },
    ],
  });

  it('zookeeper: 1 of 10 (10 %) is not above leader.imbalance.per.broker.percentage, 1 of 9 is', () => {
    expect(partition(percentage('zookeeper', 9, 1000000), 'x')).toMatchObject({ leader: 2, leaderEpoch: 0 });
    expect(partition(percentage('zookeeper', 8, 4999), 'x')).toMatchObject({ leader: 2, leaderEpoch: 0 });
    expect(partition(percentage('zookeeper', 8, 5000), 'x')).toMatchObject({ leader: 1, leaderEpoch: 1 });
  });

  it('kraft: no percentage; x-0, imbalanced since its creation at 0, moves back at 300 s', () => {
    expect(partition(percentage('kraft', 9, 299999), 'x')).toMatchObject({ leader: 2, leaderEpoch: 0 });
    expect(partition(percentage('kraft', 9, 300000), 'x')).toMatchObject({ leader: 1, leaderEpoch: 1 });
  });

  it('a preferred replica still down: 2.8 checks every 300 s from 5 s; 3.6 reschedules 300 s after each balance that left imbalance', () => {
    // Broker 1 crashes at 0; t-0 moves to 2 at its fencing (kraft 9000 ms → balance due at
    // 309000; zookeeper 18000 ms, checks at 5000, 305000, 605000). Broker 1 restarts at 400000,
    // rejoins the ISR, and gets t-0 back at the next check: 605000 (2.8) or 609000 (3.6: the
    // balance at 309000 found broker 1 down, and scheduled the next one 300 s later).
    const at = (metadata: Era, ms: number) => run({
      version: 1, cluster: { brokers: 2, metadata }, topics: [{ name: 't', assignment: [[1, 2]] }],
      steps: [{ op: 'crash', broker: 1 }, { op: 'run', ms: 400000 }, { op: 'restart', broker: 1 }, { op: 'run', ms: ms - 400000 }],
    });
    expect(partition(at('zookeeper', 604999), 't').leader).toBe(2);
    expect(partition(at('zookeeper', 605000), 't')).toEqual({ leader: 1, leaderEpoch: 2, isr: [2, 1] });
    expect(partition(at('kraft', 608999), 't').leader).toBe(2);
    expect(partition(at('kraft', 609000), 't')).toEqual({ leader: 1, leaderEpoch: 2, isr: [2, 1] });
  });

  it('kraft: a leaderless partition counts as imbalanced (hasPreferredLeader: leader == replicas[0]) and sets the schedule', () => {
    // u-0 on [2] alone loses its leader when broker 2 is fenced at 9000 ms: a balance is due at
    // 309000. Broker 2 comes back (u-0 balanced again, the schedule stays). At 100000 broker 1
    // shuts down and restarts: t-0 moves to 2, and since a balance is already scheduled it goes
    // back at 309000, not at 400000.
    const at = (ms: number) => run({
      version: 1, cluster: { brokers: 2 }, topics: [{ name: 't', assignment: [[1, 2]] }, { name: 'u', assignment: [[2]] }],
      steps: [
        { op: 'crash', broker: 2 }, { op: 'run', ms: 9000 }, { op: 'restart', broker: 2 }, { op: 'run', ms: 91000 },
        { op: 'shutdown', broker: 1 }, { op: 'restart', broker: 1 }, { op: 'run', ms: ms - 100000 },
      ],
    });
    const before = at(308999);
    expect(partition(before, 'u')).toEqual({ leader: 2, leaderEpoch: 2, isr: [2] });
    expect(partition(before, 't').leader).toBe(2);
    expect(partition(at(309000), 't')).toMatchObject({ leader: 1, leaderEpoch: 2 });
  });

  it('kraft: at most 1,000 elections per balance (MAX_ELECTIONS_PER_IMBALANCE); the rest 10 ms later', () => {
    // 1,001 partitions on [1, 2], manual replication with a lag so long that no ISR ever shrinks by
    // itself. Broker 1 crashes; at its fencing (9000 ms) every partition moves to 2 and the balance
    // is due at 309000. Broker 1 restarts and one fetch brings it back into every ISR.
    const doc = (ms: number) => ({
      version: 1, cluster: { brokers: 2, replication: 'manual', config: { 'replica.lag.time.max.ms': 1000000000 } },
      topics: [{ name: 'big', assignment: Array.from({ length: 1001 }, () => [1, 2]) }],
      steps: [{ op: 'crash', broker: 1 }, { op: 'run', ms: 9000 }, { op: 'restart', broker: 1 }, { op: 'fetch', broker: 1 }, { op: 'run', ms }],
    });
    const ledBy = (r: Report, broker: number) => r.partitions.filter((p) => p.leader === broker).map((p) => p.partition);
    const first = run(doc(300000));
    expect(ledBy(first, 1)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(ledBy(first, 2)).toEqual([1000]);
    expect(ledBy(run(doc(300010)), 1)).toHaveLength(1001);
  });
});

describe('kafka-leader-election.sh --all-topic-partitions', () => {
  it('partitions that need no election are left out in both eras (2.8 KafkaApis.handleElectReplicaLeader, 3.6 electLeaders)', () => {
    for (const metadata of ['kraft', 'zookeeper'] as const) {
      const r = run({
        version: 1, cluster: { brokers: 2, metadata }, topics: [{ name: 't', assignment: [[1, 2], [2, 1]] }],
        steps: [cli(`kafka-leader-election.sh ${BS} --election-type preferred --all-topic-partitions`)],
      });
      expect(r.cli[0]).toMatchObject({ stdout: '', exitCode: 0 });
    }
  });
});
