/**
 * Reactions: what follows from a mechanism, as plain data (docs/architecture.md, "Reactions as
 * data"). A mechanism queues a reaction on its `SimContext` instead of calling the mechanism that
 * must react, and `step.ts`'s one loop (`settle`) hands each to the mechanism it names, the way
 * Kafka's purgatories complete delayed operations by key once the operation that unblocks them is
 * done. So no file of `src/core` imports another in a cycle.
 */
import type { FetchPartitionRequest, FetchPartitionResponse } from './world';

/** An answer from a partition leader to one produce attempt: an error name, or null for success. */
export interface ProduceAnswer {
  produced: number;
  attempt: number;
  error: string | null;
  /** The offset the answer carries (success), or null. */
  offset: number | null;
}

export type Reaction =
  /** The leader's HW rose: acks=all produces it holds may complete (`DelayedProduce`, by partition). */
  | { type: 'high-watermark-advanced'; topic: string; partition: number }
  /** A leader answered a produce attempt: the producer takes the answer. */
  | ({ type: 'produce-answered' } & ProduceAnswer)
  /** The periodic ISR check reaches one partition (inSyncReplicas.ts). */
  | { type: 'isr-check'; topic: string; partition: number }
  /** A follower's fetch request reached its leader: it processes the partitions one by one, then answers. */
  | ({ type: 'fetch-read' } & FetchReading)
  /** A manual `fetch` step's next round trip for one partition (fetch.ts). */
  | ({ type: 'fetch-exchange' } & FetchExchange)
  /** The leader answered that round trip; the follower takes the answer. */
  | ({ type: 'fetch-exchange-answered'; response: FetchPartitionResponse } & FetchExchange);

/** A fetch request being read by its leader: the responses so far, one per request partition. */
export interface FetchReading {
  follower: number;
  leader: number;
  requestSeq: number;
  requests: FetchPartitionRequest[];
  responses: FetchPartitionResponse[];
}

export interface FetchExchange {
  follower: number;
  topic: string;
  partition: number;
  dropResponse: boolean;
  /** 0 for the first round trip of the step for this partition. */
  exchange: number;
}
