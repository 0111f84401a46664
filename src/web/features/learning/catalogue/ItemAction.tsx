import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { type CatalogueItem, markDoneResponse } from '../../../../shared/api/learning';
import { api, type ApiError } from '../../../api/client';
import { asApiError } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SuccessMessage } from '../../../components/StatusMessage';
import { isDirectVideo, itemPath } from './catalogueApi';
import { Cmi5Action } from './Cmi5Action';

type Props = { item: CatalogueItem; learner: boolean; onStatus: (status: CatalogueItem['myStatus']) => void };

/** What a learner does with the item, by its kind. */
export function ItemAction({ item, learner, onStatus }: Props) {
  const { t } = useTranslation();
  const headingId = `action-${item.id}`;
  return (
    <section className="catalogue-item__section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t(`catalogue.action.heading.${item.kind}`)}
      </Heading>
      {item.status !== 'published' ? (
        <Alert data-color="warning">
          <Paragraph>{t('catalogue.action.notPublished')}</Paragraph>
        </Alert>
      ) : (
        <KindAction item={item} learner={learner} onStatus={onStatus} />
      )}
    </section>
  );
}

function NotLearner() {
  const { t } = useTranslation();
  return (
    <Alert data-color="info">
      <Paragraph>{t('catalogue.action.noPerson')}</Paragraph>
    </Alert>
  );
}

function KindAction({ item, learner, onStatus }: Props) {
  const { t } = useTranslation();
  const started = item.myStatus !== null && item.myStatus !== 'not_started';
  switch (item.kind) {
    case 'course':
      if (!learner) return <NotLearner />;
      return (
        <Button asChild>
          <RouterLink to={`/learning/items/${item.id}/learn`}>{started ? t('catalogue.action.continue') : t('catalogue.action.start')}</RouterLink>
        </Button>
      );
    case 'scorm':
      if (!learner) return <NotLearner />;
      return (
        <Button asChild>
          <RouterLink to={`/learn/play/${item.packageId}`}>{started ? t('catalogue.action.continue') : t('catalogue.action.start')}</RouterLink>
        </Button>
      );
    case 'cmi5':
      if (!learner) return <NotLearner />;
      return <Cmi5Action item={item} onStatus={onStatus} />;
    case 'xapi':
      return <Paragraph>{t('catalogue.action.xapi')}</Paragraph>;
    case 'event':
      return (
        <Button asChild>
          <RouterLink to={`/learning/items/${item.id}/sessions`}>{t('catalogue.action.sessions')}</RouterLink>
        </Button>
      );
    case 'video':
    case 'link':
      return <SelfCompleted item={item} learner={learner} onStatus={onStatus} />;
  }
}

/** A film or a page elsewhere: watch or open it, then say it is done. */
function SelfCompleted({ item, learner, onStatus }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const url = item.url ?? '';
  const done = item.myStatus === 'completed' || item.myStatus === 'passed';
  const markDone = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await api(`${itemPath(item.municipalityId, item.id)}/complete`, markDoneResponse, { method: 'POST' });
      onStatus(res.myStatus);
      setMessage(t('catalogue.action.markedDone'));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {item.kind === 'video' && isDirectVideo(url) ? (
        <video className="catalogue-video" controls preload="metadata" src={url} aria-label={item.title}>
          <Link href={url}>{t('catalogue.action.download')}</Link>
        </video>
      ) : (
        <Paragraph>
          <Link href={url} target="_blank" rel="noopener noreferrer">
            {item.kind === 'video' ? t('catalogue.action.watch') : t('catalogue.action.open')}
            <span className="visually-hidden"> {t('catalogue.action.newTab')}</span>
          </Link>
        </Paragraph>
      )}
      {learner ? (
        <div className="button-row">
          <Button variant={done ? 'secondary' : 'primary'} onClick={() => void markDone()} loading={busy} disabled={busy || done}>
            {done ? t('catalogue.action.done') : t('catalogue.action.markDone')}
          </Button>
        </div>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      <SuccessMessage>{message}</SuccessMessage>
    </>
  );
}
