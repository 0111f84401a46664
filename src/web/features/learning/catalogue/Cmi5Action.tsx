import { Alert, Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '../../../../shared/api/learning';
import { learnerCmi5Launch, learnerCmi5View, type LearnerCmi5Au, type LearnerCmi5View } from '../../../../shared/api/learning-launch';
import { api, type ApiError } from '../../../api/client';
import { asApiError, useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { SuccessMessage } from '../../../components/StatusMessage';
import { itemPath } from './catalogueApi';

// A cmi5 course from the learner's side: its parts (AUs) with their state in
// the learner's latest registration, one button per part and one for the
// next part. A part that wants its own window (OwnWindow) replaces this page
// and sends the learner back here when it ends; the others open in a new tab,
// and this page refreshes the progress when the learner comes back to it.

type Props = { item: CatalogueItem; onStatus: (status: CatalogueItem['myStatus']) => void };
type StatusKey = 'notStarted' | 'done' | 'waived' | 'failed' | 'completedNotPassed' | 'passedNotCompleted';

function statusOf(au: LearnerCmi5Au): StatusKey {
  if (au.waived) return 'waived';
  if (au.satisfied) return au.completed || au.passed ? 'done' : 'notStarted';
  if (au.failed) return 'failed';
  if (au.completed) return 'completedNotPassed';
  if (au.passed) return 'passedNotCompleted';
  return 'notStarted';
}
const STATUS_COLOR: Record<StatusKey, 'neutral' | 'success' | 'danger' | 'info'> = {
  notStarted: 'neutral',
  done: 'success',
  waived: 'success',
  failed: 'danger',
  completedNotPassed: 'info',
  passedNotCompleted: 'info',
};
const isDone = (s: StatusKey) => s === 'done' || s === 'waived';

export function Cmi5Action({ item, onStatus }: Props) {
  const { t } = useTranslation();
  const path = `${itemPath(item.municipalityId, item.id)}/cmi5`;
  const { data, error, loading, reload } = useApi(path, learnerCmi5View);
  const [busy, setBusy] = useState<number | null>(null);
  const [launchError, setLaunchError] = useState<ApiError | undefined>();
  const [opened, setOpened] = useState<{ url: string; blocked: boolean } | null>(null);

  // A part in another tab reports there; coming back to this tab shows what it recorded.
  useEffect(() => {
    const onFocus = () => reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);
  const satisfied = data?.satisfied ?? false;
  useEffect(() => {
    if (satisfied && item.myStatus !== 'completed' && item.myStatus !== 'passed') onStatus('completed');
  }, [satisfied, item.myStatus, onStatus]);

  if (error) return <ErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;

  const launch = async (au: LearnerCmi5Au) => {
    setBusy(au.index);
    setLaunchError(undefined);
    setOpened(null);
    // A tab opened after the answer arrives would count as a pop-up; open it now, while the click is still the user's.
    const tab = au.launchMethod === 'AnyWindow' ? window.open('', '_blank') : null;
    if (tab) tab.opener = null;
    try {
      const res = await api(`${path}/launch`, learnerCmi5Launch, { method: 'POST', body: { auIndex: au.index } });
      if (res.launchMethod === 'OwnWindow') {
        tab?.close();
        window.location.assign(res.url);
        return;
      }
      if (tab) tab.location.href = res.url;
      setOpened({ url: res.url, blocked: !tab });
    } catch (err) {
      tab?.close();
      setLaunchError(asApiError(err));
    } finally {
      setBusy(null);
    }
  };

  const next = data.aus[data.nextAuIndex];
  const doneCount = data.aus.filter((au) => isDone(statusOf(au))).length;
  const mainLabel = !data.started ? t('catalogue.cmi5.startCourse') : data.satisfied ? t('catalogue.cmi5.again') : t('catalogue.cmi5.continueWith', { title: next?.title ?? '' });

  return (
    <>
      <Paragraph>{data.satisfied ? t('catalogue.cmi5.courseDone') : t('catalogue.cmi5.progress', { done: doneCount, total: data.aus.length })}</Paragraph>
      {next ? (
        <div className="button-row">
          <Button onClick={() => void launch(next)} loading={busy === next.index} disabled={busy !== null}>
            {mainLabel}
            {next.launchMethod === 'AnyWindow' ? <span className="visually-hidden"> {t('catalogue.action.newTab')}</span> : null}
          </Button>
          <Button variant="tertiary" onClick={reload} disabled={busy !== null}>
            {t('catalogue.cmi5.refresh')}
          </Button>
        </div>
      ) : null}
      {launchError ? <ErrorAlert error={launchError} /> : null}
      {opened?.blocked ? (
        <Alert data-color="warning">
          <Paragraph>
            {t('catalogue.cmi5.popupBlocked')}{' '}
            <Link href={opened.url} target="_blank" rel="noopener noreferrer">
              {t('catalogue.cmi5.openLink')}
              <span className="visually-hidden"> {t('catalogue.action.newTab')}</span>
            </Link>
          </Paragraph>
        </Alert>
      ) : null}
      <SuccessMessage>{opened && !opened.blocked ? t('catalogue.cmi5.openedInNewTab') : null}</SuccessMessage>
      <Parts view={data} busy={busy} onLaunch={(au) => void launch(au)} />
    </>
  );
}

function Parts({ view, busy, onLaunch }: { view: LearnerCmi5View; busy: number | null; onLaunch: (au: LearnerCmi5Au) => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cmi5-parts">
      <Heading level={3} data-size="xs" id="cmi5-parts">
        {t('catalogue.cmi5.partsHeading')}
      </Heading>
      <ol className="cmi5-parts">
        {view.aus.map((au) => {
          const status = statusOf(au);
          return (
            <li key={au.index} className="cmi5-part">
              <div className="cmi5-part__text">
                <span className="cmi5-part__title">{au.title}</span>
                <Tag data-color={STATUS_COLOR[status]}>{t(`catalogue.cmi5.status.${status}`)}</Tag>
                <span className="muted">{au.launchMethod === 'AnyWindow' ? t('catalogue.cmi5.opensNewTab') : t('catalogue.cmi5.opensHere')}</span>
              </div>
              <Button variant="secondary" data-size="sm" onClick={() => onLaunch(au)} loading={busy === au.index} disabled={busy !== null}>
                {isDone(status) ? t('catalogue.cmi5.openPart') : t('catalogue.cmi5.startPart')}
                <span className="visually-hidden"> {au.title}</span>
              </Button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
