/**
 * A fast deep copy of a world, for checkpoints and for `step()`'s purity. Log records are
 * immutable once written (replicas already share them), so a copy shares them too and copies
 * only the arrays that hold them; so are a produced record's report entry and its batch once
 * the producer is done with the batch (producerClient.ts never touches a `done` batch again), and so
 * are the timed events in the queue and the held acks=all produces (scheduled or pushed once,
 * then only removed: nothing assigns to their fields), which a burst of 10,000 records fills. The
 * segment layouts are plain numbers and copied by slicing; everything else goes through
 * `structuredClone`. The result is independent of the original: changing either never changes
 * the other.
 */
import type { LogLayout } from './protocol/logLayout';
import type { LogRecord, World } from './model/world';

function cloneLayout(layout: LogLayout): LogLayout {
  return {
    segments: layout.segments.map((s) => ({
      baseOffset: s.baseOffset,
      sizeBytes: s.sizeBytes,
      index: s.index.slice(), // entries are never changed in place
      bytesSinceLastIndexEntry: s.bytesSinceLastIndexEntry,
      positions: s.positions.slice(),
    })),
  };
}

/**
 * Whether produced record `i` is final: its batch is done (or it never had one, such as a record
 * too large to send), so nothing changes its entry again and copies may share it.
 */
export function producedFinal(recordBatches: readonly number[], producerBatches: World['producerBatches'], i: number): boolean {
  return recordBatches[i] < 0 || producerBatches[recordBatches[i]].phase === 'done';
}

export function cloneWorld(world: World): World {
  const replicas = world.topics.flatMap((t) => t.partitions.flatMap((p) => p.replicaStates));
  const detached = replicas.map((r) => ({ log: r.log, layout: r.layout }));
  const empty: LogRecord[] = [];
  const emptyLayout: LogLayout = { segments: [] };
  // Detach the big parts for the structured clone, then put them back (synchronously).
  for (const r of replicas) {
    r.log = empty;
    r.layout = emptyLayout;
  }
  const { produced, producerBatches, recordBatches, queue, pendingProduces } = world;
  world.produced = [];
  world.producerBatches = [];
  world.recordBatches = [];
  world.queue = { heap: [], nextSeq: queue.nextSeq };
  world.pendingProduces = [];
  let copy: World;
  try {
    copy = structuredClone(world);
  } finally {
    replicas.forEach((r, i) => {
      r.log = detached[i].log;
      r.layout = detached[i].layout;
    });
    world.produced = produced;
    world.producerBatches = producerBatches;
    world.recordBatches = recordBatches;
    world.queue = queue;
    world.pendingProduces = pendingProduces;
  }
  copy.queue.heap = queue.heap.slice();
  copy.pendingProduces = pendingProduces.slice();
  copy.produced = produced.map((entry, i) => (producedFinal(recordBatches, producerBatches, i) ? entry : { ...entry }));
  copy.producerBatches = producerBatches.map((batch) => (batch.phase === 'done' ? batch : { ...batch, records: batch.records.slice(), timestampsMs: batch.timestampsMs.slice() }));
  copy.recordBatches = recordBatches.slice();
  const copies = copy.topics.flatMap((t) => t.partitions.flatMap((p) => p.replicaStates));
  copies.forEach((r, i) => {
    r.log = detached[i].log.slice();
    r.layout = cloneLayout(detached[i].layout);
  });
  return copy;
}
