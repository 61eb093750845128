/**
 * A cache in front of i18next's `t` for the functions `useTranslation` hands out.
 *
 * Why: a jump's render asks for about a thousand texts (each cell's tooltip, each broker's menu,
 * the narration, the step list), and each i18next call resolves its key through the options,
 * the namespaces, the fallback language and the interpolation again: 15–20 ms of a 3,000-step
 * jump's landing on the benchmark machine. The texts are a pure function of the language, the
 * loaded catalogs, the key and the options, so a text is looked up once and kept until the
 * language changes or a catalog of its namespace is added (a lazily loaded one).
 *
 * Only plain calls are cached: a string key in the function's own namespaces and options whose
 * values are strings, numbers, booleans, null or undefined, answered with a string. Anything
 * else (objects in the options, `returnObjects`, several keys) goes to i18next every time.
 */
import type { i18n } from 'i18next';

/** Past this many texts the cache starts over (a long session's numbers make new keys). */
const LIMIT = 20000;

type Translate = (key: unknown, options?: unknown, ...rest: unknown[]) => unknown;

/** The cache's key for one call, or null when the call is not a plain one. */
export function callKey(scope: string, key: unknown, options: unknown): string | null {
  // A key naming its namespace (`translation:era.kraft`) or options naming one read a namespace
  // the cache is not emptied for: looked up every time.
  if (typeof key !== 'string' || key.includes(':')) return null;
  let id = `${scope}\u0001${key}`;
  if (options === undefined || options === null) return id;
  if (typeof options !== 'object' || Array.isArray(options)) return null;
  for (const name in options) {
    if (name === 'ns') return null;
    const value = (options as Record<string, unknown>)[name];
    const type = typeof value;
    if (type !== 'string' && type !== 'number' && type !== 'boolean' && value !== undefined && value !== null) return null;
    // The type's initial keeps 1 and '1' apart (a plural `count` must be a number).
    id += `\u0001${name}\u0002${value === null ? 'l' : type[0]}${String(value)}`;
  }
  return id;
}

const part = (value: unknown): string => (Array.isArray(value) ? value.join(',') : String(value ?? ''));

/** Puts the cache in front of every `getFixedT` of `instance` from now on. */
export function cacheTranslations(instance: i18n): void {
  /** One cache per namespace set: a lazily loaded namespace empties only the caches that read it. */
  const caches = new Map<string, { namespaces: Set<string>; texts: Map<string, string> }>();
  const cacheFor = (ns: unknown, scopeNs: unknown) => {
    const names = [ns, scopeNs].flat().filter((name): name is string => typeof name === 'string');
    if (names.length === 0) names.push(String(instance.options.defaultNS ?? 'translation'));
    const id = names.join(',');
    const found = caches.get(id) ?? { namespaces: new Set(names), texts: new Map<string, string>() };
    caches.set(id, found);
    return found.texts;
  };
  instance.on('languageChanged', () => { for (const cache of caches.values()) cache.texts.clear(); });
  const changed = (_lng: string, ns: string) => {
    for (const cache of caches.values()) if (cache.namespaces.has(ns)) cache.texts.clear();
  };
  instance.store.on('added', changed);
  instance.store.on('removed', changed);
  const original = instance.getFixedT.bind(instance) as unknown as (...args: unknown[]) => Translate & Record<string, unknown>;
  const getFixedT = (lng: unknown, ns: unknown, keyPrefix: unknown, fixedOptions?: { scopeNs?: unknown }) => {
    const inner = original(lng, ns, keyPrefix, fixedOptions);
    const cache = cacheFor(ns, fixedOptions?.scopeNs);
    // A fixed function without a language follows the instance's: part of each call's key then.
    const scope = [part(lng), part(ns), part(keyPrefix), part(fixedOptions?.scopeNs)].join('\u0003');
    const cached: Translate = (key, options, ...rest) => {
      const id = rest.length === 0 ? callKey(lng ? scope : `${scope}\u0003${instance.language}`, key, options) : null;
      if (id === null) return inner(key, options, ...rest);
      const hit = cache.get(id);
      if (hit !== undefined) return hit;
      const text = inner(key, options);
      if (typeof text === 'string') {
        if (cache.size >= LIMIT) cache.clear();
        cache.set(id, text);
      }
      return text;
    };
    return Object.assign(cached, { lng: inner.lng, lngs: inner.lngs, ns: inner.ns, keyPrefix: inner.keyPrefix });
  };
  instance.getFixedT = getFixedT as unknown as i18n['getFixedT'];
}
