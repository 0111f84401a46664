import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { okResponse } from '../../../shared/api/common';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SuccessMessage } from '../../components/StatusMessage';
import { NewPasswordFields, type NewPasswordValue, validateNewPassword } from '../auth/NewPasswordFields';

type Errors = Partial<Record<'current' | keyof NewPasswordValue, string>>;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState<NewPasswordValue>({ password: '', confirm: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const found: Errors = validateNewPassword(value, t);
    if (!current) found.current = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      await api('/me/password', okResponse, { method: 'POST', body: { currentPassword: current, newPassword: value.password } });
      setSaved(true);
      setCurrent('');
      setValue({ password: '', confirm: '' });
    } catch (err) {
      const apiError = asApiError(err);
      if (apiError.code === 'WEAK_PASSWORD') setErrors({ password: t('errors.WEAK_PASSWORD') });
      else if (apiError.code === 'INVALID_CREDENTIALS') setErrors({ current: t('profile.wrongCurrentPassword') });
      else setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <SuccessMessage>{saved ? t('profile.passwordChanged') : null}</SuccessMessage>
      {error ? <ErrorAlert error={error} /> : null}
      <Textfield
        label={t('auth.fields.currentPassword')}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={errors.current}
        required
      />
      <NewPasswordFields value={value} errors={errors} onChange={setValue} />
      <div className="button-row">
        <Button type="submit" loading={busy} disabled={busy}>
          {t('profile.changePassword')}
        </Button>
      </div>
    </form>
  );
}
