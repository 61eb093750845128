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
