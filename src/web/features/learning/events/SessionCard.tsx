import { Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearningSession, RegistrationResult, SessionState } from '../../../../shared/api/learning-sessions';
import type { ApiError } from '../../../api/client';
import { asApiError } from '../../../api/useApi';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { RegistrationsPanel } from './RegistrationsPanel';
import { SessionErrorAlert } from './SessionErrorAlert';
import { SessionFormPanel } from './SessionFormPanel';
import { formatSessionRange } from './sessionTime';
import { cancelSession, leave, signUp } from './sessionsApi';

const STATE_COLOR: Record<SessionState, 'info' | 'success' | 'neutral' | 'danger'> = { upcoming: 'info', ongoing: 'success', past: 'neutral', cancelled: 'danger' };

type Props = {
  municipalityId: string;
  session: LearningSession;
  canSignUp: boolean;
  canOrganise: boolean;
  /** After any change: what to announce; the page reloads the list. */
  onChanged: (notice: string) => void;
};

/** One session: when, where, seats; the learner's sign-up; the organiser's tools. */
export function SessionCard({ municipalityId, session: s, canSignUp, canOrganise, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [showPeople, setShowPeople] = useState(false);
  const when = formatSessionRange(s.startsAt, s.endsAt, i18n.resolvedLanguage ?? i18n.language);
  const mine = s.myRegistration;
  const open = s.state === 'upcoming';

  const act = async (run: () => Promise<RegistrationResult | LearningSession>, notice: (r: RegistrationResult | LearningSession) => string) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await run();
      setConfirmCancel(false);
      onChanged(notice(result));
    } catch (err) {
      setConfirmCancel(false);
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const signUpNotice = (r: RegistrationResult | LearningSession) => {
    const { outcome, session } = r as RegistrationResult;
    return t(`sessions.done.${outcome}`, { position: session.myRegistration?.waitlistPosition ?? '' });
  };

  return (
    <Card className="session-card">
      <Heading level={3} data-size="2xs" id={headingId}>
        {when}
      </Heading>
      <div className="session-card__tags">
        <Tag data-color={STATE_COLOR[s.state]}>{t(`sessions.state.${s.state}`)}</Tag>
        {mine?.status === 'registered' ? <Tag data-color="success">{t('sessions.you.registered')}</Tag> : null}
        {mine?.status === 'waitlisted' ? <Tag data-color="warning">{t('sessions.you.waitlisted', { position: mine.waitlistPosition })}</Tag> : null}
        {mine?.attended ? <Tag data-color="success">{t('sessions.you.attended')}</Tag> : null}
      </div>
      <dl className="session-card__facts">
        <dt>{t('sessions.where')}</dt>
        <dd>{s.location ?? (s.onlineUrl ? t('sessions.online') : t('sessions.placeTba'))}</dd>
        {s.onlineUrl ? (
          <>
            <dt>{t('sessions.online')}</dt>
            <dd>
              <Link href={s.onlineUrl} target="_blank" rel="noopener noreferrer">
                {t('sessions.openMeeting')}
              </Link>
            </dd>
          </>
        ) : null}
        <dt>{t('sessions.form.capacity')}</dt>
        <dd>
          {s.capacity === null ? t('sessions.unlimited') : s.seatsLeft === 0 ? t('sessions.full') : t('sessions.seatsLeft', { count: s.seatsLeft ?? 0 })}
          {s.capacity !== null ? <span className="session-card__sub"> · {t('sessions.seatsTaken', { taken: s.seatsTaken, capacity: s.capacity })}</span> : null}
          {s.waitlistLength > 0 ? <span className="session-card__sub"> · {t('sessions.waitlist', { count: s.waitlistLength })}</span> : null}
        </dd>
      </dl>
      {error ? <SessionErrorAlert error={error} /> : null}
      {open && canSignUp ? (
        <div className="button-row session-card__actions">
          {!mine ? (
            <Button onClick={() => void act(() => signUp(municipalityId, s.id), signUpNotice)} loading={busy} disabled={busy} aria-describedby={headingId}>
              {s.seatsLeft === 0 ? t('sessions.joinWaitlist') : t('sessions.signUp')}
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => void act(() => leave(municipalityId, s.id), () => t('sessions.done.cancelled'))} loading={busy} disabled={busy} aria-describedby={headingId}>
              {mine.status === 'waitlisted' ? t('sessions.leaveWaitlist') : t('sessions.leave')}
            </Button>
          )}
        </div>
      ) : null}
      {canOrganise ? (
        <div className="button-row session-card__actions">
          {open ? (
            <>
              <Button variant="secondary" onClick={() => setEditing((x) => !x)} aria-expanded={editing} aria-describedby={headingId}>
                {t('sessions.organiser.edit')}
              </Button>
              <Button variant="secondary" data-color="danger" onClick={() => setConfirmCancel(true)} aria-describedby={headingId}>
                {t('sessions.organiser.cancel')}
              </Button>
            </>
          ) : null}
          {s.state !== 'cancelled' ? (
            <Button variant="tertiary" onClick={() => setShowPeople((x) => !x)} aria-expanded={showPeople} aria-describedby={headingId}>
              {showPeople ? t('sessions.organiser.hideRegistrations') : t('sessions.organiser.showRegistrations')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {editing ? (
        <SessionFormPanel
          municipalityId={municipalityId}
          itemId={s.itemId}
          session={s}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged(t('sessions.organiser.saved'));
          }}
        />
      ) : null}
      {showPeople ? <RegistrationsPanel municipalityId={municipalityId} session={s} label={`${t('sessions.registrations.caption')}: ${when}`} /> : null}
      <ConfirmDialog
        open={confirmCancel}
        title={t('sessions.organiser.cancelTitle')}
        confirmLabel={t('sessions.organiser.cancelConfirm')}
        busy={busy}
        onClose={() => setConfirmCancel(false)}
        onConfirm={() => void act(() => cancelSession(municipalityId, s.id), () => t('sessions.organiser.cancelled'))}
      >
        {`${when}. ${t('sessions.organiser.cancelText')}`}
      </ConfirmDialog>
    </Card>
  );
}
