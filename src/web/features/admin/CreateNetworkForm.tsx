import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createNetworkBody, networkSchema, type Network } from '../../../shared/api/tenancy';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FieldErrors, serverFieldErrors, zodFieldErrors } from '../../components/validation';

/** Platform admins only: add a new network. */
export function CreateNetworkForm({ onCreated }: { onCreated: (n: Network) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = createNetworkBody.safeParse({ name, slug });
    if (!parsed.success) {
      const found = zodFieldErrors(parsed.error, t);
      if (found.slug && slug.trim()) found.slug = t('admin.network.slugRule');
      setErrors(found);
      return;
    }
    setErrors({});
    setError(undefined);
    setBusy(true);
    try {
      const created = await api('/networks', networkSchema, { method: 'POST', body: parsed.data });
      setName('');
      setSlug('');
      onCreated(created);
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
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-grid">
        <Textfield label={t('admin.network.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} required />
        <Textfield
          label={t('admin.network.slug')}
          description={t('admin.network.slugRule')}
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          error={errors.slug}
          required
        />
      </div>
      <div className="button-row">
        <Button type="submit" variant="secondary" loading={busy} disabled={busy}>
          {t('admin.network.create')}
        </Button>
      </div>
    </form>
  );
}
