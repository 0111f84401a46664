import { Button, Link, Paragraph, Switch, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { z } from 'zod';
import { assignmentSchema } from '../../../../shared/api/assignments';
import { useApi } from '../../../api/useApi';
import { useMe } from '../../../app/auth';
import { useMunicipality } from '../../../app/municipality';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { EmptyState, ForbiddenPage, NoMunicipalityPage } from '../../../components/States';
import { TableScroll } from '../../../components/TableScroll';
import { formatDate } from '../my-learning/myLearningText';
import { assignAccess, assignmentsPath, deadlineText, targetText } from './assignmentsApi';
import './assignments.css';

const assignmentList = z.array(assignmentSchema);

/** Assignments for leaders, competence advisors and administrators: who must learn what, by when, and how far they are. */
export function AssignmentsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { current } = useMunicipality();
  const [archived, setArchived] = useState(false);
  const access = assignAccess(me, current);
  const { data, error, loading } = useApi(current && access.any ? assignmentsPath(current.id) : null, assignmentList, { includeArchived: archived ? 'true' : undefined, lang: i18n.language });
  if (!current) return <NoMunicipalityPage title={t('assignments.title')} />;
  if (!access.any) return <ForbiddenPage />;
  return (
    <Page
      title={t('assignments.title')}
      lead={<Paragraph>{t('assignments.lead')}</Paragraph>}
      actions={
        <Button asChild>
          <RouterLink to="/learning/assignments/new">{t('assignments.new')}</RouterLink>
        </Button>
      }
    >
      <Switch label={t('assignments.showArchived')} checked={archived} onChange={(e) => setArchived(e.target.checked)} />
      {error ? <ErrorAlert error={error} title={t('states.loadFailed')} /> : null}
      {loading && !data ? <Loading /> : null}
      {data && data.length === 0 ? <EmptyState>{t('assignments.empty')}</EmptyState> : null}
      {data && data.length > 0 ? (
        <TableScroll label={t('assignments.title')}>
          <Table data-size="sm" className="assignments-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('assignments.columns.item')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assignments.columns.target')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assignments.columns.due')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assignments.columns.recurrence')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assignments.columns.completed')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assignments.columns.overdue')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.map((a) => (
                <Table.Row key={a.id} data-testid="assignment-row">
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/learning/assignments/${a.id}`}>{a.item.title}</RouterLink>
                    </Link>
                    {a.archivedAt ? <span className="muted"> ({t('assignments.archived')})</span> : null}
                  </Table.Cell>
                  <Table.Cell>{targetText(t, a)}</Table.Cell>
                  <Table.Cell>{deadlineText(t, a, (d) => formatDate(d, i18n.language))}</Table.Cell>
                  <Table.Cell>{a.recurrenceMonths ? t('assignments.everyMonths', { count: a.recurrenceMonths }) : t('assignments.once')}</Table.Cell>
                  <Table.Cell>{t('assignments.completedOf', { completed: a.counts.completed, people: a.counts.people })}</Table.Cell>
                  <Table.Cell>{a.counts.overdue}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
    </Page>
  );
}
