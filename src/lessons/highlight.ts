/** A lesson's highlights as CSS over the contract's test hooks (the picture itself is not touched). */
import { useEffect, useState } from 'react';
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

/** One selector matching every highlighted element ('' for none). */
export function highlightsSelector(highlights: readonly Highlight[]): string {
  return highlights.map(highlightSelector).join(', ');
}

/** The highlight's style over `selector` (from `highlightsSelector`; '' for none). */
export function highlightCss(selector: string): string {
  if (!selector) return '';
  return `${selector} { outline: 3px solid var(--lesson-highlight, #7c3aed); outline-offset: 2px; box-shadow: 0 0 0 6px rgba(124, 58, 237, 0.18); }`;
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

/**
 * Where the first element `selector` matches lies when none of them is on screen: above or below
 * the viewport (the lag chart of a lesson's stop is often below the fold), or null when one is in
 * view or none exists yet. Rechecked on scroll and resize, and every half second for elements
 * that arrive later (the groups panel is a lazy chunk).
 */
export function useOffscreen(selector: string): 'above' | 'below' | null {
  const [where, setWhere] = useState<'above' | 'below' | null>(null);
  useEffect(() => {
    if (!selector) {
      setWhere(null);
      return undefined;
    }
    let frame = 0;
    const check = () => {
      frame = 0;
      const boxes = [...document.querySelectorAll(selector)].map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 || r.height > 0);
      const visible = boxes.some((r) => r.bottom > 0 && r.top < window.innerHeight);
      setWhere(boxes.length === 0 || visible ? null : boxes[0].top >= window.innerHeight ? 'below' : 'above');
    };
    const soon = () => {
      if (!frame) frame = requestAnimationFrame(check);
    };
    check();
    const timer = setInterval(soon, 500);
    window.addEventListener('scroll', soon, { passive: true });
    window.addEventListener('resize', soon);
    return () => {
      cancelAnimationFrame(frame);
      clearInterval(timer);
      window.removeEventListener('scroll', soon);
      window.removeEventListener('resize', soon);
    };
  }, [selector]);
  return where;
}

/** Scrolls the first element `selector` matches to the middle of the screen. */
export function scrollToHighlight(selector: string): void {
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  document.querySelector(selector)?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}
