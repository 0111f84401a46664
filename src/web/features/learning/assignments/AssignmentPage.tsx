import { Button, Heading, Paragraph, Switch, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { assignmentPeople, assignmentSchema } from '../../../../shared/api/assignments';
import { okResponse } from '../../../../shared/api/common';
import { api, type ApiError } from '../../../api/client';
import { asApiError, useApi } from '../../../api/useApi';
import { useMunicipality } from '../../../app/municipality';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { EmptyState, LoadErrorPage, NoMunicipalityPage } from '../../../components/States';
import { TableScroll } from '../../../components/TableScroll';
import { formatDate } from '../my-learning/myLearningText';
import { assignmentPath, deadlineText, targetText } from './assignmentsApi';
import './assignments.css';

const STATUS_COLOR = { completed: 'success', in_progress: 'info', not_started: 'neutral' } as const;

/** One assignment: what, for whom, by when; who has done it (late ones first), and archiving. */
export function AssignmentPage() {
  const { t, i18n } = useTranslation();
  const { assignmentId = '' } = useParams();
  const navigate = useNavigate();
  const { current } = useMunicipality();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [archiveError, setArchiveError] = useState<ApiError | undefined>();
  const base = current ? assignmentPath(current.id, assignmentId) : null;
  const assignment = useApi(base, assignmentSchema, { lang: i18n.language });
  const people = useApi(base ? `${base}/people` : null, assignmentPeople, { overdue: overdueOnly ? 'true' : undefined });
  if (!current) return <NoMunicipalityPage title={t('assignments.title')} />;
  if (assignment.error) return <LoadErrorPage error={assignment.error} title={t('assignments.title')} />;
  if (!assignment.data) return <Loading />;
  const a = assignment.data;
  const date = (d: string) => formatDate(d, i18n.language);

  const archive = async () => {
    setBusy(true);
    try {
      await api(base!, okResponse, { method: 'DELETE' });
      navigate('/learning/assignments');
    } catch (err) {
      setArchiveError(asApiError(err));
      setBusy(false);
      setConfirm(false);
    }
  };

  return (
    <Page
      title={a.item.title}
      lead={<Paragraph>{targetText(t, a)}</Paragraph>}
      actions={
        a.archivedAt ? (
          <Tag data-color="neutral">{t('assignments.archived')}</Tag>
        ) : (
          <Button variant="secondary" data-color="danger" onClick={() => setConfirm(true)}>
            {t('assignments.archive')}
          </Button>
        )
      }
    >
      <dl className="assignment-facts">
        <div>
          <dt>{t('assignments.columns.due')}</dt>
          <dd>{deadlineText(t, a, date)}</dd>
        </div>
        <div>
          <dt>{t('assignments.columns.recurrence')}</dt>
          <dd>{a.recurrenceMonths ? t('assignments.everyMonths', { count: a.recurrenceMonths }) : t('assignments.once')}</dd>
        </div>
        <div>
          <dt>{t('assignments.columns.completed')}</dt>
          <dd>{t('assignments.completedOf', { completed: a.counts.completed, people: a.counts.people })}</dd>
        </div>
        <div>
          <dt>{t('assignments.columns.overdue')}</dt>
          <dd>{a.counts.overdue}</dd>
        </div>
        {a.note ? (
          <div>
            <dt>{t('assignments.form.note')}</dt>
            <dd>{a.note}</dd>
          </div>
        ) : null}
      </dl>
      {archiveError ? <ErrorAlert error={archiveError} title={t('assignments.archiveFailed')} /> : null}
      <Heading level={2} data-size="sm">
        {t('assignments.people.title')}
      </Heading>
      <Switch label={t('assignments.people.overdueOnly')} checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
      {people.error ? <ErrorAlert error={people.error} title={t('states.loadFailed')} /> : null}
      {people.loading && !people.data ? <Loading /> : null}
      {people.data && people.data.people.length === 0 ? <EmptyState>{t('assignments.people.empty')}</EmptyState> : null}
      {people.data && people.data.people.length > 0 ? (
        <TableScroll label={t('assignments.people.title')}>
          <Table data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('assignments.people.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assignments.people.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assignments.people.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assignments.columns.due')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assignments.people.completedAt')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {people.data.people.map((p) => (
                <Table.Row key={p.personId} data-testid="assignment-person">
                  <Table.Cell>{p.name}</Table.Cell>
                  <Table.Cell>{p.unitName ?? ''}</Table.Cell>
                  <Table.Cell>
                    <Tag data-size="sm" data-color={p.overdue ? 'danger' : STATUS_COLOR[p.status]}>
                      {p.overdue ? t('myLearning.overdue') : t(`myLearning.status.${p.status}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>{p.dueDate ? date(p.dueDate) : t('assignments.noDeadline')}</Table.Cell>
                  <Table.Cell>
                    {p.lastCompletedAt ? date(p.lastCompletedAt) : ''}
                    {p.validUntil ? ` (${t('myLearning.validUntil', { date: date(p.validUntil) })})` : ''}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      <ConfirmDialog open={confirm} title={t('assignments.archiveTitle')} confirmLabel={t('assignments.archive')} busy={busy} onConfirm={() => void archive()} onClose={() => setConfirm(false)}>
        {t('assignments.archiveText')}
      </ConfirmDialog>
    </Page>
  );
}
