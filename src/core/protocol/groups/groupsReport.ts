/**
 * The report's `groups` (docs/scenario-format.md, "Report"): each group as its coordinator sees
 * it, by group id; members by `member.id`, each with the partitions its consumer owns now (in
 * the order SyncGroup gave them; empty while an eager member rebalances); `committed` as the
 * coordinator's cache holds it (commits acknowledged: their records replicated).
 */
import type { GroupReport } from '../../model/groups';
import type { World } from '../../model/world';
import { groupCoordinatorPartition } from './coordinator';
import { OFFSETS_TOPIC } from './offsetsTopic';
import { compareJavaStrings } from './topicPartition';

function sortedCommitted(committed: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(committed).sort(compareJavaStrings)) out[key] = committed[key];
  return out;
}

export function groupsReport(world: World): GroupReport[] {
  const n = world.settings.cluster.config['offsets.topic.num.partitions'];
  const offsets = world.topics.find((t) => t.name === OFFSETS_TOPIC);
  return world.groups.groups.map((g) => {
    const partition = groupCoordinatorPartition(g.group, n);
    const members = [...g.members].sort((a, b) => compareJavaStrings(a.memberId, b.memberId)).map((m) => {
      const consumer = world.groups.consumers.find((c) => c.group === g.group && c.memberId === m.memberId && c.process !== 'closed');
      return { member: m.member, instanceId: m.instanceId, assignment: consumer ? [...consumer.assignment] : [] };
    });
    return {
      group: g.group,
      state: g.machine.value,
      generation: g.machine.generation,
      assignor: g.protocol,
      coordinator: { partition, broker: offsets?.partitions[partition]?.leader ?? null },
      members,
      committed: sortedCommitted(g.committed),
    };
  });
}
