/**
 * "About the model": the contract's stated simplifications and the project's own decisions
 * (docs/scenario-format.md). A lazy chunk: its texts load with it, into the `about` namespace.
 */
import { useTranslation } from 'react-i18next';
import en from '../../i18n/about.en.json';
import zh from '../../i18n/about.zh.json';
import { ensureNamespace } from '../../i18n/lazyNamespace';

export default function AboutModel() {
  const { t, i18n } = useTranslation('about');
  ensureNamespace(i18n, 'about', { en, zh });
  const list = (key: string) => t(key, { returnObjects: true }) as unknown as string[];
  return (
    <article className="about" aria-labelledby="about-model-title">
      <h2 id="about-model-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <h3>{t('simplificationsTitle')}</h3>
      <ul>{list('simplifications').map((text, i) => <li key={i}>{text}</li>)}</ul>
      <h3>{t('additionsTitle')}</h3>
      <ul>{list('additions').map((text, i) => <li key={i}>{text}</li>)}</ul>
      <h3>{t('eraTitle')}</h3>
      <p>{t('era')}</p>
    </article>
  );
}
