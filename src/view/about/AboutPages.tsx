/**
 * The About dialog's two pages: "How to read the picture" (students: the legend and a glossary)
 * and "About the model" (the curious: what the simulator simplifies). A lazy chunk.
 */
import { useTranslation } from 'react-i18next';
import { useView, viewActions, type AboutPage } from '../../store/viewStore';
import { useNarration } from '../narration/useNarration';
import aboutEn from '../../i18n/about.en.json';
import aboutZh from '../../i18n/about.zh.json';
import { ensureNamespace } from '../../i18n/lazyNamespace';
import AboutModel from './AboutModel';

const PAGES: AboutPage[] = ['reading', 'model'];

export default function AboutPages({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  ensureNamespace(i18n, 'about', { en: aboutEn, zh: aboutZh });
  const page = useView((s) => s.aboutPage);
  const narration = useNarration();
  return (
    <div className="about-pages">
      <div className="about-tabs" role="group" aria-label={t('toolbar.about')}>
        {PAGES.map((p) => (
          <button key={p} type="button" className="button" aria-pressed={p === page} onClick={() => viewActions().setAboutPage(p)}>
            {narration ? t(`narration:reading.tabs.${p}`) : p === 'model' ? t('toolbar.about') : '…'}
          </button>
        ))}
      </div>
      {page === 'model' && <AboutModel />}
      {page === 'reading' && (narration ? (
        <article className="about" aria-labelledby="about-reading-title">
          <h2 id="about-reading-title">{t('narration:reading.tabs.reading')}</h2>
          <narration.ReadingAid />
        </article>
      ) : <p>{t('toolbar.loading')}</p>)}
      <button type="button" className="button" onClick={onClose}>{t('about:close')}</button>
    </div>
  );
}
