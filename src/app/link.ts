/**
 * Share links (docs: ui-contract.md, "Links"): `#s=<payload>&at=<n>` or `#lesson=<id>&at=<n>`,
 * either with `&ev=<k>` inside a `run` step (its first k timed events after n steps).
 *
 * The payload is lz-string's `compressToEncodedURIComponent` output, whose alphabet includes
 * `+`, `-` and `$`; so the hash is split by hand, never with `URLSearchParams` (which would turn
 * `+` into a space).
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

/** What `&at=` said: absent, a whole number, or something else (shown to the user as a notice). */
export type AtParam =
  | { kind: 'missing' }
  | { kind: 'whole'; value: number }
  | { kind: 'invalid'; raw: string };

export interface ParsedLink {
  /** The compressed scenario of `#s=`, exactly as it appeared; null without `#s=`. */
  payload: string | null;
  /** `#lesson=<id>`; null without it. */
  lesson: string | null;
  at: AtParam;
  /** `&ev=`: timed events of step `at + 1` applied (0 when absent or not a whole number). */
  event: number;
  /** `&vs=`, URL-decoded: the split view's changed fields (splitView.ts); null without it. */
  vs: string | null;
}

function parseAt(raw: string | undefined): AtParam {
  if (raw === undefined) return { kind: 'missing' };
  if (!/^[0-9]+$/.test(raw)) return { kind: 'invalid', raw };
  const value = Number(raw);
  // Whole but beyond any scenario: clamping to the end is the caller's job.
  return { kind: 'whole', value: Number.isSafeInteger(value) ? value : Number.MAX_SAFE_INTEGER };
}

/** Parses `location.hash` (with or without its leading `#`). Unknown keys are ignored. */
export function parseLink(hash: string): ParsedLink {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const params = new Map<string, string>();
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (!params.has(key)) params.set(key, value);
  }
  const lesson = params.get('lesson');
  return {
    payload: params.get('s') ?? null,
    lesson: lesson === undefined ? null : safeDecode(lesson),
    at: parseAt(params.get('at')),
    event: parseEvent(params.get('ev')),
    vs: params.has('vs') ? safeDecode(params.get('vs') as string) : null,
  };
}

/** `&ev=k`: a whole number, else 0 (the step's boundary; the position itself stays valid). */
function parseEvent(raw: string | undefined): number {
  const parsed = parseAt(raw);
  return parsed.kind === 'whole' ? parsed.value : 0;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `&at=<n>`, with `&ev=<k>` inside a step. */
export function positionParams(at: number, event = 0): string {
  return event > 0 ? `at=${at}&ev=${event}` : `at=${at}`;
}

/** The hash for a scenario payload at a position: `#s=<payload>&at=<n>[&ev=<k>]`. */
export function buildLink(payload: string, at: number, event = 0): string {
  return `#s=${payload}&${positionParams(at, event)}`;
}

/** The hash of a built-in lesson at a position: `#lesson=<id>&at=<n>[&ev=<k>]`. */
export function lessonLink(id: string, at: number, event = 0): string {
  return `#lesson=${encodeURIComponent(id)}&${positionParams(at, event)}`;
}

/** Compresses a scenario document's JSON text into a `#s=` payload. */
export function encodePayload(json: string): string {
  return compressToEncodedURIComponent(json);
}

/** The JSON text inside a `#s=` payload, or null when it does not decode. */
export function decodePayload(payload: string): string | null {
  if (payload === '') return null;
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(payload);
  } catch {
    return null;
  }
  return text === null || text === '' ? null : text;
}
