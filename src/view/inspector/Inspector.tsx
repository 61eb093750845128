import { memo } from 'react';
import { usePanelValue } from '../panelValue';
import { useTranslation } from 'react-i18next';
import type { SimEvent } from '../../core/model/events';
import { Field } from '../controls/Field';
import type { World } from '../../core/model/world';
import { useSession } from '../../store/sessionStore';
import { useView, viewActions, type Selection } from '../../store/viewStore';
import { useSplit } from '../../store/splitStore';
import { LazyTimeChart } from '../chart/LazyTimeChart';
import { partitionKey } from '../viewModel';
import { BrokerFacts } from './BrokerFacts';
import { ProducerFacts } from './ProducerFacts';
import { LastStepEvents } from './LastStepEvents';
import { PartitionFacts } from './PartitionFacts';

function selectionValue(selection: Selection): string {
  return selection.kind === 'broker' ? `b:${selection.broker}` : `p:${selection.partition}:${selection.topic}`;
}

function parseSelection(value: string): Selection {
  if (value.startsWith('b:')) return { kind: 'broker', broker: Number(value.slice(2)) };
  const [, partition, ...topic] = value.split(':');
  return { kind: 'partition', topic: topic.join(':'), partition: Number(partition) };
}

/** The default subject: the first user partition. */
function defaultSelection(world: World): Selection | null {
  const topic = world.topics.find((t) => !t.name.startsWith('__')) ?? world.topics[0];
  return topic ? { kind: 'partition', topic: topic.name, partition: 0 } : null;
}

/**
 * The text equivalent of the picture: for the selected broker or partition, every number the
 * picture draws, the state machines' states, and the last step's events in words.
 *
 * After a step or a jump it follows the session one render behind the picture (panelValue.ts).
 */
export function Inspector() {
  const world = usePanelValue(useSession((s) => s.world));
  const events = usePanelValue(useSession((s) => s.events));
  const position = usePanelValue(useSession((s) => s.position));
  const chosen = useView((s) => s.selection);
  const split = useSplit();
  return <InspectorPanel world={world} events={events} position={position} chosen={chosen} split={split !== null} />;
}

interface InspectorPanelProps {
  world: World | null;
  events: SimEvent[];
  position: number;
  chosen: Selection | null;
  split: boolean;
}

const InspectorPanel = memo(function InspectorPanel({ world, events, position, chosen, split }: InspectorPanelProps) {
  const { t } = useTranslation();
  if (!world) return null;
  const selection = chosen ?? defaultSelection(world);
  return (
    <section className="panel inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title">{t('inspector.title')}</h2>
      <Field className="inspector-pick" label={t('inspector.subject')}>{(id) => (
        <select id={id} data-testid="inspector-subject" value={selection ? selectionValue(selection) : ''} onChange={(e) => viewActions().select(parseSelection(e.currentTarget.value))}>
          <optgroup label={t('inspector.brokers')}>
            {world.brokers.map((b) => <option key={b.id} value={`b:${b.id}`}>{t('cluster.broker', { id: b.id })}</option>)}
          </optgroup>
          <optgroup label={t('cluster.partitions')}>
            {world.topics.flatMap((topic) => topic.partitions.map((p) => (
              <option key={partitionKey(p)} value={`p:${p.partition}:${p.topic}`}>{partitionKey(p)}</option>
            )))}
          </optgroup>
        </select>
      )}</Field>
      {selection?.kind === 'broker' && <BrokerFacts world={world} broker={selection.broker} />}
      {selection?.kind === 'partition' && <PartitionFacts world={world} topic={selection.topic} partition={selection.partition} />}
      {/* In the split view the chart overlays both panes there, under them. */}
      {selection?.kind === 'partition' && !split && <LazyTimeChart whenNear />}
      <ProducerFacts world={world} />
      <LastStepEvents events={events} position={position} />
    </section>
  );
});
