import { Heading, Link, Table, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { PEOPLE_STATUS_FILTERS, peopleReport, type PeopleStatusFilter } from '../../../../shared/api/learning-reports';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Pager } from '../../../components/Pager';
import { SelectField } from '../../../components/SelectField';
import { EmptyState } from '../../../components/States';
import { TableScroll } from '../../../components/TableScroll';
import { useFormat } from '../../results/format';
import { peoplePath } from './reportsApi';
import { Overdue } from './ReportTables';

const PAGE_SIZE = 25;

/** People of the chosen unit (or the whole scope), most overdue first, each a link to their learning. */
export function PeopleSection({ municipalityId, unitId }: { municipalityId: string; unitId: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [status, setStatus] = useState<PeopleStatusFilter>('all');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  // Search as the reader types, without a request per key.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  useEffect(() => setPage(1), [unitId, status, q]);
  const people = useApi(peoplePath(municipalityId), peopleReport, { unitId, status, q: q || undefined, page, pageSize: PAGE_SIZE });

  return (
    <section aria-labelledby="learning-reports-people" className="learning-reports__section">
      <Heading level={2} data-size="sm" id="learning-reports-people">
        {t('learningReports.people.title')}
      </Heading>
      <div className="filters" role="group" aria-label={t('learningReports.people.filters')}>
        <Textfield label={t('learningReports.people.search')} value={typed} onChange={(e) => setTyped(e.target.value)} />
        <SelectField label={t('learningReports.people.status')} value={status} onChange={(e) => setStatus(e.target.value as PeopleStatusFilter)}>
          {PEOPLE_STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`learningReports.people.statuses.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {people.error ? <ErrorAlert error={people.error} title={t('states.loadFailed')} /> : null}
      {people.loading && !people.data ? <Loading /> : null}
      {people.data && people.data.total === 0 ? <EmptyState>{t('learningReports.people.empty')}</EmptyState> : null}
      {people.data && people.data.items.length > 0 ? (
        <TableScroll label={t('learningReports.people.table')}>
          <Table data-size="sm" zebra>
            <caption className="visually-hidden">{t('learningReports.people.table')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('learningReports.people.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('learningReports.people.unit')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('learningReports.columns.assigned')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('learningReports.columns.completed')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('learningReports.columns.overdue')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {people.data.items.map((p) => (
                <Table.Row key={p.personId} className={p.overdue > 0 ? 'learning-reports__row--overdue' : undefined}>
                  <Table.HeaderCell scope="row">
                    <Link asChild>
                      <RouterLink to={`/learning/reports/people/${p.personId}`}>{p.name}</RouterLink>
                    </Link>
                  </Table.HeaderCell>
                  <Table.Cell>{p.unitName ?? '–'}</Table.Cell>
                  <Table.Cell className="numeric">{f.int(p.assigned)}</Table.Cell>
                  <Table.Cell className="numeric">{f.int(p.completed)}</Table.Cell>
                  <Table.Cell className="numeric">
                    <Overdue count={p.overdue} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      {people.data ? <Pager page={page} pageSize={PAGE_SIZE} total={people.data.total} onPage={setPage} label={t('learningReports.people.pager')} /> : null}
    </section>
  );
}
