/**
 * The discrete-event queue (docs/scenario-format.md, "Timing"): events fire in time order,
 * ties in the order they were scheduled (a sequence number breaks them). Stored as a binary
 * min-heap in a plain array so the world stays serializable data.
 */

export interface Queued<E> {
  atMs: number;
  seq: number;
  event: E;
}

export interface EventQueue<E> {
  heap: Queued<E>[];
  nextSeq: number;
}

export function emptyQueue<E>(): EventQueue<E> {
  return { heap: [], nextSeq: 0 };
}

function before<E>(a: Queued<E>, b: Queued<E>): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);
}

export function schedule<E>(queue: EventQueue<E>, atMs: number, event: E): void {
  const heap = queue.heap;
  const item: Queued<E> = { atMs, seq: queue.nextSeq++, event };
  heap.push(item);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(item, heap[parent])) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = item;
}

/** The earliest event's time, or `null` when nothing is scheduled. */
export function peekTime<E>(queue: EventQueue<E>): number | null {
  return queue.heap.length > 0 ? queue.heap[0].atMs : null;
}

export function pop<E>(queue: EventQueue<E>): Queued<E> | undefined {
  const heap = queue.heap;
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child = right < heap.length && before(heap[right], heap[left]) ? right : left;
    if (!before(heap[child], last)) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = last;
  return top;
}
