/**
 * What happened during one step, for the animation layer and the inspector's "last step in
 * words". Events describe; they never drive the simulation (the world is the truth).
 */
export type SimEvent =
  | { type: 'append'; atMs: number; topic: string; partition: number; broker: number; offset: number; leaderEpoch: number; step: number; index: number }
  | { type: 'produce-response'; atMs: number; produced: number; topic: string; partition: number; acked: boolean; error: string | null }
  | { type: 'fetch-request'; atMs: number; topic: string; partition: number; follower: number; leader: number; fetchOffset: number }
  | { type: 'fetch-response'; atMs: number; topic: string; partition: number; follower: number; leader: number; records: number; highWatermark: number; dropped: boolean }
  | { type: 'high-watermark'; atMs: number; topic: string; partition: number; broker: number; from: number; to: number }
  | { type: 'isr-shrink'; atMs: number; topic: string; partition: number; removed: number[]; isr: number[] }
  | { type: 'isr-expand'; atMs: number; topic: string; partition: number; added: number; isr: number[] };
