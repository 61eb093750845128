/**
 * The toolbar's comparison menu (a lazy chunk, issue 21): the telling comparisons for the current
 * document (comparisons.ts), each opening the split view with its `&vs=`, with the notes that say
 * what is mapped or why the right pane will not differ; and "back to one pane". A list of buttons
 * (Tab and Enter); Escape closes it and gives the focus back to the toolbar button.
 */
import { useEffect, useMemo, useRef } from 'react';
import { splitStore, useSplit } from '../../store/splitStore';
import { useSession } from '../../store/sessionStore';
import { comparisons } from './comparisons';
import { NoteList } from './NoteList';
import { useCompareTexts } from './texts';
import './split.css';

export default function CompareMenu({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useCompareTexts();
  const document = useSession((s) => s.document);
  const vs = useSplit();
  const entries = useMemo(() => comparisons(document), [document]);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => { root.current?.querySelector('button')?.focus(); }, []);
  const choose = (next: string | null) => {
    splitStore.setState({ vs: next });
    onClose();
  };
  return (
    <div id={id} ref={root} className="compare-menu" data-testid="compare-menu" role="group" aria-label={t('menu.label')}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
      <p className="muted">{t('menu.intro')}</p>
      {vs && <p>{t('menu.current', { vs })}</p>}
      <ul>
        {entries.map((entry) => (
          <li key={entry.id}>
            <button type="button" className="button" data-testid="compare-entry" data-comparison={entry.id} data-vs={entry.vs}
              aria-current={vs === entry.vs ? 'true' : undefined} onClick={() => choose(entry.vs)}>
              {t(`menu.item.${entry.id}`, { from: label(entry.from), to: label(entry.to) })}
            </button>
            {entry.prepared.ok ? <NoteList notes={entry.prepared.notes} /> : (
              <p className="split-note" data-testid="split-note" data-note="cannot-run">{t('menu.cannotRun', { line: entry.prepared.lines[0] })}</p>
            )}
          </li>
        ))}
      </ul>
      {vs && <button type="button" className="button" data-testid="compare-close" onClick={() => choose(null)}>{t('menu.close')}</button>}
    </div>
  );

  function label(value: string): string {
    return ['kraft', 'zookeeper', 'leader-epoch', 'high-watermark'].includes(value) ? t(`value.${value}`) : value;
  }
}
