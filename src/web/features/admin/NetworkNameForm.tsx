import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { networkSchema, updateNetworkBody } from '../../../shared/api/tenancy';
import { anyResponse, api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SuccessMessage } from '../../components/StatusMessage';
import { type FieldErrors, serverFieldErrors, zodFieldErrors } from '../../components/validation';

export function NetworkNameForm({ networkId, name: initial, onSaved }: { networkId: string; name: string; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const parsed = updateNetworkBody.safeParse({ name });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setErrors({});
    setError(undefined);
    setBusy(true);
    try {
      const res = await api(`/networks/${networkId}`, anyResponse, { method: 'PATCH', body: parsed.data });
      const next = networkSchema.safeParse(res);
      onSaved(next.success ? next.data.name : parsed.data.name);
      setSaved(true);
    } catch (err) {
      const apiError = asApiError(err);
      setErrors(serverFieldErrors(apiError));
      setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <SuccessMessage>{saved ? t('admin.network.saved') : null}</SuccessMessage>
      {error ? <ErrorAlert error={error} /> : null}
      <Textfield label={t('admin.network.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} required />
      <div className="button-row">
        <Button type="submit" loading={busy} disabled={busy}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
