/**
 * The split view's link (ui-contract.md, "Split view"): `&vs=<path>:<value>[;<path>:<value>…]`,
 * URL-decoded first, split at `;`, each part at its first `:`. `path` is dot notation from the
 * document's root; after a `config` segment the rest of the path is one property name
 * (`topics.0.config.min.insync.replicas`). `value` is JSON when it parses, else a string. The right
 * pane runs the same document with each named field replaced.
 */

export interface FieldChange {
  /** The path as written, for messages. */
  text: string;
  segments: string[];
  value: unknown;
}

export type ParsedSplit = { ok: true; changes: FieldChange[] } | { ok: false; message: string };

function segmentsOf(path: string): string[] {
  const parts = path.split('.');
  const config = parts.indexOf('config');
  return config < 0 || config === parts.length - 1 ? parts : [...parts.slice(0, config + 1), parts.slice(config + 1).join('.')];
}

function valueOf(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** `vs` already URL-decoded (link.ts does it). */
export function parseSplit(vs: string): ParsedSplit {
  const changes: FieldChange[] = [];
  for (const part of vs.split(';')) {
    if (part.trim() === '') continue;
    const colon = part.indexOf(':');
    if (colon <= 0) return { ok: false, message: `vs: "${part}" is not <path>:<value>` };
    const text = part.slice(0, colon);
    const segments = segmentsOf(text);
    if (segments.some((s) => s === '')) return { ok: false, message: `vs: "${text}" is not a dot path` };
    changes.push({ text, segments, value: valueOf(part.slice(colon + 1)) });
  }
  if (changes.length === 0) return { ok: false, message: 'vs: no field to change' };
  return { ok: true, changes };
}

const UNSAFE = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * The document with each field replaced (a copy; the input is untouched). Missing objects on the
 * way are created; a segment that is a whole number indexes an array. Whether the result is a
 * valid scenario is the validator's to say.
 */
export function changedDocument(document: unknown, changes: readonly FieldChange[]): { ok: true; document: unknown } | { ok: false; message: string } {
  const copy = structuredClone(document) as Record<string, unknown>;
  for (const change of changes) {
    if (change.segments.some((s) => UNSAFE.has(s))) return { ok: false, message: `vs: ${change.text}: not a field of a scenario` };
    let node: unknown = copy;
    for (const [i, segment] of change.segments.entries()) {
      const last = i === change.segments.length - 1;
      if (node === null || typeof node !== 'object') return { ok: false, message: `vs: ${change.text}: ${change.segments.slice(0, i).join('.')} is not an object` };
      const container = node as Record<string, unknown>;
      const key = Array.isArray(container) && /^[0-9]+$/.test(segment) ? Number(segment) : segment;
      if (last) {
        (container as Record<string | number, unknown>)[key] = structuredClone(change.value);
      } else {
        const next = (container as Record<string | number, unknown>)[key];
        if (next === undefined) (container as Record<string | number, unknown>)[key] = /^[0-9]+$/.test(change.segments[i + 1]) ? [] : {};
        node = (container as Record<string | number, unknown>)[key];
      }
    }
  }
  return { ok: true, document: copy };
}
