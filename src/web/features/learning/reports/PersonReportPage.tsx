import './reports.css';
import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { personReport, type PersonReport } from '../../../../shared/api/learning-reports';
import { useApi } from '../../../api/useApi';
import { useCurrentMunicipality } from '../../../app/guards';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { EmptyState, NotFoundPage } from '../../../components/States';
import { TableScroll } from '../../../components/TableScroll';
import { useFormat } from '../../results/format';
import { personPath } from './reportsApi';

const STATUS_COLOR = { completed: 'success', in_progress: 'info', not_started: 'neutral' } as const;

/** "45 %" from a scaled score (-1..1; learning scores are 0..1 in practice). */
const score = (f: ReturnType<typeof useFormat>, v: number | null) => (v === null ? '–' : f.pct(v));

function Assignments({ rows }: { rows: PersonReport['assignments'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const day = (d: string | null) => (d ? f.date(`${d}T12:00:00Z`) : '–');
  return (
    <TableScroll label={t('learningReports.person.assignments')}>
      <Table data-size="sm" zebra>
        <caption className="visually-hidden">{t('learningReports.person.assignments')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('learningReports.items.item')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('learningReports.person.status')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('learningReports.person.due')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('learningReports.person.completedAt')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('learningReports.person.validUntil')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t('learningReports.person.score')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((a) => (
            <Table.Row key={a.assignmentId} className={a.overdue ? 'learning-reports__row--overdue' : undefined}>
              <Table.HeaderCell scope="row">{a.title}</Table.HeaderCell>
              <Table.Cell>
                <span className="tag-list">
                  <Tag data-size="sm" data-color={STATUS_COLOR[a.status]}>
                    {t(`learningReports.person.statuses.${a.status}`)}
                  </Tag>{' '}
                  {a.overdue ? (
                    <Tag data-size="sm" data-color="danger">
                      {t('learningReports.person.overdue')}
                    </Tag>
                  ) : null}
                </span>
              </Table.Cell>
              <Table.Cell>{day(a.dueDate)}</Table.Cell>
              <Table.Cell>{a.lastCompletedAt ? f.date(a.lastCompletedAt) : '–'}</Table.Cell>
              <Table.Cell>{day(a.validUntil)}</Table.Cell>
              <Table.Cell className="numeric">{score(f, a.scoreScaled)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function OtherCompletions({ rows }: { rows: PersonReport['otherCompletions'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <TableScroll label={t('learningReports.person.others')}>
      <Table data-size="sm" zebra>
        <caption className="visually-hidden">{t('learningReports.person.others')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('learningReports.items.item')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('learningReports.person.completedAt')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('learningReports.person.outcome')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t('learningReports.person.score')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((c, i) => (
            <Table.Row key={`${c.itemId}-${i}`}>
              <Table.HeaderCell scope="row">{c.title}</Table.HeaderCell>
              <Table.Cell>{f.date(c.completedAt)}</Table.Cell>
              <Table.Cell>{t(`learningReports.person.outcomes.${c.outcome}`)}</Table.Cell>
              <Table.Cell className="numeric">{score(f, c.scoreScaled)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

/** One person's assignments and other completed learning, for a leader who follows them up. */
export function PersonReportPage() {
  const { t } = useTranslation();
  const municipality = useCurrentMunicipality();
  const { personId = '' } = useParams();
  const f = useFormat();
  const report = useApi(personPath(municipality.id, personId), personReport, { lang: f.lang });
  if (report.error?.code === 'NOT_FOUND') return <NotFoundPage />;
  const r = report.data;
  const back = (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/learning/reports">{t('learningReports.person.back')}</RouterLink>
      </Link>
    </Paragraph>
  );
  return (
    <Page title={r ? r.person.name : t('learningReports.person.title')} lead={back}>
      {report.error ? <ErrorAlert error={report.error} title={t('states.loadFailed')} /> : null}
      {report.loading && !r ? <Loading /> : null}
      {r ? (
        <>
          <dl className="learning-reports__facts">
            <dt>{t('learningReports.person.employeeNumber')}</dt>
            <dd>{r.person.employeeNumber}</dd>
            <dt>{t('learningReports.person.profession')}</dt>
            <dd>{t(`professions.${r.person.profession}`, { defaultValue: r.person.profession })}</dd>
            <dt>{t('learningReports.person.units')}</dt>
            <dd>{r.person.units.map((u) => u.name).join(', ') || '–'}</dd>
            {!r.person.active ? (
              <>
                <dt>{t('learningReports.person.state')}</dt>
                <dd>{t('learningReports.person.inactive')}</dd>
              </>
            ) : null}
          </dl>
          <section aria-labelledby="person-assignments" className="learning-reports__section">
            <Heading level={2} data-size="sm" id="person-assignments">
              {t('learningReports.person.assignments')}
            </Heading>
            {r.assignments.length === 0 ? <EmptyState>{t('learningReports.person.noAssignments')}</EmptyState> : <Assignments rows={r.assignments} />}
          </section>
          <section aria-labelledby="person-others" className="learning-reports__section">
            <Heading level={2} data-size="sm" id="person-others">
              {t('learningReports.person.others')}
            </Heading>
            {r.otherCompletions.length === 0 ? <EmptyState>{t('learningReports.person.noOthers')}</EmptyState> : <OtherCompletions rows={r.otherCompletions} />}
          </section>
        </>
      ) : null}
    </Page>
  );
}
