import { Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** Busy indicator announced politely to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  const text = label ?? t('common.loading');
  return (
    <div className="loading" role="status" aria-live="polite">
      <Spinner aria-hidden="true" data-size="md" />
      <span>{text}</span>
    </div>
  );
}
