/** A lesson's highlights as CSS over the contract's test hooks (the picture itself is not touched). */
import type { Highlight } from './types';

const attr = (name: string, value: string | number) => `[data-${name}="${String(value).replace(/["\\]/g, '\\$&')}"]`;

export function highlightSelector(h: Highlight): string {
  if ('lagChart' in h) return `[data-testid="lag-chart"]${attr('group', h.lagChart)}`;
  if (!('topic' in h)) return `[data-testid="broker"]${attr('broker', h.broker)}`;
  const partition = `${attr('topic', h.topic)}${attr('partition', h.partition)}`;
  if (!('broker' in h)) return `[data-testid="partition"]${partition}`;
  const replica = `[data-testid="replica"]${partition}${attr('broker', h.broker)}`;
  if (!('offset' in h)) return replica;
  return `${replica} [data-testid="record"]${attr('offset', h.offset)}`;
}

export function highlightCss(highlights: readonly Highlight[]): string {
  if (highlights.length === 0) return '';
  return `${highlights.map(highlightSelector).join(',\n')} { outline: 3px solid var(--lesson-highlight, #7c3aed); outline-offset: 2px; box-shadow: 0 0 0 6px rgba(124, 58, 237, 0.18); }`;
}

/**
 * The highlights go into a constructed stylesheet: the built app's Content-Security-Policy
 * (`style-src 'self'`) refuses a `<style>` element's text, while CSSOM sheets are allowed.
 * Returns the cleanup. Where the browser has no constructable sheets (jsdom), nothing is drawn.
 */
export function adoptHighlightCss(css: string): () => void {
  const doc = document as Document & { adoptedStyleSheets?: CSSStyleSheet[] };
  if (!css || !doc.adoptedStyleSheets || typeof CSSStyleSheet === 'undefined' || !('replaceSync' in CSSStyleSheet.prototype)) return () => {};
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => { doc.adoptedStyleSheets = (doc.adoptedStyleSheets ?? []).filter((s) => s !== sheet); };
}
