import { useTranslation } from 'react-i18next';
import type { Era } from './viewModel';

/** Which Kafka the model behaves like, always visible (DESIGN.md, "Visual language"). */
export function EraBadge({ era }: { era: Era }) {
  const { t } = useTranslation();
  return (
    <p
      className={`era${era.neverShipped ? ' era-unreal' : ''}`}
      data-testid="era"
      data-metadata={era.metadata}
      data-truncation={era.truncation}
      title={t('era.label')}
    >
      <span>{t(`era.${era.metadata}`)}</span>
      <span aria-hidden="true"> · </span>
      <span>{t(`era.${era.truncation}`)}</span>
      {era.neverShipped && (
        <>
          <span aria-hidden="true"> · </span>
          <span className="era-warning">⚠ {t('era.neverShipped')}</span>
        </>
      )}
    </p>
  );
}
