import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personAccountBody } from '../../../shared/api/access';
import { okResponse } from '../../../shared/api/common';
import type { Person } from '../../../shared/api/people';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SuccessMessage } from '../../components/StatusMessage';

/** Create a login for an employee; the server e-mails a set-password link. */
export function PersonAccount({ person, path, onCreated }: { person: Person; path: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(person.email ?? '');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  if (person.hasAccount && !sent) return <Paragraph>{t('people.account.has')}</Paragraph>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = personAccountBody.safeParse(email.trim() ? { email: email.trim() } : {});
    if (!body.success || (!email.trim() && !person.email)) {
      setFieldError(t('validation.email'));
      return;
    }
    setFieldError(undefined);
    setError(undefined);
    setBusy(true);
    try {
      await api(`${path}/account`, okResponse, { method: 'POST', body: body.data });
      setSent(true);
      onCreated();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <SuccessMessage>{sent ? t('people.account.sent') : null}</SuccessMessage>
      {!sent ? (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <Paragraph>{t('people.account.none')}</Paragraph>
          {error ? <ErrorAlert error={error} /> : null}
          <Textfield
            label={t('people.account.email')}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError}
          />
          <div className="button-row">
            <Button type="submit" variant="secondary" loading={busy} disabled={busy}>
              {t('people.account.create')}
            </Button>
          </div>
        </form>
      ) : null}
    </>
  );
}
