/**
 * The consumer groups (issue 18), a lazy panel: each group's state (with what it means),
 * generation, assignor and coordinator; its members with the partitions they own; its committed
 * offsets with the partition's high watermark and the lag, and the lag over the last steps (a
 * lazy chart). Where the student may act (`editable`), the consumer controls (ConsumerControls):
 * "Add consumer", and per consumer poll, commit, pause/resume, leave, kill; without any group
 * yet, the panel says what a group is and offers "Add consumer". Each card also draws the
 * group's state machine with the step's transitions (GroupMachine) and says which records were
 * skipped (at most once) or read twice (at least once) (consumerMarks.ts; the leader's log marks them).
 * The card's sections sit side by side when the card is wide enough.
 * Test hooks: `group`, `member`, `committed` (ui-contract.md, "Test hooks"); `group-machine`,
 * `delivery-note` (docs/ui-contract.md).
 */
import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsumerState, GroupReport, PolledReport } from '../../core/model/groups';
import type { PartitionReport } from '../../core/model/report';
import { ensureNamespace } from '../../i18n/lazyNamespace';
import en from '../../i18n/groups.en.json';
import zh from '../../i18n/groups.zh.json';
import { committedRows, compareTopicPartitions, lastPoll, offsetRanges, sortedAssignment } from './groupRows';
import { AddConsumer, ConsumerStatus, MemberActions } from './ConsumerControls';
import { consumerViews, type ConsumerView } from './consumerSteps';
import { deliveryMarks, deliveryNotes, type ConsumerMarksInput } from './consumerMarks';
import { GroupMachine } from './GroupMachine';
import { groupTransitions } from './groupTransitions';
import type { SimEvent } from '../../core/model/events';
import type { Step } from '../../core/model/scenario';
import './groups.css';

/** The chart draws on demand: its own chunk. */
const LagChart = lazy(() => import('./LagChart'));

interface Props {
  groups: GroupReport[];
  partitions: PartitionReport[];
  polled: PolledReport[];
  /** The consumer processes at the cursor (the world's), for the controls and their states. */
  consumers?: readonly ConsumerState[];
  /** The student may act here: the consumer controls, and the panel even without a group. */
  editable?: boolean;
  /** Draw each group's lag over the last steps (from the session in context). */
  withChart?: boolean;
  /** The last step's events: the transitions each group's machine took, and why. */
  events?: readonly SimEvent[];
  /** The document's steps and the steps applied: which records a delivery guarantee touched. */
  steps?: readonly Step[];
  position?: number;
}

interface CardOptions {
  consumers: ConsumerView[];
  editable: boolean;
  withChart: boolean;
  events: readonly SimEvent[];
  /** Null without the world's consumers or the steps. */
  marks: ConsumerMarksInput | null;
}

/** The sentences on records skipped (at most once) or read twice (at least once), with the leader's marks. */
function Delivery({ group, marks }: { group: GroupReport; marks: ConsumerMarksInput }) {
  const { t } = useTranslation('groups');
  const notes = deliveryNotes(group, deliveryMarks(group, marks));
  if (notes.length === 0) return null;
  return (
    <ul className="group-delivery">
      {notes.map((n) => (
        <li key={`${n.kind}-${n.member}-${n.tp}`} className={`group-delivery-${n.kind}`} data-testid="delivery-note" data-group={group.group} data-kind={n.kind} data-offsets={n.offsets.join(',')}>
          {t(`delivery.${n.kind}`, { group: group.group, member: n.member, tp: n.tp, offsets: offsetRanges(n.offsets), committed: n.committed ?? t('delivery.none') })}
        </li>
      ))}
    </ul>
  );
}

