/**
 * The right pane's document (pure): the left document with the `&vs=` fields replaced, validated,
 * and what the reader must know to trust the comparison (`notes`):
 *
 * - a property the other era lacks (`broker.session.timeout.ms` is KRaft's,
 *   `zookeeper.session.timeout.ms` ZooKeeper's, `offsets.storage: "zookeeper"` the 2.8 consumer's)
 *   is mapped to its counterpart or dropped, as ui-contract.md "Split view" allows, and said;
 * - a setting one era ignores (KRaft 3.6's controller does not read
 *   `unclean.leader.election.enable`: `ConfigurationControlManager.uncleanLeaderElectionEnabledForTopic`
 *   returns false until KAFKA-12670 in 4.0) is named as the reason the panes will not differ;
 * - a default that changes with the era or with acks (acks, idempotence, the partitioner) is named,
 *   so that a difference is not blamed on the wrong setting.
 */
import type { Scenario } from '../../core/model/scenario';
import type { Problem } from '../../core/scenario/problems';
import { formatProblem, validateScenarioDocument } from '../../core/scenario/validateScenario';
import type { ScenarioDocument } from '../../session/scenarioEdit';
import { changedDocument, parseSplit } from '../../app/splitView';

/** A sentence in the `split` namespace. */
export interface Note {
  key: string;
  params?: Record<string, string | number>;
}

export type Prepared =
  | { ok: true; scenario: Scenario; document: ScenarioDocument; notes: Note[] }
  | { ok: false; lines: string[] };

/** Era-only properties and their counterpart in the other era (configProperties.ts `era`). */
const COUNTERPART: Record<string, string> = {
  'broker.session.timeout.ms': 'zookeeper.session.timeout.ms',
  'zookeeper.session.timeout.ms': 'broker.session.timeout.ms',
};

const ERA_ONLY = /^exists only in the (kraft|zookeeper) era|^"zookeeper" exists only in the zookeeper era/;

/** `cluster.config["broker.session.timeout.ms"]`, `steps[3].config["offsets.storage"]` → segments. */
export function pathSegments(path: string): (string | number)[] | null {
  const out: (string | number)[] = [];
  const re = /(?:^|\.)([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < path.length) {
    re.lastIndex = at;
    const m = re.exec(path);
    if (!m) return null;
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]) as string)));
    at = re.lastIndex;
  }
  return out;
}

type Node = Record<string | number, unknown>;

function parentOf(document: unknown, segments: (string | number)[]): Node | null {
  let node: unknown = document;
  for (const s of segments.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Node)[s];
  }
  return node !== null && typeof node === 'object' ? (node as Node) : null;
}

/**
 * Drops (or maps) the properties that exist only in the other era. Null when some problem is of
 * another kind: then the document is simply invalid and its lines are shown.
 */
function withoutEraOnly(document: unknown, problems: readonly Problem[]): { document: unknown; notes: Note[] } | null {
  if (problems.length === 0 || !problems.every((p) => ERA_ONLY.test(p.message))) return null;
  const copy = structuredClone(document);
  const notes: Note[] = [];
  for (const problem of problems) {
    const segments = pathSegments(problem.path);
    const parent = segments && parentOf(copy, segments);
    if (!segments || !parent) return null;
    const key = segments[segments.length - 1];
    const value = parent[key];
    delete parent[key];
    const counterpart = typeof key === 'string' ? COUNTERPART[key] : undefined;
    if (counterpart && parent[counterpart] === undefined) {
      parent[counterpart] = value;
      notes.push({ key: 'notes.mapped', params: { from: String(key), to: counterpart, value: JSON.stringify(value) } });
    } else {
      notes.push({ key: 'notes.dropped', params: { path: problem.path, value: JSON.stringify(value) } });
    }
  }
  return { document: copy, notes };
}

const ERA_NAME = { kraft: 'KRaft 3.6', zookeeper: 'ZooKeeper 2.8' } as const;

/** Whether the producer sends with idempotence (acks=all only: KAFKA-13598's rule). */
export const idempotent = (s: Scenario) => s.producer.config['enable.idempotence'] && s.producer.acks === 'all';

const uncleanAnywhere = (s: Scenario) => s.cluster.config['unclean.leader.election.enable'] || s.topics.some((t) => t.config['unclean.leader.election.enable']);

