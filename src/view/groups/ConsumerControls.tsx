/**
 * Acting on consumers from the groups panel (issue 18): "Add consumer" (a `subscribe` step) and,
 * per consumer, poll, commit, pause or resume, leave and kill. Like every control, they build a
 * document step and call the store's `act`; the simulator decides what happens, and the step
 * narration says it. A step the document's validator would refuse is refused here, in words.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignorName } from '../../core/protocol/groups/assignor';
import { sessionActions } from '../../store/sessionStore';
import { Field } from '../controls/Field';
import { numberFormatFor } from '../numberFormat';
import {
  ASSIGNORS, defaultGroup, memberActions, memberStep, subscribeProblem, subscribeStep, suggestMemberName,
  type ConsumerView, type MemberOp, type SubscribeProblem,
} from './consumerSteps';

interface AddConsumerProps {
  /** The user topics that exist at the cursor. */
  topics: string[];
  /** The groups that exist at the cursor. */
  groups: string[];
  consumers: ConsumerView[];
}

export function AddConsumer({ topics, groups, consumers }: AddConsumerProps) {
  const { t } = useTranslation('groups');
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [group, setGroup] = useState(() => defaultGroup(groups));
  /** The member name typed, or null to follow the suggestion (c1, c2, … for the group). */
  const [typed, setTyped] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [assignor, setAssignor] = useState<AssignorName>('range');
  const [problem, setProblem] = useState<SubscribeProblem | null>(null);
  const member = typed ?? suggestMemberName(consumers, group.trim());
  // Every topic ticked until the student changes it; topics gone since are dropped.
  const ticked = (chosen ?? topics).filter((name) => topics.includes(name));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { group, member, topics: ticked, assignor };
    const refused = subscribeProblem(input, consumers);
    setProblem(refused);
    if (refused) return;
    sessionActions().act(subscribeStep(input));
    setTyped(null);
  };

  const toggleTopic = (name: string, on: boolean) => {
    setChosen(on ? [...ticked, name] : ticked.filter((x) => x !== name));
    setProblem(null);
  };

  return (
    <div className="consumer-add">
      <button type="button" className="button" aria-expanded={open} aria-controls={formId} onClick={() => setOpen((o) => !o)}>
        {t('controls.add')}
      </button>
      {open && (
        <form id={formId} className="control-form consumer-form" onSubmit={submit} aria-label={t('controls.formLabel')} noValidate>
          {topics.length === 0 ? <p className="muted">{t('controls.noTopicsYet')}</p> : (
            <>
              <Field label={t('controls.group')}>{(id) => (
                <>
                  <input id={id} type="text" value={group} list={`${id}-groups`} autoComplete="off"
                    onChange={(e) => { setGroup(e.currentTarget.value); setProblem(null); }} />
                  <datalist id={`${id}-groups`}>{groups.map((g) => <option key={g} value={g} />)}</datalist>
                </>
              )}</Field>
              <Field label={t('controls.member')}>{(id) => (
                <input id={id} type="text" value={member} autoComplete="off" onChange={(e) => { setTyped(e.currentTarget.value); setProblem(null); }} />
              )}</Field>
              <fieldset className="consumer-topics">
                <legend>{t('controls.topics')}</legend>
                {topics.map((name) => (
                  <label key={name} className="check">
                    <input type="checkbox" checked={ticked.includes(name)} onChange={(e) => toggleTopic(name, e.currentTarget.checked)} />
                    {name}
                  </label>
                ))}
              </fieldset>
              <Field label={t('controls.assignor')}>{(id) => (
                <select id={id} value={assignor} onChange={(e) => setAssignor(e.currentTarget.value as AssignorName)}>
                  {ASSIGNORS.map((a) => <option key={a} value={a}>{a}</option>)}
                </select>
              )}</Field>
              <p className="consumer-problem" role="status">
                {problem && t(`controls.problem.${problem}`, { member: member.trim(), group: group.trim() })}
              </p>
              <button type="submit" className="button button-primary">{t('controls.subscribe')}</button>
              <p className="hint muted">{t('controls.hint')}</p>
            </>
          )}
        </form>
      )}
    </div>
  );
}

/** What the consumer's process is doing, when that is not plain "running in the group". */
export function ConsumerStatus({ consumer, inGroup }: { consumer: ConsumerView; inGroup: boolean }) {
  const { t, i18n } = useTranslation('groups');
  let text: string | null = null;
  if (consumer.process === 'killed') text = t('controls.killed');
  else if (consumer.process === 'running' && consumer.paused) {
    if (consumer.pollTimedOut) text = t('controls.pausedLeft');
    else if (consumer.pollTimeoutAtMs !== null) {
      text = t(consumer.isStatic ? 'controls.pausedStatic' : 'controls.paused', { at: numberFormatFor(i18n.language).format(consumer.pollTimeoutAtMs) });
    }
    else text = t('controls.pausedNoTimer');
  } else if (consumer.process === 'running' && !inGroup) text = t('controls.outside');
  return text ? <p className="consumer-status">{text}</p> : null;
}

export function MemberActions({ consumer, consumers }: { consumer: ConsumerView; consumers: ConsumerView[] }) {
  const { t } = useTranslation('groups');
  const [refused, setRefused] = useState(false);
  const ops = memberActions(consumer);
  if (ops.length === 0) return null;
  const act = (op: MemberOp) => {
    const step = memberStep(op, consumer.group, consumer.member, consumers);
    setRefused(step === null);
    if (step) sessionActions().act(step);
  };
  return (
    <>
      <div className="button-row consumer-actions" role="group" aria-label={t('controls.actionsFor', { member: consumer.member })}>
        {ops.map((op) => (
          <button key={op} type="button" className={`button button-small${op === 'kill' ? ' button-danger' : ''}`}
            aria-label={t(`controls.opLabel.${op}`, { member: consumer.member })} onClick={() => act(op)}>
            {t(`controls.op.${op}`)}
          </button>
        ))}
      </div>
      {refused && <p className="consumer-problem" role="status">{t('controls.problem.notSubscribed', { member: consumer.member, group: consumer.group })}</p>}
    </>
  );
}