function LastPoll({ poll }: { poll: PolledReport }) {
  const { t } = useTranslation('groups');
  const byPartition = new Map<string, number[]>();
  for (const r of poll.records) {
    const tp = `${r.topic}-${r.partition}`;
    byPartition.set(tp, [...(byPartition.get(tp) ?? []), r.offset]);
  }
  const ranges = [...byPartition.entries()].sort(([a], [b]) => compareTopicPartitions(a, b)).map(([tp, offsets]) => `${tp}@${offsetRanges(offsets)}`).join('; ');
  const count = poll.records.length;
  return <p className="group-poll muted">{count === 0 ? t('lastPoll', { step: poll.step + 1, count }) : t('lastPollRange', { step: poll.step + 1, count, ranges })}</p>;
}

function Group({ group, partitions, polled, options }: { group: GroupReport; partitions: PartitionReport[]; polled: PolledReport[]; options: CardOptions }) {
  const { t } = useTranslation('groups');
  const rows = committedRows(group, partitions);
  const headingId = `${useId()}-group`;
  const { consumers, editable, withChart } = options;
  const transitions = useMemo(() => groupTransitions(options.events, group.group), [options.events, group.group]);
  const consumerOf = (member: string) => consumers.find((c) => c.group === group.group && c.member === member);
  // Running consumers the coordinator does not count now (joining, or out after max.poll.interval.ms).
  const outside = consumers.filter((c) => c.group === group.group && c.process === 'running' && !group.members.some((m) => m.member === c.member));
  return (
    <article className="group-card" data-testid="group" data-group={group.group} data-state={group.state} data-generation={group.generation} aria-labelledby={headingId}>
      <header className="group-head">
        <h3 id={headingId}>{group.group}</h3>
        <span className={`group-state group-state-${group.state}`}>{t(`state.${group.state}`)}</span>
        <span className="muted">{t('generation', { generation: group.generation })}</span>
        {group.assignor && <span className="muted">{t('assignor', { assignor: group.assignor })}</span>}
      </header>
      <div className="group-body">
        <div className="group-section">
          <p className="group-why">{t(`stateWhy.${group.state}`)}</p>
          <p className={`group-coordinator${group.coordinator.broker === null ? ' group-coordinator-none' : ''}`}>
            {group.coordinator.broker === null
              ? t('noCoordinator', { partition: group.coordinator.partition })
              : t('coordinator', { broker: group.coordinator.broker, partition: group.coordinator.partition })}
          </p>
          <GroupMachine group={group.group} state={group.state} transitions={transitions} />
        </div>
        <div className="group-section">
          <h4>{t('members')}</h4>
          {group.members.length === 0 ? <p className="muted">{t('noMembers')}</p> : (
            <ul className="group-members">
              {group.members.map((m) => {
                const assignment = sortedAssignment(m.assignment);
                const poll = lastPoll(polled, group.group, m.member);
                const consumer = consumerOf(m.member);
                return (
                  <li key={m.member} data-testid="member" data-group={group.group} data-member={m.member} data-assignment={assignment.join(',')}>
                    <strong>{m.member}</strong>
                    {m.instanceId !== null && <span className="muted"> · {t('static', { id: m.instanceId })}</span>}
                    <span className="group-assignment">
                      {assignment.length === 0 ? <span className="muted">{t('nothingAssigned')}</span> : assignment.map((tp) => <span key={tp} className="chip">{tp}</span>)}
                    </span>
                    {poll && <LastPoll poll={poll} />}
                    {consumer && <ConsumerStatus consumer={consumer} inGroup />}
                    {consumer && editable && <MemberActions consumer={consumer} consumers={consumers} />}
                  </li>
                );
              })}
            </ul>
          )}
          {outside.length > 0 && (
            <ul className="group-members group-outside">
              {outside.map((c) => {
                const poll = lastPoll(polled, group.group, c.member);
                return (
                  <li key={c.member}>
                    <strong>{c.member}</strong>
                    <ConsumerStatus consumer={c} inGroup={false} />
                    {poll && <LastPoll poll={poll} />}
                    {editable && <MemberActions consumer={c} consumers={consumers} />}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        <div className="group-section">
          <h4>{t('committed')}</h4>
          {rows.length === 0 ? <p className="muted">{t('noCommitted')}</p> : (
            <table className="group-committed">
              <thead>
                <tr><th scope="col">{t('partition')}</th><th scope="col">{t('offset')}</th><th scope="col">{t('end')}</th><th scope="col">{t('lag')}</th></tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.topic}-${r.partition}`} data-testid="committed" data-group={group.group} data-topic={r.topic} data-partition={r.partition} data-offset={r.offset}>
                    <th scope="row">{r.topic}-{r.partition}</th>
                    <td>{r.offset}</td>
                    <td>{r.end ?? '—'}</td>
                    <td>{r.lag ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {rows.length > 0 && <p className="muted group-lag-why">{t('lagWhy')}</p>}
          {options.marks && <Delivery group={group} marks={options.marks} />}
          {withChart && (
            <>
              <h4>{t('chart.title')}</h4>
              <Suspense fallback={<div className="lag-placeholder" aria-hidden="true" />}>
                <LagChart group={group.group} />
              </Suspense>
              {rows.length > 0 && <p className="muted group-lag-why">{t('chart.why')}</p>}
            </>
          )}
        </div>
      </div>
    </article>
  );
}

/** A group that only its consumers know of: no coordinator has it, so it has no state, members or offsets. */
function UnservedGroup({ group, options }: { group: string; options: CardOptions }) {
  const { t } = useTranslation('groups');
  const headingId = `${useId()}-unserved`;
  const consumers = options.consumers.filter((c) => c.group === group && c.process === 'running');
  return (
    <article className="group-card group-card-unserved" aria-labelledby={headingId}>
      <header className="group-head"><h3 id={headingId}>{group}</h3></header>
      <p className="group-coordinator group-coordinator-none">{t('unserved')}</p>
      <ul className="group-members">
        {consumers.map((c) => (
          <li key={c.member}>
            <strong>{c.member}</strong>
            <ConsumerStatus consumer={c} inGroup={false} />
            {options.editable && <MemberActions consumer={c} consumers={options.consumers} />}
          </li>
        ))}
      </ul>
    </article>
  );
}

const NO_EVENTS: readonly SimEvent[] = [];

export default function GroupsPanel({ groups, partitions, polled, consumers = [], editable = false, withChart = false, events = NO_EVENTS, steps, position }: Props) {
  const { t, i18n } = useTranslation('groups');
  ensureNamespace(i18n, 'groups', { en, zh });
  const titleId = useId();
  const views = useMemo(() => consumerViews(consumers), [consumers]);
  const topics = useMemo(() => [...new Set(partitions.filter((p) => !p.topic.startsWith('__')).map((p) => p.topic))], [partitions]);
  if (groups.length === 0 && !editable) return null;
  const marks = steps && position !== undefined ? { groups, polled, consumers, steps, position } : null;
  const options: CardOptions = { consumers: views, editable, withChart, events, marks };
  const names = groups.map((g) => g.group);
  // Groups whose consumers run but that no coordinator has (JoinGroup got COORDINATOR_NOT_AVAILABLE).
  const unserved = [...new Set(views.filter((c) => c.process === 'running' && !names.includes(c.group)).map((c) => c.group))];
  return (
    <section className={`panel groups-panel${groups.length === 0 ? ' groups-panel-empty' : ''}`} aria-labelledby={titleId}>
      <h2 id={titleId}>{t('title')}</h2>
      <p className="muted">{groups.length === 0 ? t('empty') : t('intro')}</p>
      {editable && (
        <div className="consumer-controls">
          <AddConsumer topics={topics} groups={names} consumers={views} />
        </div>
      )}
      {(groups.length > 0 || unserved.length > 0) && (
        <div className="group-list">
          {groups.map((g) => <Group key={g.group} group={g} partitions={partitions} polled={polled} options={options} />)}
          {unserved.map((name) => <UnservedGroup key={name} group={name} options={options} />)}
        </div>
      )}
    </section>
  );
}
