import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meSchema, updateMeBody } from '../../../shared/api/auth';
import { LANGUAGES, type Language } from '../../../shared/domain';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { useAuth, useMe } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { SuccessMessage } from '../../components/StatusMessage';
import { type FieldErrors, focusFirstInvalid, serverFieldErrors, zodFieldErrors } from '../../components/validation';
import { isLanguage, setLanguage } from '../../i18n';

export function ProfileForm() {
  const { t } = useTranslation();
  const me = useMe();
  const { setMe } = useAuth();
  const formRef = useRef<HTMLFormElement>(null);
  const [displayName, setDisplayName] = useState(me.user.displayName);
  const [language, setLang] = useState<Language>(me.user.preferredLanguage);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const parsed = updateMeBody.safeParse({ displayName, preferredLanguage: language });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setError(undefined);
    setBusy(true);
    try {
      const next = await api('/me', meSchema, { method: 'PATCH', body: parsed.data });
      setMe(next);
      await setLanguage(next.user.preferredLanguage);
      setSaved(true);
    } catch (err) {
      const apiError = asApiError(err);
      setErrors(serverFieldErrors(apiError));
      setError(apiError);
      focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate>
      <SuccessMessage>{saved ? t('profile.saved') : null}</SuccessMessage>
      {error ? <ErrorAlert error={error} /> : null}
      <dl className="facts">
        <div>
          <dt>{t('auth.fields.email')}</dt>
          <dd data-testid="profile-email">{me.user.email}</dd>
        </div>
      </dl>
      <Textfield
        label={t('profile.displayName')}
        autoComplete="name"
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={errors.displayName}
        required
      />
      <SelectField
        label={t('profile.preferredLanguage')}
        description={t('profile.preferredLanguageHelp')}
        value={language}
        error={errors.preferredLanguage}
        onChange={(e) => {
          if (isLanguage(e.target.value)) setLang(e.target.value);
        }}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`languages.${lng}`)}
          </option>
        ))}
      </SelectField>
      <div className="button-row">
        <Button type="submit" loading={busy} disabled={busy}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
