import { Alert, Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  type AppToPlayer,
  launchResponseSchema,
  type LaunchResponse,
  PLAYER_MESSAGE_SOURCE,
  type PlayerNavRequest,
  type PlayerState,
  type PlayerToApp,
  type SaveStatus,
} from '../../../shared/api/player';
import { api, ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { useMunicipality } from '../../app/municipality';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { NoMunicipalityPage } from '../../components/States';
import './player.css';

/** How long Save and close waits for the player to confirm before leaving anyway (the page's unload still saves). */
const EXIT_WAIT_MS = 5000;
const FRAME_PERMISSIONS = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads';

/**
 * A course, played: the player page (on the content origin) in a frame, with
 * the course's navigation around it. The frame may not navigate this page;
 * the two talk only through origin-checked messages.
 */
export function PlayerPage() {
  const { t } = useTranslation();
  const { packageId } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { current } = useMunicipality();
  const [launch, setLaunch] = useState<LaunchResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [state, setState] = useState<PlayerState | null>(null);
  const [save, setSave] = useState<SaveStatus | null>(null);
  const [exiting, setExiting] = useState(false);
  const [round, setRound] = useState(0);
  const frame = useRef<HTMLIFrameElement>(null);
  const launchedFor = useRef<string | null>(null);
  const newAttempt = useRef(search.get('new') === '1');
  const exitTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const item = search.get('item');

  useEffect(() => () => clearTimeout(exitTimer.current), []);

  useEffect(() => {
    if (!current || !packageId) return;
    // Once per page and round: a second launch would retire the first one's token.
    const key = `${current.id}/${packageId}/${round}`;
    if (launchedFor.current === key) return;
    launchedFor.current = key;
    const body = { packageId, ...(item ? { itemId: item } : {}), ...(newAttempt.current ? { newAttempt: true } : {}) };
    newAttempt.current = false;
    api(`/municipalities/${current.id}/player/launches`, launchResponseSchema, { method: 'POST', body }).then(setLaunch, (err: unknown) => setError(asApiError(err)));
  }, [current, packageId, item, round]);

  useEffect(() => {
    if (!launch) return;
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== launch.playerOrigin || event.source !== frame.current?.contentWindow) return;
      const data = event.data as PlayerToApp | null;
      if (!data || data.source !== PLAYER_MESSAGE_SOURCE) return;
      if (data.type === 'state') setState(data.state);
      else if (data.type === 'save') setSave(data.status);
      else if (data.type === 'exited') navigate('/learn');
      else if (data.type === 'error') setError(new ApiError(0, 'NOT_FOUND', t('player.page.launchFailed')));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [launch, navigate, t]);

  const send = useCallback(
    (request: PlayerNavRequest, target?: string) => {
      if (!launch) return;
      const message: AppToPlayer = { source: PLAYER_MESSAGE_SOURCE, type: 'navigate', request, ...(target ? { target } : {}) };
      frame.current?.contentWindow?.postMessage(message, launch.playerOrigin);
    },
    [launch],
  );

  const exit = () => {
    setExiting(true);
    send('exit');
    exitTimer.current = setTimeout(() => navigate('/learn'), EXIT_WAIT_MS);
  };

  const openAgain = () => {
    setLaunch(null);
    setState(null);
    setSave(null);
    setRound((n) => n + 1);
  };

  if (!current) return <NoMunicipalityPage title={t('player.courses.title')} />;
  const title = launch?.title ?? t('player.courses.title');
  const toc = state?.toc ?? [];
  const stopped = save === 'expired' || save === 'superseded';

  return (
    <Page title={title}>
      {error ? <ErrorAlert error={error} title={t('player.page.launchFailed')} /> : null}
      {!launch && !error ? <Loading /> : null}
      {launch ? (
        <>
          <nav aria-label={t('player.page.controls')} className="player-controls">
            <Button variant="secondary" onClick={() => send('previous')} disabled={!state?.canPrevious || exiting || stopped}>
              {t('player.page.previous')}
            </Button>
            <Button variant="secondary" onClick={() => send('continue')} disabled={!state?.canContinue || exiting || stopped}>
              {t('player.page.continue')}
            </Button>
            <Button className="player-controls__exit" onClick={exit} disabled={exiting}>
              {exiting ? t('player.page.exiting') : t('player.page.exit')}
            </Button>
            {toc.length > 1 ? (
              <details className="player-toc">
                <summary>{t('player.page.contents')}</summary>
                <ol aria-label={t('player.page.contentsLabel')}>
                  {toc.map((entry) => (
                    <li key={entry.id} style={{ paddingInlineStart: `${entry.depth * 1.5}rem` }}>
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        aria-current={entry.current ? 'step' : undefined}
                        disabled={!entry.choosable || entry.current || exiting || stopped}
                        onClick={() => send('choice', entry.id)}
                      >
                        {entry.title}
                        {entry.completed ? ` (${t('player.page.completed')})` : ''}
                      </Button>
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </nav>
          <p className="player-status" aria-live="polite">
            {save ? t(`player.save.${save}`) : ''}
          </p>
          <p className="visually-hidden" aria-live="polite">
            {state?.current ? t('player.page.current', { title: state.current.title }) : ''}
          </p>
          {stopped ? (
            <Alert data-color="warning">
              <Paragraph>{t(`player.save.${save}`)}</Paragraph>
              <Button variant="secondary" onClick={openAgain}>
                {t('player.page.openAgain')}
              </Button>
            </Alert>
          ) : null}
          {state?.ended ? (
            <Alert data-color="success">
              <Paragraph>{t('player.page.ended')}</Paragraph>
              <Link asChild>
                <RouterLink to="/learn">{t('player.page.backToCourses')}</RouterLink>
              </Link>
            </Alert>
          ) : null}
          <iframe
            key={launch.attemptId + round}
            ref={frame}
            className="player-frame"
            src={launch.playerUrl}
            title={t('player.page.frameTitle', { title })}
            sandbox={FRAME_PERMISSIONS}
            allow="fullscreen; autoplay"
            referrerPolicy="no-referrer"
          />
        </>
      ) : null}
    </Page>
  );
}
