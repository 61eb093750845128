/**
 * The validator's lines in Chinese (issue 22): every code of problems.en.json is the exact text
 * the validator builds (checked by running it over problemCorpus.ts), has a Chinese text with
 * the same parameters, and leaves no English in a Chinese line but Kafka's own names, JSON
 * paths and the document's own values. A line without a code stays English.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/problems.en.json';
import zh from '../../i18n/problems.zh.json';
import { parseScenarioText } from '../../core/scenario/scenarioText';
import { formatProblem, validateScenarioDocument } from '../../core/scenario/validateScenario';
import { problemCorpus } from './problemCorpus';
import { parseProblemLine, translateProblemLine } from './translateProblem';

const holes = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function validatorLines(): string[] {
  return problemCorpus.flatMap((document) => {
    const result = typeof document === 'string' ? parseScenarioText(document) : validateScenarioDocument(document);
    if (result.ok) throw new Error(`corpus document is valid: ${JSON.stringify(document).slice(0, 80)}`);
    return result.problems.map(formatProblem);
  });
}

const zhT = (() => {
  const instance = i18next.createInstance();
  void instance.init({ lng: 'zh', initAsync: false, resources: { zh: { problems: zh } }, ns: ['problems'], defaultNS: 'problems', interpolation: { escapeValue: false } });
  return instance.t.bind(instance) as unknown as (key: string, options?: Record<string, unknown>) => string;
})();

/** Names that stay as they are in Chinese text: Kafka's own, and the format's JSON field names. */
const KEPT = ['INVALID_REPLICATION_FACTOR', 'KafkaConfig', 'Kafka', 'Heartbeat', 'ZooKeeper', 'zookeeper', 'broker', 'follower',
  'topic', 'op', 'fetch', 'leave', 'kill', 'built-in', 'manual', 'auto', 'JSON', 'MiB', 'UTF-8', 'true', 'false', 'null', 'offset',
  'replicationFactor', 'partitions'];

describe('problem codes', () => {
  it('every code and type phrase has English and Chinese with the same parameters', () => {
    for (const group of ['codes', 'types'] as const) {
      const enGroup = en[group] as Record<string, string>;
      const zhGroup = zh[group] as Record<string, string>;
      expect(Object.keys(zhGroup).sort()).toEqual(Object.keys(enGroup).sort());
      for (const code of Object.keys(enGroup)) expect([code, holes(zhGroup[code])]).toEqual([code, holes(enGroup[code])]);
    }
  });

  it('every code is the exact text the validator builds for some document', () => {
    const found = new Set(validatorLines().map((line) => parseProblemLine(line)?.code).filter(Boolean));
    expect(Object.keys(en.codes).filter((code) => !found.has(code))).toEqual([]);
  });

  it('every line the validator builds for the corpus has a code, empty values included (none stays English)', () => {
    const lines = validatorLines();
    expect(lines.filter((line) => parseProblemLine(line) === null)).toEqual([]);
    expect(lines).toContain('steps[0].op: unknown op "" (expected one of: produce, run, fetch, crash, restart, shutdown, isolate, heal, subscribe, leave, poll, commit, kill, pause, resume, cli)');
    expect(translateProblemLine('topics[0].assignment[0][0]: broker 1 does not exist (brokers are )', zhT)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('Chinese lines keep the path and values and hold no other English', () => {
    let checked = 0;
    for (const line of validatorLines()) {
      const parsed = parseProblemLine(line);
      if (!parsed) continue;
      const translated = translateProblemLine(line, zhT);
      expect(translated.startsWith(`${parsed.path}: `)).toBe(true);
      let rest = translated.slice(parsed.path.length + 2);
      // The document's own values (topic names, field lists), longest first, then quoted values,
      // Kafka's dotted property names and Kafka's words: each only as a whole token.
      const whole = (token: string) => new RegExp(`(?<![\\w.-])${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`, 'g');
      const values = Object.entries(parsed.params).filter(([name]) => name !== 'type').map(([, value]) => value).sort((a, b) => b.length - a.length);
      for (const value of values) rest = rest.replace(whole(value), ' ');
      rest = rest.replace(/"[^"]*"/g, ' ').replace(/[\w-]+(\.[\w-]+)+/g, ' ');
      for (const kept of KEPT) rest = rest.replace(whole(kept), ' ');
      expect([line, rest.match(/[A-Za-z]{2,}/g)]).toEqual([line, null]);
      expect(rest).toMatch(/[\u4e00-\u9fff]/);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('translates the type of a wrong value too', () => {
    expect(translateProblemLine('seed: must be a whole number, not the string "x"', zhT)).toBe('seed: 必须是整数，而不是字符串 "x"');
    expect(translateProblemLine('cluster: must be an object, not number 5', zhT)).toBe('cluster: 必须是对象，而不是数字 5');
  });

  it('a path holding ": " is split after it; a line without a code stays in English', () => {
    expect(translateProblemLine('cluster.config["a: b"]: is required', zhT)).toBe('cluster.config["a: b"]: 是必填项');
    const unknown = '$: asks for more work than the budget allows (120% of it in all)';
    expect(translateProblemLine(unknown, zhT)).toBe(unknown);
  });
});
