/**
 * Editing a scenario *document* (the JSON a link carries, not the validated `Scenario`): acting
 * at the cursor (forking: later steps dropped), inserting and deleting steps (later steps stay and
 * are simulated again), and validating the result (DESIGN.md, "Acting in the past forks").
 *
 * A step that became invalid is kept in the document and marked with the validator's message;
 * the timeline then ends before the first invalid step, so positions still match step indices.
 * Pure TypeScript: no React, DOM or storage.
 */
import type { Scenario } from '../core/model/scenario';
import { formatProblem, validateScenarioDocument } from '../core/scenario/validateScenario';

/** A step as the document writes it: `{ op: "crash", broker: 2 }`. */
export type DocumentStep = { op: string } & Record<string, unknown>;
export type ScenarioDocument = Record<string, unknown>;

export function documentSteps(document: ScenarioDocument): unknown[] {
  return Array.isArray(document.steps) ? document.steps : [];
}

function withSteps(document: ScenarioDocument, steps: unknown[]): ScenarioDocument {
  return { ...document, steps };
}

/** Acting at position `at`: the step goes after the first `at` steps; later ones are dropped. */
export function forkAt(document: ScenarioDocument, at: number, step: DocumentStep): ScenarioDocument {
  return withSteps(document, [...documentSteps(document).slice(0, at), step]);
}

/** Inserting at position `at`: the step goes after the first `at` steps; later ones stay. */
export function insertAt(document: ScenarioDocument, at: number, step: DocumentStep): ScenarioDocument {
  const steps = documentSteps(document);
  return withSteps(document, [...steps.slice(0, at), step, ...steps.slice(at)]);
}

/** Deletes step `index` (0-based); later steps stay. */
export function deleteStep(document: ScenarioDocument, index: number): ScenarioDocument {
  return withSteps(document, documentSteps(document).filter((_, i) => i !== index));
}

/**
 * Sets (or, with null, removes) step `index`'s `note`: an instructor's commentary that travels
 * with the document. The step itself is unchanged.
 */
export function withStepNote(document: ScenarioDocument, index: number, note: string | null): ScenarioDocument {
  return withSteps(document, documentSteps(document).map((step, i) => {
    if (i !== index || typeof step !== 'object' || step === null) return step;
    const { note: _old, ...rest } = step as Record<string, unknown>;
    return note === null ? rest : { ...rest, note };
  }));
}

export type EditedScenario =
  | {
      ok: true;
      /** What the timeline simulates: the document up to (not including) its first invalid step. */
      scenario: Scenario;
      /** Validator messages of each invalid step, by step index. */
      invalidSteps: Record<number, string[]>;
    }
  | { ok: false; lines: string[] };

const STEP_PATH = /^steps\[(\d+)\]/;

/** Validates an edited document; problems confined to steps mark those steps instead of failing. */
export function validateEdited(document: ScenarioDocument): EditedScenario {
  const parsed = validateScenarioDocument(document);
  if (parsed.ok) return { ok: true, scenario: parsed.scenario, invalidSteps: {} };
  const invalidSteps: Record<number, string[]> = {};
  for (const problem of parsed.problems) {
    const match = STEP_PATH.exec(problem.path);
    if (!match) return { ok: false, lines: parsed.problems.map(formatProblem) };
    const index = Number(match[1]);
    (invalidSteps[index] ??= []).push(formatProblem(problem));
  }
  const firstInvalid = Math.min(...Object.keys(invalidSteps).map(Number));
  const runnable = validateScenarioDocument(withSteps(document, documentSteps(document).slice(0, firstInvalid)));
  if (!runnable.ok) return { ok: false, lines: parsed.problems.map(formatProblem) };
  return { ok: true, scenario: runnable.scenario, invalidSteps };
}

/** The first step index at which two step lists differ (the shorter length when one extends the other). */
export function firstDifference(before: readonly unknown[], after: readonly unknown[]): number {
  const n = Math.min(before.length, after.length);
  for (let i = 0; i < n; i += 1) {
    if (JSON.stringify(before[i]) !== JSON.stringify(after[i])) return i;
  }
  return n;
}
