import '../results/results.css';
import { Heading, Paragraph, Switch } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { municipalityBenchmark, sharingBody } from '../../../shared/api/results';
import { anyResponse, api, type ApiError } from '../../api/client';
import { asApiError, useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { SuccessMessage } from '../../components/StatusMessage';

/** Municipal admins choose whether the municipality's figures go into national comparisons. */
export function BenchmarkSharingSwitch({ municipalityId }: { municipalityId: string }) {
  const { t } = useTranslation();
  // The current choice comes with the comparison figures.
  const current = useApi(`/municipalities/${municipalityId}/benchmarks`, municipalityBenchmark);
  const [value, setValue] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const shares = value ?? current.data?.sharesNationally ?? false;

  const change = async (next: boolean) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setMessage(null);
    setValue(next);
    try {
      await api(`/municipalities/${municipalityId}/benchmark-sharing`, anyResponse, { method: 'PUT', body: sharingBody.parse({ shareNationalBenchmarks: next }) });
      setMessage(next ? t('benchmarks.sharing.savedOn') : t('benchmarks.sharing.savedOff'));
    } catch (err) {
      setValue(!next);
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="benchmark-sharing-heading" className="results-section sharing-section">
      <Heading level={2} data-size="sm" id="benchmark-sharing-heading">
        {t('benchmarks.sharing.title')}
      </Heading>
      <Paragraph data-size="sm">{t('benchmarks.sharing.explain')}</Paragraph>
      {current.loading ? <Loading /> : null}
      {current.error ? <ErrorAlert error={current.error} title={t('states.loadFailed')} /> : null}
      {current.data ? (
        <Switch
          label={t('benchmarks.sharing.label')}
          description={t('benchmarks.sharing.labelHelp')}
          checked={shares}
          aria-busy={busy || undefined}
          onChange={(e) => void change(e.target.checked)}
        />
      ) : null}
      <SuccessMessage>{message}</SuccessMessage>
      {error ? <ErrorAlert error={error} /> : null}
    </section>
  );
}
