import { Label, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeopleImport } from '../../../shared/api/people';

/** Progress bar for parsing or committing, with a live text for screen readers. */
export function ImportProgress({ imp }: { imp: PeopleImport }) {
  const { t } = useTranslation();
  const id = useId();
  const { done, total } = imp.progress;
  const label = imp.status === 'committing' ? t('imports.progress.committing') : t('imports.progress.parsing');
  const known = total > 0;
  return (
    <div className="import-progress">
      <Label htmlFor={id}>{label}</Label>
      <progress id={id} max={known ? total : undefined} value={known ? done : undefined} data-testid="import-progress">
        {known ? `${done}/${total}` : ''}
      </progress>
      <Paragraph role="status" aria-live="polite" data-size="sm">
        {known ? t('imports.progress.rows', { done, total }) : t('imports.progress.starting')}
      </Paragraph>
    </div>
  );
}
