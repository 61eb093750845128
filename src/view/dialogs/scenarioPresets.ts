/**
 * The new-scenario dialog's data: a draft of the cluster, its presets, and the scenario document
 * it becomes (the shared scenario-format.md). Pure: the validator judges the result.
 */
import type { ScenarioDocument } from '../../session/scenarioEdit';

export interface TopicDraft {
  name: string;
  partitions: number;
  replicationFactor: number;
  minInsyncReplicas: number;
  uncleanElection: boolean;
}

export interface ClusterDraft {
  title: string;
  brokers: number;
  metadata: 'kraft' | 'zookeeper';
  truncation: 'leader-epoch' | 'high-watermark';
  replication: 'auto' | 'manual';
  /** `default` leaves the era's client partitioner. */
  partitioner: 'default' | 'built-in' | 'sticky' | 'round-robin';
  topics: TopicDraft[];
}

export type PresetId = 'kraft36' | 'zookeeper28' | 'studyNotes';

const orders = (minInsyncReplicas: number): TopicDraft => ({
  name: 'orders', partitions: 3, replicationFactor: 3, minInsyncReplicas, uncleanElection: false,
});

export const PRESETS: Record<PresetId, ClusterDraft> = {
  kraft36: {
    title: '', brokers: 3, metadata: 'kraft', truncation: 'leader-epoch', replication: 'auto', partitioner: 'default',
    topics: [orders(2)],
  },
  zookeeper28: {
    title: '', brokers: 3, metadata: 'zookeeper', truncation: 'leader-epoch', replication: 'auto', partitioner: 'default',
    topics: [orders(1)],
  },
  // The study notes' model: ZooKeeper, truncation to the HW, null keys spread round-robin.
  studyNotes: {
    title: '', brokers: 3, metadata: 'zookeeper', truncation: 'high-watermark', replication: 'manual', partitioner: 'round-robin',
    topics: [{ ...orders(1), partitions: 1 }],
  },
};

export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

export function draftToDocument(draft: ClusterDraft): ScenarioDocument {
  const producer = draft.partitioner === 'default' ? undefined : { partitioner: draft.partitioner };
  return {
    version: 1,
    title: draft.title,
    seed: 1,
    cluster: { brokers: draft.brokers, metadata: draft.metadata, truncation: draft.truncation, replication: draft.replication },
    ...(producer ? { producer } : {}),
    topics: draft.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions,
      replicationFactor: topic.replicationFactor,
      config: {
        'min.insync.replicas': topic.minInsyncReplicas,
        'unclean.leader.election.enable': topic.uncleanElection,
      },
    })),
    steps: [],
  };
}
