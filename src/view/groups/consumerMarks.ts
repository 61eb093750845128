/**
 * What the leader's log strip marks for the consumer groups (pure; issue 18): per group consuming
 * a partition, its owner, the group's committed offset and the owner's position, and the records
 * that a delivery guarantee touches. Everything comes from the report (`groups`, `polled`), the
 * world's consumer processes (their `positions`) and the document's steps up to the cursor.
 *
 * The records marked (docs/ui-contract.md, "Consumer marks"):
 * - a consumer's records are "in process" from the poll that returned them until its next poll
 *   (the Java loop: `poll → process → poll`). A member killed while a batch is in process:
 *   - **skipped** (at most once): a `commit` step of that member came after the batch's poll and
 *     before the kill, and the group's committed offset is past the record, and no poll of the
 *     group returned it since: the commit said "done" before processing, the process died, and the
 *     next owner starts at the committed offset, after it;
 *   - **twice**, pending (at least once): the record is at or above the group's committed offset
 *     (or the group has none and the member resets to `earliest`): the next owner starts at or
 *     before it and reads it again;
 * - **twice**, done: any record the group's polls returned more than once (whatever the reason:
 *   a crash, an eager rebalance without a commit, an offset reset).
 * A killed member with no commit and `auto.offset.reset` `latest` loses its batch to the reset,
 * which is not a commit's doing: not marked. In `auto` replication the report lists only polls
 * that returned records, so a batch counts as in process until the member's next listed poll.
 */
import type { ConsumerState, GroupReport, PolledReport } from '../../core/model/groups';
import type { Step } from '../../core/model/scenario';

export type OffsetMarkKind = 'committed' | 'position';

/** A boundary mark: an offset the next read starts at (like the HW, between two cells). */
export interface OffsetMark {
  group: string;
  /** The partition's owner in the group (committed) or the consumer whose position it is; null: no owner. */
  member: string | null;
  kind: OffsetMarkKind;
  offset: number;
}

export type RecordMarkKind = 'skipped' | 'twice';

/** A record a delivery guarantee touches, for one group. */
export interface RecordMark {
  group: string;
  topic: string;
  partition: number;
  offset: number;
  kind: RecordMarkKind;
  /** `twice`: already read twice (true) or will be when the next owner polls (false). `skipped`: false. */
  done: boolean;
  /** The killed member whose batch it was, else the last member that read it. */
  member: string;
}

export interface PartitionConsumerMarks {
  /** Per group consuming the partition (owning it, or with a committed offset on it), in the report's order. */
  groups: { group: string; owner: string | null }[];
  offsets: OffsetMark[];
  records: RecordMark[];
}

export interface ConsumerMarksInput {
  groups: readonly GroupReport[];
  polled: readonly PolledReport[];
  /** The world's consumer processes (a name subscribed again after a kill is a later entry). */
  consumers: readonly ConsumerState[];
  /** The document's steps (only those before `position` are read). */
  steps: readonly Step[];
  /** Steps applied. */
  position: number;
}

const tpOf = (topic: string, partition: number) => `${topic}-${partition}`;

/** The latest process of (group, member). */
function latestProcess(consumers: readonly ConsumerState[], group: string, member: string): ConsumerState | undefined {
  for (let i = consumers.length - 1; i >= 0; i--) if (consumers[i].group === group && consumers[i].member === member) return consumers[i];
  return undefined;
}

/** The index of the last `kill` step of (group, member) before `position`, or -1. */
function killStep(steps: readonly Step[], position: number, group: string, member: string): number {
  for (let i = Math.min(position, steps.length) - 1; i >= 0; i--) {
    const s = steps[i];
    if (s.op === 'kill' && s.group === group && s.member === member) return i;
  }
  return -1;
}

