/**
 * The course's table of contents: the chapters in the notes' order and each lesson's id and
 * chapter, without the lessons' scenarios (`catalog.ts`, checked against this list by
 * `lessons.test.ts`). The course page needs only this and `texts/index.*.json`, so the first
 * page a visitor sees does not wait for every lesson's scenario and narration.
 */
import type { ChapterId, ComingLesson } from './types';

export const CHAPTERS: ChapterId[] = ['why', 'basics', 'cli', 'storage', 'producer', 'replication', 'failures', 'consumers'];

/** Every lesson in the course's order. */
export const COURSE: { id: string; chapter: ChapterId }[] = [
  { id: 'why-queue', chapter: 'why' },
  { id: 'topics-partitions', chapter: 'basics' },
  { id: 'consumer-groups', chapter: 'basics' },
  { id: 'cli-topics', chapter: 'cli' },
  { id: 'cli-console', chapter: 'cli' },
  { id: 'log-segments', chapter: 'storage' },
  { id: 'retention', chapter: 'storage' },
  { id: 'partitioner', chapter: 'producer' },
  { id: 'acks', chapter: 'producer' },
  { id: 'retries', chapter: 'producer' },
  { id: 'idempotence', chapter: 'producer' },
  { id: 'isr', chapter: 'replication' },
  { id: 'min-insync', chapter: 'replication' },
  { id: 'why-isr', chapter: 'replication' },
  { id: 'follower-failure', chapter: 'failures' },
  { id: 'leader-failure', chapter: 'failures' },
  { id: 'kip101-loss', chapter: 'failures' },
  { id: 'kip101-loss-epoch', chapter: 'failures' },
  { id: 'kip101-divergence', chapter: 'failures' },
  { id: 'kip101-divergence-epoch', chapter: 'failures' },
  { id: 'consumer-offsets', chapter: 'consumers' },
  { id: 'delivery-semantics', chapter: 'consumers' },
  { id: 'offsets-storage', chapter: 'consumers' },
  { id: 'rebalance', chapter: 'consumers' },
];

/** Listed in the course as "coming" (none at the moment: every lesson of the course is written). */
export const COMING: ComingLesson[] = [];
