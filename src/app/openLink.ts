/**
 * Opens what the address bar says (ui-contract.md, "Links") in the session store: a `#s=`
 * scenario, a `#lesson=` (none exist yet), or the built-in example without either. Every
 * document goes through the core's validator, as the runner's input does.
 */
import { formatProblem, parseScenarioText, validateScenarioDocument } from '../core/scenario/validateScenario';
import type { ScenarioDocument } from '../session/scenarioEdit';
import type { Notice, SessionStore } from '../store/sessionStore';
import { decodePayload, parseLink, type AtParam } from './link';

export interface OpenContext {
  store: SessionStore;
  /** The built-in example document, in the user's language. */
  exampleDocument: () => unknown;
}

function requestedPosition(at: AtParam): { at: number; notice: Notice | null } {
  switch (at.kind) {
    case 'missing': return { at: 0, notice: null };
    case 'whole': return { at: at.value, notice: null };
    case 'invalid': return { at: 0, notice: { kind: 'at-not-whole', raw: at.raw } };
    default: {
      const unreachable: never = at;
      throw new Error(`unknown at ${JSON.stringify(unreachable)}`);
    }
  }
}

export function openHash(hash: string, { store, exampleDocument }: OpenContext): void {
  const link = parseLink(hash);
  const { at, notice } = requestedPosition(link.at);
  const session = store.getState();
  if (link.payload !== null) {
    const text = decodePayload(link.payload);
    if (text === null) return session.fail({ kind: 'undecodable' }, notice);
    const parsed = parseScenarioText(text);
    if (!parsed.ok) return session.fail({ kind: 'invalid', lines: parsed.problems.map(formatProblem) }, notice);
    return session.load({ kind: 'link', payload: link.payload }, parsed.scenario, at, notice, JSON.parse(text) as ScenarioDocument);
  }
  if (link.lesson !== null) return session.fail({ kind: 'unknown-lesson', id: link.lesson }, notice);
  const parsed = validateScenarioDocument(exampleDocument());
  if (!parsed.ok) {
    // The example is ours: an invalid one is a bug, shown like any invalid scenario.
    return session.fail({ kind: 'invalid', lines: parsed.problems.map(formatProblem) }, notice);
  }
  session.load({ kind: 'example' }, parsed.scenario, at, notice, exampleDocument() as ScenarioDocument);
}