/** The records a delivery guarantee touches for `group`, on every partition, sorted by partition then offset. */
export function deliveryMarks(group: GroupReport, input: ConsumerMarksInput): RecordMark[] {
  const polls = input.polled.filter((p) => p.group === group.group);
  // How many times the group's polls returned each record, and who read it last.
  const reads = new Map<string, { count: number; last: string; topic: string; partition: number; offset: number }>();
  for (const poll of polls) {
    for (const r of poll.records) {
      const key = `${tpOf(r.topic, r.partition)}@${r.offset}`;
      const seen = reads.get(key);
      reads.set(key, { count: (seen?.count ?? 0) + 1, last: poll.member, topic: r.topic, partition: r.partition, offset: r.offset });
    }
  }
  const marks = new Map<string, RecordMark>();
  for (const [key, read] of reads) {
    if (read.count >= 2) marks.set(key, { group: group.group, topic: read.topic, partition: read.partition, offset: read.offset, kind: 'twice', done: true, member: read.last });
  }
  const members = [...new Set(input.consumers.filter((c) => c.group === group.group).map((c) => c.member))];
  for (const member of members) {
    const process = latestProcess(input.consumers, group.group, member);
    if (process?.process !== 'killed') continue;
    const killed = killStep(input.steps, input.position, group.group, member);
    if (killed < 0) continue;
    let batch: PolledReport | undefined;
    for (const poll of polls) if (poll.member === member && poll.step < killed) batch = poll;
    if (!batch) continue;
    const from = batch.step;
    const committedAfter = input.steps.some((s, i) => i > from && i < killed && s.op === 'commit' && s.group === group.group && s.member === member);
    for (const r of batch.records) {
      const key = `${tpOf(r.topic, r.partition)}@${r.offset}`;
      if (marks.has(key)) continue; // already read twice
      const committed = group.committed[tpOf(r.topic, r.partition)] as number | undefined;
      const base = { group: group.group, topic: r.topic, partition: r.partition, offset: r.offset, member };
      if (committed !== undefined && r.offset < committed) {
        if (committedAfter) marks.set(key, { ...base, kind: 'skipped', done: false });
      } else if (committed !== undefined || process.config['auto.offset.reset'] === 'earliest') {
        marks.set(key, { ...base, kind: 'twice', done: false });
      }
    }
  }
  return [...marks.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition || a.offset - b.offset));
}

/** The marks of one partition's leader strip: per group consuming it, committed offset, position and records. */
export function partitionConsumerMarks(topic: string, partition: number, input: ConsumerMarksInput): PartitionConsumerMarks {
  const tp = tpOf(topic, partition);
  const out: PartitionConsumerMarks = { groups: [], offsets: [], records: [] };
  for (const group of input.groups) {
    const owner = group.members.find((m) => m.assignment.includes(tp))?.member ?? null;
    const committed = group.committed[tp] as number | undefined;
    const records = deliveryMarks(group, input).filter((m) => m.topic === topic && m.partition === partition);
    if (owner === null && committed === undefined && records.length === 0) continue;
    out.groups.push({ group: group.group, owner });
    if (committed !== undefined) out.offsets.push({ group: group.group, member: owner, kind: 'committed', offset: committed });
    // The owner's position, when its own client holds the partition now and has a position on it.
    const process = owner === null ? undefined : latestProcess(input.consumers, group.group, owner);
    const position = process?.process === 'running' && process.assignment.includes(tp) ? process.positions[tp] as number | undefined : undefined;
    if (owner !== null && position !== undefined) out.offsets.push({ group: group.group, member: owner, kind: 'position', offset: position });
    out.records.push(...records);
  }
  return out;
}

/** One label to place: its left edge and width, in pixels. */
export interface LabelBox {
  left: number;
  width: number;
}

/**
 * Rows for labels on one line so that none covers another: each label goes to the lowest row
 * where it keeps `gap` pixels from every label already there (in the given order).
 */
export function stackRows(boxes: readonly LabelBox[], gap = 4): number[] {
  const rows: LabelBox[][] = [];
  return boxes.map((box) => {
    let row = rows.findIndex((placed) => placed.every((p) => box.left + box.width + gap <= p.left || p.left + p.width + gap <= box.left));
    if (row < 0) {
      row = rows.length;
      rows.push([]);
    }
    rows[row].push(box);
    return row;
  });
}

/**
 * A label's box on a strip `width` pixels wide for a mark at `x` pixels: to the right of its
 * mark, or ending at it past 70 % of the width (as the HW and LEO labels flip), kept inside.
 */
export function labelBox(x: number, labelWidth: number, width: number): LabelBox {
  const left = x > 0.7 * width ? x - labelWidth : x;
  return { left: Math.max(0, Math.min(left, width - labelWidth)), width: labelWidth };
}

/** One sentence of the group panel: a member's records on one partition that a guarantee touched. */
export interface DeliveryNote {
  kind: 'skipped' | 'willTwice' | 'twice';
  member: string;
  tp: string;
  offsets: number[];
  /** The group's committed offset on the partition, if any. */
  committed: number | null;
}

/** The group's delivery marks as sentences: per kind, member (the dead one, or the last reader) and partition. */
export function deliveryNotes(group: GroupReport, marks: readonly RecordMark[]): DeliveryNote[] {
  const notes = new Map<string, DeliveryNote>();
  for (const m of marks) {
    const kind = m.kind === 'skipped' ? 'skipped' : m.done ? 'twice' : 'willTwice';
    const tp = tpOf(m.topic, m.partition);
    // A record read twice is the group's doing, whoever read it last: one sentence per partition.
    const member = kind === 'twice' ? '' : m.member;
    const key = JSON.stringify([kind, member, tp]);
    const note = notes.get(key) ?? { kind, member, tp, offsets: [], committed: (group.committed[tp] as number | undefined) ?? null };
    note.offsets.push(m.offset);
    notes.set(key, note);
  }
  return [...notes.values()];
}
