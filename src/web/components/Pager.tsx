import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

type PagerProps = { page: number; pageSize: number; total: number; onPage: (page: number) => void; label: string };

/** Previous / next paging with "page x of y" announced on change. */
export function Pager({ page, pageSize, total, onPage, label }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  return (
    <nav className="pager" aria-label={label}>
      <Button variant="secondary" data-size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pager.previous')}
      </Button>
      <span aria-live="polite" aria-atomic="true" className="pager__status">
        {t('pager.status', { page, pages })}
      </span>
      <Button variant="secondary" data-size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('pager.next')}
      </Button>
    </nav>
  );
}
