/**
 * Presenter mode's speaker notes: the current step's narration and the next step, in a small
 * window of their own (window.open, rendered into it with a portal, so it follows the timeline
 * live), or inline when the browser blocks the pop-up. A lazy chunk: only presenters load it.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../store/sessionStore';
import { numberFormatFor } from './numberFormat';
import { describeStep } from './viewModel';

/** The narration on the page (the step-narration element, else the note) as text. */
function narrationOnPage(): string {
  const element = document.querySelector('[data-testid="step-narration"]') ?? document.querySelector('.main .note');
  return element?.textContent?.trim() ?? '';
}

function NotesBody() {
  const { t, i18n } = useTranslation();
  const scenario = useSession((s) => s.scenario);
  const position = useSession((s) => s.position);
  const event = useSession((s) => s.event);
  const total = useSession((s) => s.total);
  const [current, setCurrent] = useState('');
  useEffect(() => {
    // After the page has rendered the new position's narration.
    const frame = requestAnimationFrame(() => setCurrent(narrationOnPage()));
    return () => cancelAnimationFrame(frame);
  }, [position, event, i18n.language]);
  const number = numberFormatFor(i18n.language);
  const next = scenario?.steps[position];
  const nextText = next ? (next.note ? `${describeStep(next, t, (n) => number.format(n))} — ${next.note}` : describeStep(next, t, (n) => number.format(n))) : t('speaker.end');
  return (
    <div className="speaker-notes-body">
      <p className="speaker-position">{t('timeline.positionLong', { at: position, total })}</p>
      <h2>{t('speaker.now')}</h2>
      <p className="speaker-now">{current}</p>
      <h2>{t('speaker.next')}</h2>
      <p className="speaker-next">{nextText}</p>
    </div>
  );
}

const POPUP_STYLE = `body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:16px;font-size:20px;line-height:1.45;color:#0f172a}
h2{font-size:15px;text-transform:uppercase;letter-spacing:.05em;color:#475569;margin:14px 0 4px}
.speaker-position{font-size:14px;color:#475569;margin:0}.speaker-next{color:#334155}`;

export function SpeakerNotes({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [popup, setPopup] = useState<Window | null | undefined>(undefined);
  useEffect(() => {
    const opened = window.open('', 'kafka-inside-speaker-notes', 'popup,width=560,height=440');
    if (opened) {
      opened.document.title = t('speaker.title');
      opened.document.documentElement.lang = i18n.language;
      const style = opened.document.createElement('style');
      style.textContent = POPUP_STYLE;
      opened.document.head.replaceChildren(style);
      opened.document.body.replaceChildren();
      opened.addEventListener('pagehide', onClose);
    }
    setPopup(opened);
    return () => {
      opened?.removeEventListener('pagehide', onClose);
      opened?.close();
    };
    // Opened once per click on the button.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (popup === undefined) return null;
  if (popup) return createPortal(<NotesBody />, popup.document.body);
  return (
    <aside className="speaker-notes-inline panel" aria-labelledby="speaker-notes-title">
      <h2 id="speaker-notes-title">{t('speaker.title')}</h2>
      <NotesBody />
      <button type="button" className="button" onClick={onClose}>{t('speaker.close')}</button>
    </aside>
  );
}
