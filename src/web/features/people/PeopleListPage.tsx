import { Button, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { paged } from '../../../shared/api/common';
import { personSchema } from '../../../shared/api/people';
import { useApi } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { useMunicipality } from '../../app/municipality';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { EmptyState, LoadErrorPage } from '../../components/States';
import { TableScroll } from '../../components/TableScroll';
import { flattenTree } from '../units/tree';
import { useUnits } from '../units/useUnits';
import { PeopleFilters, type PeopleFilterValues } from './PeopleFilters';

const peoplePage = paged(personSchema);
const PAGE_SIZE = 25;

export function PeopleListPage() {
  const { t } = useTranslation();
  const municipality = useCurrentMunicipality();
  const { can } = useMunicipality();
  const [params, setParams] = useSearchParams();
  const filters: PeopleFilterValues = {
    q: params.get('q') ?? '',
    unitId: params.get('unitId') ?? '',
    profession: params.get('profession') ?? '',
    active: params.get('active') ?? 'true',
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const units = useUnits(municipality.id);
  const unitOptions = useMemo(() => flattenTree(units.tree), [units.tree]);
  const { data, error, loading } = useApi(`/municipalities/${municipality.id}/people`, peoplePage, {
    ...filters,
    page,
    pageSize: PAGE_SIZE,
  });
  const title = t('people.title');

  const update = (next: PeopleFilterValues, nextPage = 1) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v && !(k === 'active' && v === 'true')) p.set(k, v);
    if (nextPage > 1) p.set('page', String(nextPage));
    setParams(p);
  };

  if (error) return <LoadErrorPage error={error} title={title} />;

  return (
    <Page
      title={title}
      lead={<Paragraph>{t('people.lead', { municipality: municipality.name })}</Paragraph>}
      actions={
        can.managePeople ? (
          <div className="button-row">
            <Button asChild>
              <RouterLink to="/people/new">{t('people.new')}</RouterLink>
            </Button>
            {can.importPeople ? (
              <Button asChild variant="secondary">
                <RouterLink to="/people/import">{t('nav.import')}</RouterLink>
              </Button>
            ) : null}
          </div>
        ) : null
      }
    >
      <PeopleFilters values={filters} units={unitOptions} onChange={(v) => update(v)} />
      <Paragraph aria-live="polite" className="result-count">
        {data && !loading ? t('people.count', { count: data.total }) : ''}
      </Paragraph>
      {loading && !data ? <Loading /> : null}
      {data && data.items.length === 0 ? <EmptyState>{t('people.empty')}</EmptyState> : null}
      {data && data.items.length > 0 ? (
        <TableScroll label={t('people.tableLabel')}>
          <Table zebra data-size="sm" aria-busy={loading} className="data-table">
            <caption className="visually-hidden">{t('people.tableLabel')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('people.fields.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('people.fields.employeeNumber')}</Table.HeaderCell>
                <Table.HeaderCell>{t('people.fields.profession')}</Table.HeaderCell>
                <Table.HeaderCell>{t('people.fields.units')}</Table.HeaderCell>
                <Table.HeaderCell>{t('people.fields.positionPct')}</Table.HeaderCell>
                <Table.HeaderCell>{t('people.fields.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.items.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/people/${p.id}`}>
                        {p.familyName}, {p.givenName}
                      </RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{p.employeeNumber}</Table.Cell>
                  <Table.Cell>{t(`professions.${p.profession}`)}</Table.Cell>
                  <Table.Cell>{p.unitIds.map((id) => units.byId.get(id)?.name ?? '…').join(', ')}</Table.Cell>
                  <Table.Cell>{p.positionPct}</Table.Cell>
                  <Table.Cell>
                    <Tag data-size="sm" data-color={p.active ? 'success' : 'neutral'}>
                      {p.active ? t('people.active') : t('people.inactive')}
                    </Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      {data ? (
        <Pager page={data.page} pageSize={data.pageSize} total={data.total} label={t('pager.label')} onPage={(p) => update(filters, p)} />
      ) : null}
    </Page>
  );
}
