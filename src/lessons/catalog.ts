/** Every lesson, in the course's order, and the ones still to come (chapters in the notes' order). */
import { logSegments, partitioner, topicsPartitions, whyQueue } from './data/basics';
import { cliConsole, cliTopics } from './data/cli';
import { consumerGroups, consumerOffsets, deliverySemantics, offsetsStorage, rebalance } from './data/consumers';
import { followerFailure, kip101Divergence, kip101DivergenceEpochLesson, kip101Loss, kip101LossEpochLesson, leaderFailure } from './data/failures';
import { acks, idempotence, retries } from './data/producer';
import { isr, minInsync, whyIsr } from './data/replication';
import { retention } from './data/retention';
import type { Lesson } from './types';

export { CHAPTERS, COMING } from './courseIndex';

/** In the course's order (`courseIndex.ts` lists the same ids and chapters; lessons.test.ts checks it). */
export const LESSONS: Lesson[] = [
  whyQueue, topicsPartitions, consumerGroups, cliTopics, cliConsole, logSegments, retention, partitioner, acks, retries, idempotence, isr, minInsync, whyIsr,
  followerFailure, leaderFailure, kip101Loss, kip101LossEpochLesson, kip101Divergence, kip101DivergenceEpochLesson,
  consumerOffsets, deliverySemantics, offsetsStorage, rebalance,
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The lesson's scenario as a document, titled in the reader's language. */
export function lessonDocument(lesson: Lesson, title: string): Record<string, unknown> {
  return { ...lesson.scenario, title };
}

/**
 * The position whose narration is shown at `position`: the latest k ≤ position for which the
 * lesson has a text (`<id>.n<k>`); a stop without words keeps the previous narration.
 */
export function narrationPosition(lesson: Lesson, position: number, hasText: (key: string) => boolean): number {
  for (let k = Math.min(position, lesson.stops.length - 1); k > 0; k--) if (hasText(`${lesson.id}.n${k}`)) return k;
  return 0;
}
