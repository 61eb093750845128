/**
 * `kafka-consumer-groups.sh --describe` (`ConsumerGroupService.describeGroups`, 3.6.2 and 2.8.2
 * `ConsumerGroupCommand.scala`): groups in name order (a `TreeMap`), each as
 * `shouldPrintMemberState` allows — Dead: "Error: Consumer group 'G' does not exist." on stdout;
 * Empty: "Consumer group 'G' has no active members." on stderr; rebalancing: a warning on stderr —
 * then `printOffsets` (the default), `printMembers` (`--members [--verbose]`) or `printStates`
 * (`--state`) with Kafka's column widths (`%-Ns`, each at least 15 and widened to the longest value).
 *
 * - LOG-END-OFFSET is what ListOffsets(latest) answers a read_uncommitted admin client: the HW
 *   (docs/scenario-format.md, "Groups"); "-" when the partition has no serving leader (Kafka's
 *   admin client would retry until `--timeout` and fail: a stated simplification).
 * - Rows with a consumer: members with partitions, most partitions first, each member's
 *   partitions by partition number; then the committed partitions no member owns, by topic and
 *   partition. Kafka's row order also passes through Scala maps, whose order is the insertion
 *   order for up to 4 entries and hash order beyond: we keep the sorted order.
 * - HOST is `/127.0.0.1` (groupAdmin.ts); the coordinator of `--state` is `localhost:<9091+id> (id)`.
 */
import type { DescribedGroup } from '../protocol/groups/groupAdmin';
import type { ToolRun } from './cliOutput';
import type { SimContext } from '../simContext';
import { findTopic } from '../simContext';
import { servingLeader } from '../protocol/groups/consumerClient';
import { compareByTopicThenPartition, parseTopicPartition } from '../protocol/groups/topicPartition';

const MISSING = '-';

/** Java's `%-Ns`: left-aligned, padded to at least `width`. */
export const col = (text: string | number, width: number) => String(text).padEnd(width);

/** `printError`: a blank line, then `Error: …` on stdout. */
export function printError(run: ToolRun, message: string): void {
  run.out.println();
  run.out.println(`Error: ${message}`);
}

/** ListOffsets(latest) for a read_uncommitted client: the leader's HW, or null without a serving leader. */
export function logEndOffsetOf(ctx: SimContext, tp: string): number | null {
  const { topic, partition } = parseTopicPartition(tp);
  const p = findTopic(ctx.world, topic)?.partitions[partition];
  const leader = p && servingLeader(ctx, p);
  return leader ? leader.highWatermark : null;
}

/** `shouldPrintMemberState`: the state's message; true when a table follows. */
function shouldPrint(run: ToolRun, group: string, state: string, rows: number): boolean {
  if (state === 'Dead') printError(run, `Consumer group '${group}' does not exist.`);
  else if (state === 'Empty') run.out.eprintln(`\nConsumer group '${group}' has no active members.`);
  else if (state === 'PreparingRebalance' || state === 'CompletingRebalance') run.out.eprintln(`\nWarning: Consumer group '${group}' is rebalancing.`);
  return state !== 'Dead' && rows > 0;
}

interface OffsetRow {
  topic: string;
  partition: number;
  offset: number | null;
  logEndOffset: number | null;
  consumerId: string;
  host: string;
  clientId: string;
}

function offsetRows(ctx: SimContext, d: DescribedGroup): OffsetRow[] {
  const rows: OffsetRow[] = [];
  const assigned = new Set<string>();
  const members = d.members.filter((m) => m.assignment.length > 0);
  // sortBy(size)(reverse): stable, so equal sizes keep the coordinator's member order.
  members.sort((a, b) => b.assignment.length - a.assignment.length);
  const row = (tp: string, who: { consumerId: string; host: string; clientId: string }): OffsetRow => {
    const { topic, partition } = parseTopicPartition(tp);
    return { topic, partition, offset: d.committed[tp] ?? null, logEndOffset: logEndOffsetOf(ctx, tp), ...who };
  };
  for (const m of members) {
    const tps = [...m.assignment].sort((a, b) => parseTopicPartition(a).partition - parseTopicPartition(b).partition);
    for (const tp of tps) {
      assigned.add(tp);
      rows.push(row(tp, m));
    }
  }
  const unassigned = Object.keys(d.committed).filter((tp) => !assigned.has(tp))
    .sort((a, b) => compareByTopicThenPartition(parseTopicPartition(a), parseTopicPartition(b)));
  for (const tp of unassigned) rows.push(row(tp, { consumerId: MISSING, host: MISSING, clientId: MISSING }));
  return rows;
}

