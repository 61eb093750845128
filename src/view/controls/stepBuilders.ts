/**
 * Pure builders of scenario-document steps from what the controls collect (docs: the shared
 * scenario-format.md, "Steps"). They only shape data; the simulator decides what happens.
 */
import type { DocumentStep } from '../../session/scenarioEdit';

export type AcksChoice = 'default' | '0' | '1' | 'all';

export interface ProduceInput {
  topic: string;
  key: string | null;
  value: string;
  acks: AcksChoice;
  partition: number | null;
  count: number;
}

export function produceStep(input: ProduceInput): DocumentStep {
  const step: DocumentStep = { op: 'produce', topic: input.topic, key: input.key, value: input.value };
  if (input.partition !== null) step.partition = input.partition;
  if (input.acks !== 'default') step.acks = input.acks === 'all' ? 'all' : Number(input.acks);
  if (input.count > 1) step.count = input.count;
  return step;
}

export type BrokerAction = 'crash' | 'restart' | 'shutdown' | 'isolate';

export function brokerStep(op: BrokerAction, broker: number, lostTail = 0): DocumentStep {
  return op === 'crash' && lostTail > 0 ? { op, broker, lostTail } : { op, broker };
}

export function fetchStep(broker: number, responseLost: boolean): DocumentStep {
  return responseLost ? { op: 'fetch', broker, response: 'drop' } : { op: 'fetch', broker };
}

export function runStep(ms: number): DocumentStep {
  return { op: 'run', ms };
}

export const healStep: DocumentStep = { op: 'heal' };

/** The quick "run" buttons, in simulated ms. */
export const QUICK_RUNS_MS = [1, 500, 10_000, 45_000] as const;
export const MAX_RUN_MS = 3_600_000;
