import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { EmptyState } from '../../components/States';
import { AuditFilters, type AuditFilterValues, auditQuery, EMPTY_AUDIT_FILTERS } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { useAuditLog } from './useAuditLog';

/** Filterable audit log with "load more"; path is …/audit-events of a municipality or network. */
export function AuditLog({ path }: { path: string }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>(EMPTY_AUDIT_FILTERS);
  const { items, nextCursor, loading, error, loadMore } = useAuditLog(path, auditQuery(filters));
  return (
    <>
      <AuditFilters values={filters} onApply={setFilters} />
      <Paragraph aria-live="polite" className="result-count">
        {!loading ? t('audit.shown', { count: items.length }) : ''}
      </Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      {!loading && !error && items.length === 0 ? <EmptyState>{t('audit.empty')}</EmptyState> : null}
      {items.length > 0 ? <AuditTable items={items} /> : null}
      {loading ? <Loading /> : null}
      {nextCursor && !loading ? (
        <div className="button-row">
          <Button variant="secondary" onClick={loadMore}>
            {t('audit.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
