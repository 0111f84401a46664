import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { analystBenchmark } from '../../../shared/api/results';
import { COUNTRIES, type Country, SIZE_CLASSES, type SizeClass } from '../../../shared/domain';
import { useApi } from '../../api/useApi';
import { useMe } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SelectField } from '../../components/SelectField';
import { EmptyState } from '../../components/States';
import { useLocalize } from '../../i18n/localize';
import { BenchmarkFigures, GroupList } from '../benchmarks/BenchmarkFigures';
import { useFormat } from '../results/format';
import { useFrameworkParam, useFrameworks } from '../results/frameworkChoices';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * Aggregates across municipalities for analysts, network coordinators and
 * platform admins: groups of at least the minimum number of municipalities,
 * never one municipality's figures or the names of those who contributed.
 */
export function AnalysisPage() {
  const { t } = useTranslation();
  const { text } = useLocalize();
  const f = useFormat();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [frameworkId, setFramework] = useFrameworkParam();
  const country = oneOf<Country>(COUNTRIES, params.get('country'));
  const sizeClass = oneOf<SizeClass>(SIZE_CLASSES, params.get('sizeClass'));
  const networkParam = params.get('networkId');
  const networkId = networkParam && UUID.test(networkParam) ? networkParam : null;
  const frameworks = useFrameworks();
  const data = useApi('/benchmarks', analystBenchmark, { frameworkId, country, sizeClass, networkId, lang: f.lang });
  const b = data.data;
  const chosenFramework = frameworkId ?? b?.framework?.id ?? '';

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Page title={t('analysis.title')} lead={<Paragraph>{t('analysis.lead')}</Paragraph>}>
      <div className="filters results-filters" role="group" aria-label={t('results.filters.label')}>
        <SelectField label={t('results.trend.framework')} value={chosenFramework} onChange={(e) => setFramework(e.target.value)}>
          {chosenFramework === '' ? <option value="">{t('common.choose')}</option> : null}
          {(frameworks.data ?? []).map((fw) => (
            <option key={fw.id} value={fw.id}>
              {text(fw.name) || fw.key}
            </option>
          ))}
          {chosenFramework && !(frameworks.data ?? []).some((fw) => fw.id === chosenFramework) ? (
            <option value={chosenFramework}>{b?.framework?.name ?? chosenFramework}</option>
          ) : null}
        </SelectField>
        <SelectField label={t('analysis.filters.country')} value={country ?? ''} onChange={(e) => setParam('country', e.target.value)}>
          <option value="">{t('analysis.filters.allCountries')}</option>
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {t(`countries.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('analysis.filters.sizeClass')} value={sizeClass ?? ''} onChange={(e) => setParam('sizeClass', e.target.value)}>
          <option value="">{t('analysis.filters.allSizes')}</option>
          {SIZE_CLASSES.map((s) => (
            <option key={s} value={s}>
              {t(`sizeClasses.${s}`)}
            </option>
          ))}
        </SelectField>
        {me.networks.length > 0 ? (
          <SelectField label={t('analysis.filters.network')} value={networkId ?? ''} onChange={(e) => setParam('networkId', e.target.value)}>
            <option value="">{t('analysis.filters.allNetworks')}</option>
            {me.networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <div role="status" aria-live="polite" className="muted live-status">
        {data.loading && b ? t('results.updating') : null}
      </div>
      {data.error ? <ErrorAlert error={data.error} title={t('states.loadFailed')} /> : null}
      {data.loading && !b ? <Loading /> : null}
      {b ? (
        <>
          <section aria-labelledby="analysis-groups" className="results-section">
            <Heading level={2} data-size="sm" id="analysis-groups">
              {t('benchmarks.groups.title')}
            </Heading>
            <Paragraph data-size="sm">{t('analysis.rule', { min: b.minMunicipalities })}</Paragraph>
            {b.groups.length === 0 ? (
              <EmptyState>{t('analysis.empty')}</EmptyState>
            ) : (
              <GroupList groups={b.groups} minMunicipalities={b.minMunicipalities} others={false} />
            )}
          </section>
          {b.groups.length > 0 ? (
            <BenchmarkFigures idPrefix="analysis" competences={b.competences} surveyItems={b.surveyItems} groups={b.groups} own={null} />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
