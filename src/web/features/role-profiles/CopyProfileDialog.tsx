import { Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyRoleProfileBody, type RoleProfile, roleProfileSchema } from '../../../shared/api/role-profiles';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FieldErrors, focusFirstInvalid, serverFieldErrors, zodFieldErrors } from '../../components/validation';
import { profilePath } from './roleProfileApi';

type Props = {
  open: boolean;
  profile: RoleProfile;
  municipalityId: string;
  onClose: () => void;
  onCopied: (copy: RoleProfile) => void;
};

/** Asks for the copy's name; the copy gets the saved levels. */
export function CopyProfileDialog({ open, profile, municipalityId, onClose, onCopied }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const defaultName = t('roleProfiles.copy.defaultName', { name: profile.name }).slice(0, 200);
  const [name, setName] = useState(defaultName);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setName(defaultName);
    setErrors({});
    setError(undefined);
  }, [open, defaultName]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = copyRoleProfileBody.safeParse({ name });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const copy = await api(`${profilePath(municipalityId, profile.id)}/copy`, roleProfileSchema, { method: 'POST', body: parsed.data });
      onCopied(copy);
    } catch (err) {
      const apiError = asApiError(err);
      setErrors(serverFieldErrors(apiError));
      setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={headingId} closeButton={t('common.close')}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {t('roleProfiles.copy.title', { name: profile.name })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate>
          {error ? <ErrorAlert error={error} /> : null}
          <Paragraph>{t('roleProfiles.copy.text')}</Paragraph>
          <Textfield
            label={t('roleProfiles.copy.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.name}
            autoComplete="off"
            required
          />
          <div className="button-row">
            <Button type="submit" loading={busy} disabled={busy}>
              {t('roleProfiles.copy.submit')}
            </Button>
            <Button variant="secondary" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
