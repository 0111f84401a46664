import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { cataloguePage } from '../../../../shared/api/learning';
import { useApi } from '../../../api/useApi';
import { useAuth } from '../../../app/auth';
import { useMunicipality } from '../../../app/municipality';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { EmptyState, NoMunicipalityPage } from '../../../components/States';
import { useLocalize } from '../../../i18n/localize';
import { canCreate, catalogueAccess, itemsPath } from './catalogueApi';
import { CatalogueFilters } from './CatalogueFilters';
import { apiQuery, type Filters, filtersFrom, hasFilters, paramsFrom } from './catalogueFilters';
import { ItemCard } from './ItemCard';
import './catalogue.css';

const PAGE_SIZE = 24;

/** What there is to learn in the municipality: search, filter, open an item. */
export function CataloguePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { current } = useMunicipality();
  const { lng } = useLocalize();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const access = catalogueAccess(me, current);
  const { data, error, loading } = useApi(current ? itemsPath(current.id) : null, cataloguePage, apiQuery(filters, lng, PAGE_SIZE));
  if (!current) return <NoMunicipalityPage title={t('catalogue.title')} />;
  const change = (next: Filters) => setParams(paramsFrom(next));

  return (
    <Page
      title={t('catalogue.title')}
      lead={<Paragraph>{t('catalogue.lead', { municipality: current.name })}</Paragraph>}
      actions={
        canCreate(access) ? (
          <Button asChild>
            <RouterLink to="/catalogue/new">{t('catalogue.newItem')}</RouterLink>
          </Button>
        ) : undefined
      }
    >
      <CatalogueFilters municipalityId={current.id} filters={filters} seesUnpublished={canCreate(access)} onChange={change} />
      {error ? <ErrorAlert error={error} title={t('states.loadFailed')} /> : null}
      {loading && !data ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="catalogue-results" className="catalogue-results" aria-busy={loading || undefined}>
          <Paragraph id="catalogue-results" role="status" data-size="sm">
            {t('catalogue.resultCount', { count: data.total })}
          </Paragraph>
          {data.items.length === 0 ? <EmptyState>{hasFilters(filters) ? t('catalogue.emptyFiltered') : t('catalogue.empty')}</EmptyState> : null}
          {data.items.length > 0 ? (
            <ul className="catalogue-list" aria-label={t('catalogue.listLabel')}>
              {data.items.map((item) => (
                <li key={item.id}>
                  <ItemCard item={item} />
                </li>
              ))}
            </ul>
          ) : null}
          <Pager page={filters.page} pageSize={PAGE_SIZE} total={data.total} onPage={(page) => change({ ...filters, page })} label={t('catalogue.pager')} />
        </section>
      ) : null}
    </Page>
  );
}
