import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { itemSessionsResponse, type LearningSession } from '../../../../shared/api/learning-sessions';
import { useApi } from '../../../api/useApi';
import { useMunicipality } from '../../../app/municipality';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { SuccessMessage } from '../../../components/StatusMessage';
import { EmptyState, NoMunicipalityPage, NotFoundPage } from '../../../components/States';
import { SessionCard } from './SessionCard';
import { SessionErrorAlert } from './SessionErrorAlert';
import { SessionFormPanel } from './SessionFormPanel';
import { itemSessionsPath } from './sessionsApi';
import './sessions.css';

/**
 * The sessions of an event (classroom session, workshop, network meeting):
 * learners see when and where, seats left and their place in line, and sign
 * up or leave; organisers also create, change and cancel sessions and take
 * attendance.
 */
export function SessionsPage() {
  const { t } = useTranslation();
  const { itemId = '' } = useParams();
  const { current } = useMunicipality();
  const { data, error, loading, reload } = useApi(current ? itemSessionsPath(current.id, itemId) : null, itemSessionsResponse);
  const [notice, setNotice] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  if (!current) return <NoMunicipalityPage title={t('sessions.title')} />;
  if (error?.code === 'NOT_FOUND') return <NotFoundPage />;

  const changed = (message: string) => {
    setNotice(message);
    reload();
  };
  const list = (sessions: LearningSession[]) => (
    <ul className="session-list">
      {sessions.map((s) => (
        <li key={s.id}>
          <SessionCard municipalityId={current.id} session={s} canSignUp={data!.canSignUp} canOrganise={data!.canOrganise} onChanged={changed} />
        </li>
      ))}
    </ul>
  );

  return (
    <Page
      title={data ? data.item.title : t('sessions.title')}
      width="narrow"
      lead={
        <>
          <Paragraph>{t('sessions.lead')}</Paragraph>
          <Paragraph>
            <Link asChild>
              <RouterLink to={`/learning/items/${itemId}`}>{t('sessions.aboutItem')}</RouterLink>
            </Link>
          </Paragraph>
        </>
      }
      actions={
        data?.canOrganise && !creating ? (
          <Button onClick={() => setCreating(true)}>{t('sessions.organiser.newSession')}</Button>
        ) : null
      }
    >
      <SuccessMessage>{notice}</SuccessMessage>
      {error ? <SessionErrorAlert error={error} /> : null}
      {loading && !data ? <Loading /> : null}
      {data ? (
        <>
          {data.item.status !== 'published' ? (
            <Alert data-color="warning">
              <Paragraph>{t('sessions.draftNotice')}</Paragraph>
            </Alert>
          ) : null}
          {!data.canSignUp && !data.canOrganise ? (
            <Alert data-color="info">
              <Paragraph>{t('sessions.notEmployee')}</Paragraph>
            </Alert>
          ) : null}
          {creating ? (
            <SessionFormPanel
              municipalityId={current.id}
              itemId={itemId}
              onClose={() => setCreating(false)}
              onSaved={() => {
                setCreating(false);
                changed(t('sessions.organiser.created'));
              }}
            />
          ) : null}
          <section aria-labelledby="sessions-upcoming">
            <Heading level={2} data-size="sm" id="sessions-upcoming">
              {t('sessions.upcoming')}
            </Heading>
            {data.upcoming.length === 0 ? <EmptyState>{t('sessions.noUpcoming')}</EmptyState> : list(data.upcoming)}
          </section>
          {data.past.length > 0 ? (
            <section aria-labelledby="sessions-past">
              <Heading level={2} data-size="sm" id="sessions-past">
                {t('sessions.past')}
              </Heading>
              {list(data.past)}
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
