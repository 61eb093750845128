/**
 * A lesson is data: an ordinary scenario document (without its title, which comes from the
 * texts in the reader's language), and for every timeline position 0..steps its narration key,
 * what to highlight and optionally a question. Texts live in the lazy `lessons` namespace
 * (`texts/en.json`, `texts/zh.json`) under the lesson's id; nothing in a lesson is written in a
 * language, and nothing of the narration is baked into the scenario.
 */
import type { Report } from '../core/model/report';

export type ChapterId = 'why' | 'basics' | 'cli' | 'storage' | 'producer' | 'replication' | 'failures' | 'consumers';

/**
 * A broker; a partition; a replica (a partition on a broker); one record of a replica's log; a
 * group's lag chart (the groups panel's `lag-chart` hook).
 */
export type Highlight =
  | { broker: number }
  | { lagChart: string }
  | { topic: string; partition: number }
  | { topic: string; partition: number; broker: number }
  | { topic: string; partition: number; broker: number; offset: number };

export interface Choice {
  /** Text key `<lesson>.q<position>.<id>`. */
  id: string;
  correct: boolean;
  /**
   * Whether what this choice predicts is what the runner reports at the question's `revealAt`.
   * The lesson tests check that it holds exactly for the correct choices.
   */
  holds: (report: Report) => boolean;
}

export interface Question {
  /** The position where the outcome is visible (> the position the question is asked at). */
  revealAt: number;
  choices: Choice[];
}

export interface Stop {
  highlight?: Highlight[];
  question?: Question;
  /** "The notes vs Kafka today": text key `<lesson>.n<position>callout`. */
  callout?: boolean;
  /** Offer to open the files on disk of this replica (the log lesson). */
  disk?: { topic: string; partition: number; broker: number };
}

/** A statement of the narration, checked against the runner's report at `at`. */
export interface Claim {
  at: number;
  /** For the test's message: what the narration says. */
  says: string;
  holds: (report: Report) => boolean;
}

export interface Lesson {
  id: string;
  chapter: ChapterId;
  /** An ordinary scenario document, without `title` (the title is `<id>.title`). */
  scenario: Record<string, unknown> & { steps: Record<string, unknown>[] };
  /** One per position, 0..steps.length; the narration of position n is `<id>.n<n>`. */
  stops: Stop[];
  claims: Claim[];
  /** A lesson to offer next at the end (e.g. the same steps in the other truncation mode). */
  next?: string;
}

/** A lesson listed in the course that is not written yet. */
export interface ComingLesson {
  id: string;
  chapter: ChapterId;
}
