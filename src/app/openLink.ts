/**
 * Opens what the address bar says (ui-contract.md, "Links") in the session store: a `#s=`
 * scenario, a `#lesson=` (a built-in lesson, from its lazy chunk), or the built-in example without either. Every
 * document goes through the core's validator, as the runner's input does.
 */
import { parseJsonQuickly } from '../core/scenario/quickJson';
import { splitStore } from '../store/splitStore';
import { formatProblem, validateScenarioDocument, type ParseResult } from '../core/scenario/validateScenario';
import type { ScenarioDocument } from '../session/scenarioEdit';
import type { Notice, SessionStore } from '../store/sessionStore';
import { decodePayload, parseLink, type AtParam } from './link';

export interface OpenContext {
  store: SessionStore;
  /** The built-in example document, in the user's language. */
  exampleDocument: () => unknown;
  /** A built-in lesson's document in the user's language (a lazy chunk), or null when there is no such lesson. */
  lessonDocument?: (id: string) => Promise<unknown>;
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

/** Scenario text → a validated scenario: JSON.parse when it can, the located parser when not. */
async function parseLinkText(text: string): Promise<{ parsed: ParseResult; document: unknown }> {
  const quick = parseJsonQuickly(text);
  if (quick) return { parsed: validateScenarioDocument(quick.value), document: quick.value };
  // Not plain valid JSON: the full parser (a lazy chunk) names the line, column or repeated key.
  const { parseScenarioText } = await import('../core/scenario/scenarioText');
  return { parsed: parseScenarioText(text), document: null };
}

/** Bumped by every call, so that a slow parse never overrides a link opened after it. */
let latestOpen = 0;

/**
 * Opens `hash` in the store. Resolves once the store shows it (a link whose text is not plain
 * valid JSON waits for the parser chunk first).
 */
export async function openHash(hash: string, { store, exampleDocument, lessonDocument }: OpenContext): Promise<void> {
  const serial = ++latestOpen;
  const link = parseLink(hash);
  splitStore.setState({ vs: link.vs });
  const { at, notice } = requestedPosition(link.at);
  const session = store.getState();
  if (link.payload !== null) {
    const text = decodePayload(link.payload);
    if (text === null) return session.fail({ kind: 'undecodable' }, notice);
    const { parsed, document } = await parseLinkText(text);
    if (serial !== latestOpen) return;
    if (!parsed.ok) return session.fail({ kind: 'invalid', lines: parsed.problems.map(formatProblem) }, notice);
    session.load({ kind: 'link', payload: link.payload }, parsed.scenario, at, notice, (document ?? JSON.parse(text)) as ScenarioDocument);
    return enterEvent(store, link.event);
  }
  if (link.lesson !== null) {
    const document = lessonDocument ? await lessonDocument(link.lesson) : null;
    if (serial !== latestOpen) return;
    if (document === null) return session.fail({ kind: 'unknown-lesson', id: link.lesson }, notice);
    const parsed = validateScenarioDocument(document);
    if (!parsed.ok) return session.fail({ kind: 'invalid', lines: parsed.problems.map(formatProblem) }, notice);
    return session.load({ kind: 'lesson', id: link.lesson }, parsed.scenario, at, notice, document as ScenarioDocument);
  }
  const parsed = validateScenarioDocument(exampleDocument());
  if (!parsed.ok) {
    // The example is ours: an invalid one is a bug, shown like any invalid scenario.
    return session.fail({ kind: 'invalid', lines: parsed.problems.map(formatProblem) }, notice);
  }
  session.load({ kind: 'example' }, parsed.scenario, at, notice, exampleDocument() as ScenarioDocument);
  enterEvent(store, link.event);
}

/** `&ev=k`: the first k timed events of the step after the position just opened. */
function enterEvent(store: SessionStore, event: number): void {
  if (event > 0) store.getState().seekEvent(store.getState().position, event);
}
