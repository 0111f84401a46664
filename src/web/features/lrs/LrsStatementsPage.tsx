import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/domain';
import { buildUrl } from '../../api/client';
import { useCurrentMunicipality } from '../../app/guards';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { EmptyState } from '../../components/States';
import { serverFieldErrors } from '../../components/validation';
import { EMPTY_STATEMENT_FILTERS, StatementFilters, type StatementFilterValues, statementQuery } from './StatementFilters';
import { StatementsTable } from './StatementsTable';
import { useStatements } from './useStatements';

/** Learning records of the municipality, newest first, with filters and exports. */
export function LrsStatementsPage() {
  const { t, i18n } = useTranslation();
  const municipality = useCurrentMunicipality();
  const [filters, setFilters] = useState<StatementFilterValues>(EMPTY_STATEMENT_FILTERS);
  const lang = (LANGUAGES as readonly string[]).includes(i18n.language) ? i18n.language : 'nb';
  const path = `/municipalities/${municipality.id}/lrs/statements`;
  const query = statementQuery(filters, lang);
  const { items, nextCursor, loading, error, loadMore } = useStatements(path, query);
  const fieldErrors = error ? serverFieldErrors(error) : {};
  const exportHref = (format: 'csv' | 'json') => buildUrl(`${path}/export`, { ...query, format });

  return (
    <Page title={t('lrs.statements.title')} lead={<Paragraph>{t('lrs.statements.lead', { municipality: municipality.name })}</Paragraph>}>
      <StatementFilters municipalityId={municipality.id} values={filters} errors={fieldErrors} onApply={setFilters} />
      <section aria-labelledby="lrs-export-heading" className="section">
        <Heading level={2} data-size="xs" id="lrs-export-heading">
          {t('lrs.statements.export.heading')}
        </Heading>
        <Paragraph data-size="sm">{t('lrs.statements.export.lead')}</Paragraph>
        <div className="button-row">
          <Button asChild variant="secondary">
            <a href={exportHref('csv')} download>
              {t('lrs.statements.export.csv')}
            </a>
          </Button>
          <Button asChild variant="secondary">
            <a href={exportHref('json')} download>
              {t('lrs.statements.export.json')}
            </a>
          </Button>
        </div>
      </section>
      <Paragraph aria-live="polite" className="result-count">
        {!loading && !error ? t('lrs.statements.shown', { count: items.length }) : ''}
      </Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      {!loading && !error && items.length === 0 ? <EmptyState>{t('lrs.statements.empty')}</EmptyState> : null}
      {items.length > 0 ? <StatementsTable items={items} /> : null}
      {loading ? <Loading /> : null}
      {nextCursor && !loading ? (
        <div className="button-row">
          <Button variant="secondary" onClick={loadMore}>
            {t('lrs.statements.loadMore')}
          </Button>
        </div>
      ) : null}
    </Page>
  );
}
