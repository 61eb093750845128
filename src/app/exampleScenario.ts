/**
 * The scenario the app opens without a link: three brokers, manual replication, one partition
 * replicated three times, so every fetch and HW move can be followed one step at a time.
 *
 * It is a scenario *document* (docs: scenario-format.md) and goes through the validator like a
 * link. Its title and notes come from the message catalogs (`example.*`), so the built-in example
 * speaks the user's language; its steps never change with the language.
 */
type Translate = (key: string) => string;

const steps = [
  { op: 'produce', topic: 'orders', key: 'alice', value: 'pizza', acks: 'all' },
  { op: 'fetch', broker: 2 },
  { op: 'fetch', broker: 3 },
  { op: 'fetch', broker: 2 },
  { op: 'fetch', broker: 3 },
  { op: 'produce', topic: 'orders', key: 'bob', value: 'sushi', acks: 1 },
  { op: 'fetch', broker: 2 },
  { op: 'run', ms: 45000 },
  { op: 'fetch', broker: 2 },
] as const;

/** The number of steps of the example (its notes are `example.note0` … in the catalogs). */
export const exampleStepCount = steps.length;

export function buildExampleScenario(t: Translate): object {
  return {
    version: 1,
    title: t('example.title'),
    seed: 1,
    cluster: {
      brokers: [1, 2, 3],
      metadata: 'kraft',
      truncation: 'leader-epoch',
      replication: 'manual',
      config: { 'min.insync.replicas': 2 },
    },
    producer: { acks: 'all' },
    topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, assignment: [[1, 2, 3]] }],
    steps: steps.map((step, i) => ({ ...step, note: t(`example.note${i}`) })),
  };
}
