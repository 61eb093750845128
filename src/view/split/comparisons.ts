/**
 * The telling comparisons for one document (pure): era, truncation, acks, `min.insync.replicas`,
 * unclean leader election, idempotence. Each is the `&vs=` that flips that setting for this
 * document (with the paths this document needs: a topic's own override is changed with the
 * broker's; a produce step's own `acks` with the producer's), its value before and after, and the
 * notes prepareSplit.ts gives for the result (what is mapped, what makes it moot).
 */
import type { Acks, Scenario } from '../../core/model/scenario';
import { validateScenarioDocument } from '../../core/scenario/validateScenario';
import type { ScenarioDocument } from '../../session/scenarioEdit';
import { idempotent, prepareSplit, type Prepared } from './prepareSplit';

export type ComparisonId = 'era' | 'truncation' | 'acks' | 'min-isr' | 'unclean' | 'idempotence';
export const COMPARISON_IDS: readonly ComparisonId[] = ['era', 'truncation', 'acks', 'min-isr', 'unclean', 'idempotence'];

export interface Comparison {
  id: ComparisonId;
  from: string;
  to: string;
  /** Already decoded (the address bar encodes it). */
  vs: string;
  prepared: Prepared;
}

type Change = [path: string, value: string | number | boolean];

/** `path:value` parts; strings unquoted, as parseSplit takes a value that is not JSON as a string. */
export const vsOf = (changes: readonly Change[]) => changes.map(([path, value]) => `${path}:${String(value)}`).join(';');

interface TopicDoc { config?: Record<string, unknown> }
interface StepDoc { op?: unknown; acks?: unknown }

/** The broker-wide property and every topic override of it, set to `value`. */
function topicProperty(document: ScenarioDocument, name: string, value: number | boolean): Change[] {
  const topics = Array.isArray(document.topics) ? (document.topics as TopicDoc[]) : [];
  return [
    [`cluster.config.${name}`, value],
    ...topics.flatMap((t, i): Change[] => (t && typeof t === 'object' && t.config && t.config[name] !== undefined ? [[`topics.${i}.config.${name}`, value]] : [])),
  ];
}

/** The acks most produce steps use (a step's own, else the producer's). */
function usualAcks(s: Scenario): Acks {
  const counts = new Map<Acks, number>();
  for (const step of s.steps) if (step.op === 'produce') counts.set(step.acks ?? s.producer.acks, (counts.get(step.acks ?? s.producer.acks) ?? 0) + 1);
  let best: Acks = s.producer.acks;
  for (const [acks, n] of counts) if (n > (counts.get(best) ?? 0)) best = acks;
  return best;
}

function changesFor(id: ComparisonId, document: ScenarioDocument, s: Scenario): { from: string; to: string; changes: Change[] } {
  const steps = Array.isArray(document.steps) ? (document.steps as StepDoc[]) : [];
  const producerConfig = ((document.producer ?? {}) as { config?: Record<string, unknown> }).config ?? {};
  switch (id) {
    case 'era': {
      const to = s.cluster.metadata === 'kraft' ? 'zookeeper' : 'kraft';
      return { from: s.cluster.metadata, to, changes: [['cluster.metadata', to]] };
    }
    case 'truncation': {
      const to = s.cluster.truncation === 'leader-epoch' ? 'high-watermark' : 'leader-epoch';
      return { from: s.cluster.truncation, to, changes: [['cluster.truncation', to]] };
    }
    case 'acks': {
      const from = usualAcks(s);
      const to: Acks = from === 'all' ? 1 : 'all';
      const changes: Change[] = [['producer.acks', to]];
      steps.forEach((step, i) => { if (step && typeof step === 'object' && step.op === 'produce' && step.acks !== undefined) changes.push([`steps.${i}.acks`, to]); });
      // Set to true, idempotence refuses acks 1 ("Must set acks to all in order to use the idempotent producer").
      if (to !== 'all' && producerConfig['enable.idempotence'] === true) changes.push(['producer.config.enable.idempotence', false]);
      return { from: String(from), to: String(to), changes };
    }
    case 'min-isr': {
      const from = (s.topics[0]?.config ?? s.cluster.config)['min.insync.replicas'];
      const to = from === 1 ? 2 : 1;
      return { from: String(from), to: String(to), changes: topicProperty(document, 'min.insync.replicas', to) };
    }
    case 'unclean': {
      const from = (s.topics[0]?.config ?? s.cluster.config)['unclean.leader.election.enable'];
      return { from: String(from), to: String(!from), changes: topicProperty(document, 'unclean.leader.election.enable', !from) };
    }
    case 'idempotence': {
      const from = idempotent(s);
      const changes: Change[] = [['producer.config.enable.idempotence', !from]];
      // Idempotence needs acks=all (Kafka 3.2+, KAFKA-13598): turning it on sets the producer's acks too.
      if (!from && s.producer.acks !== 'all') changes.push(['producer.acks', 'all']);
      return { from: String(from), to: String(!from), changes };
    }
  }
}

export function comparisons(document: ScenarioDocument | null): Comparison[] {
  if (!document) return [];
  const validated = validateScenarioDocument(document);
  if (!validated.ok) return [];
  return COMPARISON_IDS.map((id) => {
    const { from, to, changes } = changesFor(id, document, validated.scenario);
    const vs = vsOf(changes);
    return { id, from, to, vs, prepared: prepareSplit(document, vs) };
  });
}