/** `printOffsets`. */
export function printOffsets(run: ToolRun, groups: DescribedGroup[]): void {
  for (const d of groups) {
    const rows = offsetRows(run.ctx, d);
    if (!shouldPrint(run, d.group, d.state, rows.length)) continue;
    let [g, t, c, h] = [15, 15, 15, 15];
    for (const r of rows) {
      g = Math.max(g, d.group.length);
      t = Math.max(t, r.topic.length);
      c = Math.max(c, r.consumerId.length);
      h = Math.max(h, r.host.length);
    }
    const line = (cells: (string | number)[]) => `${col(cells[0], g)} ${col(cells[1], t)} ${col(cells[2], 10)} ${col(cells[3], 15)} ${col(cells[4], 15)} ${col(cells[5], 15)} ${col(cells[6], c)} ${col(cells[7], h)} ${cells[8]}`;
    run.out.println(`\n${line(['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID'])}`);
    for (const r of rows) {
      // getLag: only with both a committed offset and a log end offset.
      const lag = r.offset !== null && r.logEndOffset !== null ? r.logEndOffset - r.offset : MISSING;
      run.out.println(line([d.group, r.topic, r.partition, r.offset ?? MISSING, r.logEndOffset ?? MISSING, lag, r.consumerId, r.host, r.clientId]));
    }
  }
}

/** `--verbose`'s ASSIGNMENT: `topic(0,1)` per topic, sorted, or `-`. */
function assignmentText(assignment: string[]): string {
  if (assignment.length === 0) return MISSING;
  const byTopic = new Map<string, number[]>();
  for (const tp of assignment) {
    const { topic, partition } = parseTopicPartition(tp);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
  }
  return [...byTopic].map(([topic, ps]) => `${topic}(${[...ps].sort((a, b) => a - b).join(',')})`).sort().join(', ');
}

/** `printMembers`. */
export function printMembers(run: ToolRun, groups: DescribedGroup[], verbose: boolean): void {
  for (const d of groups) {
    if (!shouldPrint(run, d.group, d.state, d.members.length)) continue;
    let [g, c, i, h, cl] = [15, 15, 17, 15, 15];
    let withInstance = false;
    for (const m of d.members) {
      g = Math.max(g, d.group.length);
      c = Math.max(c, m.consumerId.length);
      i = Math.max(i, (m.groupInstanceId ?? '').length);
      h = Math.max(h, m.host.length);
      cl = Math.max(cl, m.clientId.length);
      withInstance = withInstance || (m.groupInstanceId ?? '') !== '';
    }
    const cells = (group: string, id: string, instance: string, host: string, client: string, n: string | number) => (withInstance
      ? `${col(group, g)} ${col(id, c)} ${col(instance, i)} ${col(host, h)} ${col(client, cl)} ${col(n, 15)} `
      : `${col(group, g)} ${col(id, c)} ${col(host, h)} ${col(client, cl)} ${col(n, 15)} `);
    run.out.println(`\n${cells('GROUP', 'CONSUMER-ID', 'GROUP-INSTANCE-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS')}${verbose ? 'ASSIGNMENT' : ''}`);
    for (const m of d.members) {
      run.out.println(`${cells(d.group, m.consumerId, m.groupInstanceId ?? '', m.host, m.clientId, m.assignment.length)}${verbose ? assignmentText(m.assignment) : ''}`);
    }
  }
}

/** `printStates`: note that Kafka sizes the GROUP column by the coordinator's text. */
export function printStates(run: ToolRun, groups: DescribedGroup[]): void {
  for (const d of groups) {
    if (!shouldPrint(run, d.group, d.state, 1)) continue;
    const coordinator = `localhost:${9091 + d.coordinator} (${d.coordinator})`;
    const w = Math.max(25, coordinator.length);
    const line = (a: string, b: string, c: string, s: string, n: string | number) => `\n${col(a, w)} ${col(b, 25)} ${col(c, 20)} ${col(s, 15)} ${n}`;
    run.out.print(line('GROUP', 'COORDINATOR (ID)', 'ASSIGNMENT-STRATEGY', 'STATE', '#MEMBERS'));
    run.out.print(line(d.group, coordinator, d.assignor, d.state, d.members.length));
    run.out.println();
  }
}
