import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearningSession } from '../../../../shared/api/learning-sessions';
import type { ApiError } from '../../../api/client';
import { asApiError } from '../../../api/useApi';
import { focusFirstInvalid, serverFieldErrors } from '../../../components/validation';
import { SessionErrorAlert } from './SessionErrorAlert';
import { checkSessionForm, emptySessionForm, sessionBody, sessionFormFrom, type SessionFormValues } from './sessionForm';
import { createSession, updateSession } from './sessionsApi';

type Props = {
  municipalityId: string;
  itemId: string;
  /** The session to change; absent: a new one. */
  session?: LearningSession;
  onSaved: (session: LearningSession) => void;
  onClose: () => void;
};

/** Create or change a session: times, place, online link and seats. */
export function SessionFormPanel({ municipalityId, itemId, session, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<SessionFormValues>(() => (session ? sessionFormFrom(session) : emptySessionForm()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const set = (key: keyof SessionFormValues, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = checkSessionForm(values);
    setErrors(Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key)])));
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const body = sessionBody(values);
      onSaved(session ? await updateSession(municipalityId, session.id, body) : await createSession(municipalityId, itemId, body));
    } catch (err) {
      const apiError = asApiError(err);
      const fields = serverFieldErrors(apiError);
      setErrors(fields);
      setError(apiError);
      if (Object.keys(fields).length > 0) focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="session-form" aria-labelledby={headingId}>
      <Heading level={session ? 4 : 2} data-size="xs" id={headingId}>
        {session ? t('sessions.form.editTitle') : t('sessions.form.createTitle')}
      </Heading>
      <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        {error ? <SessionErrorAlert error={error} /> : null}
        <div className="session-form__times">
          <Textfield type="datetime-local" label={t('sessions.form.startsAt')} value={values.startsAt} error={errors.startsAt} onChange={(e) => set('startsAt', e.target.value)} />
          <Textfield type="datetime-local" label={t('sessions.form.endsAt')} value={values.endsAt} error={errors.endsAt} onChange={(e) => set('endsAt', e.target.value)} />
        </div>
        <Textfield label={t('sessions.form.location')} description={t('sessions.form.locationHelp')} value={values.location} error={errors.location} maxLength={500} onChange={(e) => set('location', e.target.value)} />
        <Textfield type="url" label={t('sessions.form.onlineUrl')} description={t('sessions.form.onlineUrlHelp')} value={values.onlineUrl} error={errors.onlineUrl} onChange={(e) => set('onlineUrl', e.target.value)} />
        <Textfield inputMode="numeric" label={t('sessions.form.capacity')} description={t('sessions.form.capacityHelp')} value={values.capacity} error={errors.capacity} onChange={(e) => set('capacity', e.target.value)} />
        <div className="button-row">
          <Button type="submit" loading={busy} disabled={busy}>
            {session ? t('sessions.form.save') : t('sessions.form.create')}
          </Button>
          <Button type="button" variant="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
