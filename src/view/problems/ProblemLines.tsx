import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ensureNamespace } from '../../i18n/lazyNamespace';
import en from '../../i18n/problems.en.json';
import zh from '../../i18n/problems.zh.json';
import { translateProblemLine } from './translateProblem';

/** Up to this many lines are drawn as a plain list; past it only the visible window is drawn. */
export const PLAIN_LIMIT = 1000;
/** One line's height in px: rows do not wrap (white-space: pre, scrolled sideways) so it is fixed. */
export const ROW_HEIGHT = 22;
/** Height of the scrolled window in rows, and rows drawn beyond each edge so fast scrolling shows no gap. */
const VISIBLE_ROWS = 16;
const OVERSCAN = 8;

/** A function showing one validator line in the reader's language (English is the contract). */
export function useProblemText(): (line: string) => string {
  const { t, i18n } = useTranslation('problems');
  ensureNamespace(i18n, 'problems', { en, zh });
  if (!i18n.language?.startsWith('zh')) return (line) => line;
  return (line) => translateProblemLine(line, t as never);
}

/**
 * The validator's `path: reason` lines. 20,000 `<li>`s took 7.6 s to draw (issue 22), so past
 * PLAIN_LIMIT only the rows in view are in the DOM: a spacer keeps the scroll height of all of
 * them. The list is focusable, so the arrow keys, Page Up/Down, Home and End reach every line;
 * its label says the count, each row says its position (aria-posinset / aria-setsize), and
 * "Copy all" puts every line on the clipboard since the DOM never holds all of them.
 */
export function ProblemLines({ lines }: { lines: readonly string[] }) {
  const { t } = useTranslation('problems');
  // Only drawn rows are translated (100,000 lines would cost seconds); English is the contract.
  const shown = useProblemText();
  const [top, setTop] = useState(0);
  const [copied, setCopied] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const windowed = lines.length > PLAIN_LIMIT;

  // Copies what is shown: the lines in the reader's language, every one of them.
  const copyAll = () => {
    // No clipboard (an insecure origin, an old browser): say so rather than fail silently.
    if (!navigator.clipboard) {
      setCopied(t('copyFailed'));
      return;
    }
    navigator.clipboard.writeText(lines.map(shown).join('\n')).then(
      () => setCopied(t('copied', { count: lines.length })),
      () => setCopied(t('copyFailed')),
    );
  };

  const onKeyDown = useCallback((e: KeyboardEvent<HTMLDivElement>) => {
    const el = scroller.current;
    if (!el) return;
    const page = ROW_HEIGHT * (VISIBLE_ROWS - 1);
    const moves: Record<string, number> = {
      ArrowDown: el.scrollTop + ROW_HEIGHT, ArrowUp: el.scrollTop - ROW_HEIGHT,
      PageDown: el.scrollTop + page, PageUp: el.scrollTop - page,
      Home: 0, End: el.scrollHeight,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    el.scrollTop = moves[e.key];
    setTop(el.scrollTop);
  }, []);

  const first = windowed ? Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN) : 0;
  const last = windowed ? Math.min(lines.length, Math.ceil(top / ROW_HEIGHT) + VISIBLE_ROWS + OVERSCAN) : lines.length;
  const rows = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <li key={i} aria-posinset={i + 1} aria-setsize={lines.length} data-line={i + 1}
        style={windowed ? { position: 'absolute', top: i * ROW_HEIGHT, height: ROW_HEIGHT, left: 0, minWidth: '100%' } : undefined}>
        <code>{shown(lines[i])}</code>
      </li>,
    );
  }

  return (
    <div className="problem-lines" data-testid="problem-lines" data-count={lines.length}>
      <p className="problem-lines-head">
        <span data-testid="problem-count">{t('count', { count: lines.length })}</span>
        {' '}
        <button type="button" className="button small" onClick={copyAll} data-testid="problem-copy">{t('copyAll')}</button>
        <span aria-live="polite" className="muted">{copied ? ` ${copied}` : ''}</span>
      </p>
      <div ref={scroller} className={windowed ? 'problem-lines-window' : undefined} tabIndex={windowed ? 0 : undefined}
        role={windowed ? 'region' : undefined} aria-label={windowed ? t('listLabel', { count: lines.length }) : undefined}
        onScroll={windowed ? (e) => setTop(e.currentTarget.scrollTop) : undefined} onKeyDown={windowed ? onKeyDown : undefined}
        style={windowed ? { height: ROW_HEIGHT * VISIBLE_ROWS, overflow: 'auto', position: 'relative' } : undefined}>
        <ul className="problems" style={windowed ? { height: lines.length * ROW_HEIGHT, position: 'relative', margin: 0 } : undefined}>
          {rows}
        </ul>
      </div>
    </div>
  );
}

export default ProblemLines;
