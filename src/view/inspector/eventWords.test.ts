/** The inspector's words for a leader change name who made it: the controller, the balance, the tool. */
import { describe, expect, it } from 'vitest';
import type { LeaderChangeEvent } from '../../core/model/events';
import en from '../../i18n/en.json';
import zh from '../../i18n/zh.json';
import { createI18n } from '../../i18n';
import { eventInWords } from './eventWords';

const change = (cause: LeaderChangeEvent['cause'], unclean = false): LeaderChangeEvent => ({
  type: 'leader-change', atMs: 5000, topic: 't', partition: 0, from: 2, to: 1, leaderEpoch: 2, unclean, cause,
});

/** A translate function over one catalog: the text with its placeholders filled. */
function translate(catalog: Record<string, unknown>) {
  return (key: string, params?: Record<string, unknown>) => {
    const text = key.split('.').reduce<unknown>((n, part) => (n as Record<string, unknown>)[part], catalog) as string;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params?.[name]));
  };
}

describe('eventInWords for leader-change', () => {
  it('tells the balance and kafka-leader-election.sh apart from the controller\'s own election', () => {
    const t = translate(en);
    expect(eventInWords(change('controller'), t)).toBe('t=5000 ms: broker 1 becomes leader of t-0 in epoch 2.');
    expect(eventInWords(change('rebalance'), t)).toMatch(/leader balance \(auto\.leader\.rebalance\.enable\)/);
    expect(eventInWords(change('admin'), t)).toMatch(/elected by kafka-leader-election\.sh/);
    expect(eventInWords(change('admin', true), t)).toMatch(/by an unclean election/);
    expect(eventInWords(change('rebalance'), translate(zh))).toMatch(/领导权均衡/);
  });
});

describe('eventInWords counts records in the singular and the plural', () => {
  const fetched = (records: number) => ({ type: 'fetch-response' as const, atMs: 7, topic: 'orders', partition: 0, follower: 2, leader: 1, records, highWatermark: 3, dropped: false });
  const polled = (records: number) => ({ type: 'consumer-poll' as const, atMs: 7, group: 'g', member: 'c1', records });
  it('one record, two records (English); 条 either way (Chinese)', () => {
    const t = createI18n('en').t as never;
    expect(eventInWords(fetched(1), t)).toBe('t=7 ms: leader 1 answers follower 2: 1 record of orders-0, HW 3.');
    expect(eventInWords(fetched(2), t)).toBe('t=7 ms: leader 1 answers follower 2: 2 records of orders-0, HW 3.');
    expect(eventInWords(polled(1), t)).toBe('t=7 ms: c1 of g polls 1 record.');
    expect(eventInWords(polled(0), t)).toBe('t=7 ms: c1 of g polls 0 records.');
  });
});
