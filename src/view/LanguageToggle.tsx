import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n';

/**
 * "中文" drawn as strokes, for pages in English. Two CJK glyphs as text make the browser load a
 * CJK font on the first layout (about 85 ms on Linux with Noto CJK, before anything shows) for
 * one button; the button's name stays the text "中文" (aria-label).
 */
function ZhGlyphs() {
  return (
    <svg className="zh-glyphs" viewBox="0 0 200 100" aria-hidden="true" focusable="false">
      <path d="M18,30V72M18,30H82V72M18,64H82M50,6V96" />
      <path d="M150,6V18M110,28H190M172,32Q154,78 108,94M128,32Q146,78 192,94" />
    </svg>
  );
}

export function LanguageToggle({ onChange }: { onChange: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-toggle" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => {
        const drawn = language === 'zh' && !i18n.language.startsWith('zh');
        return (
          <button
            key={language}
            type="button"
            lang={language === 'zh' ? 'zh-CN' : 'en'}
            aria-pressed={i18n.language === language}
            aria-label={drawn ? t(`language.${language}`) : undefined}
            onClick={() => onChange(language)}
          >
            {drawn ? <ZhGlyphs /> : t(`language.${language}`)}
          </button>
        );
      })}
    </div>
  );
}
