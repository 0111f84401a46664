import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createLrsCredentialBody, lrsCredentialSecret, type LrsCredentialSecret } from '../../../shared/api/lrs';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FieldErrors, focusFirstInvalid, serverFieldErrors, zodFieldErrors } from '../../components/validation';

/** Names a new credential; the answer (with its one-time secret) goes to onCreated. */
export function CreateCredentialForm({ path, onCreated }: { path: string; onCreated: (issued: LrsCredentialSecret) => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = createLrsCredentialBody.safeParse({ name });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setError(undefined);
    setBusy(true);
    try {
      const issued = await api(path, lrsCredentialSecret, { method: 'POST', body: parsed.data });
      setName('');
      onCreated(issued);
    } catch (err) {
      const apiError = asApiError(err);
      setErrors(serverFieldErrors(apiError));
      setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="lrs-create-heading">
      {error ? <ErrorAlert error={error} /> : null}
      <Textfield
        label={t('lrs.create.name')}
        description={t('lrs.create.nameHelp')}
        value={name}
        maxLength={200}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        required
      />
      <div className="button-row">
        <Button type="submit" loading={busy} disabled={busy}>
          {t('lrs.create.submit')}
        </Button>
      </div>
    </form>
  );
}
