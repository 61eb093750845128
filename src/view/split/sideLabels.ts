/**
 * Each pane's setting in words, for the difference narration ("with truncation to the HW …; with
 * leader epochs …"): the changed fields' values on the right, the same fields' values in effect
 * on the left (defaults filled in by validation, else the document's own value).
 */
import { useMemo } from 'react';
import type { Scenario } from '../../core/model/scenario';
import { parseSplit } from '../../app/splitView';
import type { ScenarioDocument } from '../../session/scenarioEdit';
import { useCompareTexts } from './texts';

function rawAt(document: unknown, segments: readonly string[]): unknown {
  let node = document;
  for (const s of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  return node;
}

/** The value a path has in effect in the left scenario. */
export function valueInEffect(segments: readonly string[], scenario: Scenario | null, document: ScenarioDocument | null): unknown {
  const [section, field, name] = segments;
  if (scenario) {
    if (section === 'cluster' && field === 'metadata') return scenario.cluster.metadata;
    if (section === 'cluster' && field === 'truncation') return scenario.cluster.truncation;
    if (section === 'producer' && field === 'acks') return scenario.producer.acks;
    if (section === 'producer' && field === 'config' && name) return (scenario.producer.config as unknown as Record<string, unknown>)[name];
    if (section === 'cluster' && field === 'config' && name) {
      const topic = scenario.topics[0]?.config as unknown as Record<string, unknown> | undefined;
      return topic?.[name] ?? (scenario.cluster.config as unknown as Record<string, unknown>)[name];
    }
  }
  return rawAt(document, segments);
}

export function useSideLabels(vs: string, scenario: Scenario | null, document: ScenarioDocument | null): { a: string; b: string } {
  const { t, i18n } = useCompareTexts();
  return useMemo(() => {
    const parsed = parseSplit(vs);
    if (!parsed.ok) return { a: t('diff.asGiven'), b: vs };
    const words = (segments: readonly string[], value: unknown) => {
      const path = segments.join('.');
      if ((path === 'cluster.metadata' || path === 'cluster.truncation') && typeof value === 'string') return t(`value.${value}`);
      return t('diff.generic', { path: segments[segments.length - 1], value: value === undefined ? t('diff.asGiven') : String(value) });
    };
    const join = (list: string[]) => [...new Set(list)].join(', ');
    return {
      a: join(parsed.changes.map((c) => words(c.segments, valueInEffect(c.segments, scenario, document)))),
      b: join(parsed.changes.map((c) => words(c.segments, c.value))),
    };
    // i18n.language: the words change with the language.
  }, [vs, scenario, document, t, i18n.language]);
}