function produceSteps(s: Scenario): { index: number; acks: Scenario['producer']['acks'] }[] {
  return s.steps.flatMap((step, index) => (step.op === 'produce' ? [{ index, acks: step.acks ?? s.producer.acks }] : []));
}

/** What changes along with the named fields, or makes the change moot (see the module comment). */
export function splitNotes(a: Scenario, b: Scenario, documentB: ScenarioDocument): Note[] {
  const notes: Note[] = [];
  const producerDoc = (documentB as { producer?: { acks?: unknown; partitioner?: unknown; config?: Record<string, unknown> } }).producer;
  if (a.cluster.metadata !== b.cluster.metadata) {
    const era = { a: ERA_NAME[a.cluster.metadata], b: ERA_NAME[b.cluster.metadata] };
    if (producerDoc?.acks === undefined && a.producer.acks !== b.producer.acks) notes.push({ key: 'notes.eraAcks', params: { ...era, from: String(a.producer.acks), to: String(b.producer.acks) } });
    if (producerDoc?.config?.['enable.idempotence'] === undefined && idempotent(a) !== idempotent(b)) notes.push({ key: idempotent(b) ? 'notes.eraIdempotenceOn' : 'notes.eraIdempotenceOff', params: era });
    if (producerDoc?.partitioner === undefined && a.producer.partitioner !== b.producer.partitioner) notes.push({ key: 'notes.eraPartitioner', params: { ...era, from: a.producer.partitioner, to: b.producer.partitioner } });
    if (a.cluster.config.sessionTimeoutMs !== b.cluster.config.sessionTimeoutMs) notes.push({ key: 'notes.eraSession', params: { a: a.cluster.config.sessionTimeoutMs, b: b.cluster.config.sessionTimeoutMs } });
  }
  if (b.cluster.metadata === 'kraft' && uncleanAnywhere(b) !== uncleanAnywhere(a)) notes.push({ key: 'notes.uncleanIgnored' });
  else if (b.cluster.metadata === 'kraft' && a.cluster.metadata === 'zookeeper' && uncleanAnywhere(a)) notes.push({ key: 'notes.uncleanIgnored' });
  if (a.producer.acks !== b.producer.acks && idempotent(a) !== idempotent(b) && !b.producer.idempotenceExplicit) {
    notes.push({ key: idempotent(b) ? 'notes.acksIdempotenceOn' : 'notes.acksIdempotenceOff' });
  }
  if (a.producer.config['enable.idempotence'] !== b.producer.config['enable.idempotence']) {
    const own = produceSteps(b).filter((p) => p.acks !== 'all').map((p) => p.index + 1);
    if (own.length > 0) notes.push({ key: 'notes.idempotenceStepsWithout', params: { steps: own.join(', ') } });
  }
  const minIsr = (s: Scenario) => s.topics.map((t) => t.config['min.insync.replicas']).join(',') + s.cluster.config['min.insync.replicas'];
  if (minIsr(a) !== minIsr(b)) {
    if (!produceSteps(b).some((p) => p.acks === 'all')) notes.push({ key: 'notes.minIsrOnlyAcksAll' });
    const over = b.topics.filter((t) => t.config['min.insync.replicas'] > t.replicationFactor);
    if (over.length > 0) notes.push({ key: 'notes.minIsrOverReplicas', params: { topics: over.map((t) => t.name).join(', ') } });
  }
  return notes;
}

export function prepareSplit(document: ScenarioDocument | null, vs: string): Prepared {
  if (!document) return { ok: false, lines: ['$: nothing to compare'] };
  const parsed = parseSplit(vs);
  if (!parsed.ok) return { ok: false, lines: [parsed.message] };
  const changed = changedDocument(document, parsed.changes);
  if (!changed.ok) return { ok: false, lines: [changed.message] };
  let candidate = changed.document;
  let validated = validateScenarioDocument(candidate);
  const notes: Note[] = [];
  if (!validated.ok) {
    const mapped = withoutEraOnly(candidate, validated.problems);
    if (mapped) {
      candidate = mapped.document;
      validated = validateScenarioDocument(candidate);
      notes.push(...mapped.notes);
    }
  }
  if (!validated.ok) return { ok: false, lines: validated.problems.map(formatProblem) };
  const original = validateScenarioDocument(document);
  if (original.ok) notes.push(...splitNotes(original.scenario, validated.scenario, candidate as ScenarioDocument));
  return { ok: true, scenario: validated.scenario, document: candidate as ScenarioDocument, notes };
}
