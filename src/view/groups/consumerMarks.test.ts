import { describe, expect, it } from 'vitest';
import { deliveryMarks, deliveryNotes, labelBox, partitionConsumerMarks, stackRows, type ConsumerMarksInput } from './consumerMarks';
import { simulate } from '../../core/scenario/runScenario';
import { buildReport } from '../../core/scenario/report';
import { formatProblem, validateScenarioDocument } from '../../core/scenario/validateScenario';
import type { Scenario } from '../../core/model/scenario';
import { deliveryDocument } from '../../core/golden/deliveryScenario';

function valid(document: unknown): Scenario {
  const result = validateScenarioDocument(document);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

/** The input the app builds at `at` steps: the report's groups and polls, the world's consumers. */
function inputAt(scenario: Scenario, at: number): ConsumerMarksInput {
  const world = simulate(scenario, at);
  const report = buildReport(world);
  return { groups: report.groups, polled: report.polled, consumers: world.groups.consumers, steps: scenario.steps, position: at };
}

// The runner test's scenario (src/core/golden/deliveryScenario.ts).
const doc = (middle: object[]) => valid(deliveryDocument(middle));

describe('partitionConsumerMarks: owner, committed offset, position', () => {
  it('after c1 polls 0–3 and commits: c1 owns t-0, committed 4 and position 4', () => {
    const s = doc([{ op: 'commit', group: 'g', member: 'c1' }]);
    const marks = partitionConsumerMarks('t', 0, inputAt(s, 5)); // subscribe, run, produce, poll, commit
    expect(marks.groups).toEqual([{ group: 'g', owner: 'c1' }]);
    expect(marks.offsets).toEqual([
      { group: 'g', member: 'c1', kind: 'committed', offset: 4 },
      { group: 'g', member: 'c1', kind: 'position', offset: 4 },
    ]);
    expect(marks.records).toEqual([]);
  });

  it('after the poll but before any commit: a position (4) and no committed offset', () => {
    const marks = partitionConsumerMarks('t', 0, inputAt(doc([]), 4));
    expect(marks.offsets).toEqual([{ group: 'g', member: 'c1', kind: 'position', offset: 4 }]);
  });

  it('a partition no group touches has no marks', () => {
    const marks = partitionConsumerMarks('other', 0, inputAt(doc([]), 4));
    expect(marks).toEqual({ groups: [], offsets: [], records: [] });
  });
});

describe('deliveryMarks: what at most once and at least once do to records', () => {
  it('commit, then killed: 0–3 are skipped (at most once), and c2 polls nothing', () => {
    const s = doc([{ op: 'commit', group: 'g', member: 'c1' }]);
    for (const at of [6, s.steps.length]) { // right after the kill, and after c2's poll
      const input = inputAt(s, at);
      expect(deliveryMarks(input.groups[0], input).map((m) => [m.kind, m.offset, m.member, m.done])).toEqual(
        [0, 1, 2, 3].map((o) => ['skipped', o, 'c1', false]),
      );
    }
  });

  it('killed before committing: 0–3 will be read twice, then are read twice once c2 polls', () => {
    const s = doc([]);
    const killed = inputAt(s, 5); // ..., poll, kill
    expect(deliveryMarks(killed.groups[0], killed).map((m) => [m.kind, m.offset, m.member, m.done])).toEqual(
      [0, 1, 2, 3].map((o) => ['twice', o, 'c1', false]),
    );
    const reread = inputAt(s, s.steps.length);
    expect(deliveryMarks(reread.groups[0], reread).map((m) => [m.kind, m.offset, m.member, m.done])).toEqual(
      [0, 1, 2, 3].map((o) => ['twice', o, 'c2', true]),
    );
  });

  it('a running consumer with nothing read twice marks nothing', () => {
    const s = doc([{ op: 'commit', group: 'g', member: 'c1' }]);
    const input = inputAt(s, 5);
    expect(deliveryMarks(input.groups[0], input)).toEqual([]);
  });

  it('hand-built: a commit that did not cover the batch (offset 2 < 5) leaves 2–4 to be read again, 0–1 untouched', () => {
    const input = {
      groups: [{ group: 'g', state: 'Empty', generation: 2, assignor: null, coordinator: { partition: 0, broker: 1 }, members: [], committed: { 't-0': 2 } }],
      polled: [{ step: 1, group: 'g', member: 'c1', records: [0, 1].map((offset) => ({ topic: 't', partition: 0, offset, key: null, value: '' })) },
        { step: 3, group: 'g', member: 'c1', records: [2, 3, 4].map((offset) => ({ topic: 't', partition: 0, offset, key: null, value: '' })) }],
      consumers: [{ group: 'g', member: 'c1', process: 'killed', config: { 'auto.offset.reset': 'earliest' } }],
      steps: [{ op: 'subscribe' }, { op: 'poll' }, { op: 'commit', group: 'g', member: 'c1' }, { op: 'poll' }, { op: 'kill', group: 'g', member: 'c1' }],
      position: 5,
    } as unknown as ConsumerMarksInput;
    expect(deliveryMarks(input.groups[0], input).map((m) => `${m.kind}:${m.offset}`)).toEqual(['twice:2', 'twice:3', 'twice:4']);
  });
});

describe('stackRows and labelBox: labels never cover each other', () => {
  it('puts overlapping labels on the next free row, and reuses a row once there is room', () => {
    // [0,50) and [30,80) overlap: row 1; [90,120) fits row 0; [54,62) keeps 4 px from [0,50): row 0;
    // [52,60) is 2 px from [0,50) and overlaps [54,62) and [30,80): row 2.
    expect(stackRows([{ left: 0, width: 50 }, { left: 30, width: 50 }, { left: 90, width: 30 }, { left: 54, width: 8 }, { left: 52, width: 8 }]))
      .toEqual([0, 1, 0, 0, 2]);
    expect(stackRows([{ left: 0, width: 50 }, { left: 0, width: 50 }, { left: 0, width: 50 }])).toEqual([0, 1, 2]);
  });

  it('a label starts at its mark, ends at it past 70 %, and stays inside the strip', () => {
    expect(labelBox(10, 40, 200)).toEqual({ left: 10, width: 40 });
    expect(labelBox(150, 40, 200)).toEqual({ left: 110, width: 40 });
    expect(labelBox(130, 100, 200)).toEqual({ left: 100, width: 100 }); // would run past 200
    expect(labelBox(190, 300, 200)).toEqual({ left: 0, width: 300 });
  });
});

describe('deliveryNotes', () => {
  it('one sentence per kind, member and partition, with the committed offset', () => {
    const s = doc([{ op: 'commit', group: 'g', member: 'c1' }]);
    const input = inputAt(s, 6);
    expect(deliveryNotes(input.groups[0], deliveryMarks(input.groups[0], input))).toEqual([
      { kind: 'skipped', member: 'c1', tp: 't-0', offsets: [0, 1, 2, 3], committed: 4 },
    ]);
    const reread = inputAt(doc([]), doc([]).steps.length);
    expect(deliveryNotes(reread.groups[0], deliveryMarks(reread.groups[0], reread))).toEqual([
      { kind: 'twice', member: '', tp: 't-0', offsets: [0, 1, 2, 3], committed: null },
    ]);
  });
});
