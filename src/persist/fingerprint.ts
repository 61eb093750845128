/**
 * What a saved checkpoint must match to be trusted: a SHA-256 of everything the world after
 * `position` steps depends on — the simulator's semantics version, the scenario without its
 * steps, and its first `position` steps. An edit before the checkpoint, another scenario under
 * the same session id, or a new semantics version all change it, and the checkpoint is rebuilt
 * by replaying instead (ui-contract.md, "Persistence"). Notes and the title are included too:
 * they change nothing in the world, but a stricter match costs only a replay.
 */
import type { Scenario } from '../core/model/scenario';
import { SEMANTICS_VERSION } from '../core/scenario/report';

export async function checkpointFingerprint(scenario: Scenario, position: number): Promise<string> {
  const { steps, ...settings } = scenario;
  const text = JSON.stringify({ semantics: SEMANTICS_VERSION, settings, steps: steps.slice(0, position) });
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
