/**
 * The leader-epoch cache (KIP-101), as Kafka's `LeaderEpochFileCache`: `[epoch, startOffset]`
 * pairs in increasing order. Only `leader-epoch` truncation keeps one.
 */

/** `LeaderEpochFileCache.assign`: first removes entries whose epoch ≥ `epoch` or start ≥ `startOffset`. */
export function assignEpoch(cache: [number, number][], epoch: number, startOffset: number): void {
  let keep = cache.length;
  while (keep > 0 && (cache[keep - 1][0] >= epoch || cache[keep - 1][1] >= startOffset)) keep--;
  cache.length = keep;
  cache.push([epoch, startOffset]);
}

/**
 * `LeaderEpochFileCache.truncateFromStart` (3.6.2; 2.8.2's is the same rule): removes the entries
 * that start at or below `startOffset` and puts the last of them back starting at `startOffset`,
 * so the epoch of the log's first offset stays known while older epochs are forgotten.
 */
export function truncateEpochsFromStart(cache: [number, number][], startOffset: number): void {
  let removed = 0;
  while (removed < cache.length && cache[removed][1] <= startOffset) removed++;
  if (removed === 0) return;
  const epoch = cache[removed - 1][0];
  cache.splice(0, removed, [epoch, startOffset]);
}
