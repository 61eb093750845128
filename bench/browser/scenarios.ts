/** Scenario documents for the browser benchmarks (plain data, same format as links). */

/** 9 brokers × 30 partitions at RF 3, automatic replication: produce bursts and time passing. */
export function largeAutoScenario(rounds = 40): unknown {
  const steps: unknown[] = [];
  for (let i = 0; i < rounds; i += 1) {
    steps.push({ op: 'produce', topic: 'events', key: `k{i}-${i}`, value: 'v{i}', acks: 'all', count: 30 });
    steps.push({ op: 'run', ms: 200 });
    if (i === 10) steps.push({ op: 'crash', broker: 4 });
    if (i === 25) steps.push({ op: 'restart', broker: 4 });
  }
  return {
    version: 1, title: 'bench: 9 brokers × 30 partitions, RF 3', seed: 11,
    cluster: { brokers: 9, replication: 'auto' },
    topics: [{ name: 'events', partitions: 30, replicationFactor: 3 }],
    steps,
  };
}

/**
 * 3,000 steps on a small manual-replication cluster: a produce, then every broker fetches, so
 * HWs advance (a log keeps every record at or above its HW drawn: ui-contract.md).
 */
export function longScenario(total = 3000): unknown {
  const steps: unknown[] = [];
  for (let i = 0; steps.length < total; i += 1) {
    steps.push({ op: 'produce', topic: 'orders', key: `k${i % 7}`, value: `value ${i}`, acks: 1 });
    for (const broker of [1, 2, 3]) steps.push({ op: 'fetch', broker });
  }
  return {
    version: 1, title: 'bench: 3,000 steps', seed: 3,
    cluster: { brokers: 3, replication: 'manual' },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    steps: steps.slice(0, total),
  };
}
