import { Alert, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { municipalityBenchmark } from '../../../shared/api/results';
import { useApi } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { useMunicipality } from '../../app/municipality';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SelectField } from '../../components/SelectField';
import { useLocalize } from '../../i18n/localize';
import { useFormat } from '../results/format';
import { useClosedCampaigns, useFrameworkParam } from '../results/frameworkChoices';
import { BenchmarkFigures, GroupList } from './BenchmarkFigures';

/** The municipality's own figures beside its network, its size class and its country. */
export function BenchmarksPage() {
  const { t } = useTranslation();
  const { text } = useLocalize();
  const f = useFormat();
  const municipality = useCurrentMunicipality();
  const { can } = useMunicipality();
  const [frameworkId, setFramework] = useFrameworkParam();
  const { frameworkChoices } = useClosedCampaigns(municipality.id);
  const bench = useApi(`/municipalities/${municipality.id}/benchmarks`, municipalityBenchmark, { frameworkId, lang: f.lang });
  const b = bench.data;
  const chosen = frameworkId ?? b?.framework?.id ?? '';

  return (
    <Page title={t('benchmarks.title')} lead={<Paragraph>{t('benchmarks.lead', { municipality: municipality.name })}</Paragraph>}>
      <div className="filters results-filters" role="group" aria-label={t('results.filters.label')}>
        <SelectField label={t('results.trend.framework')} value={chosen} onChange={(e) => setFramework(e.target.value)}>
          {chosen === '' ? <option value="">{t('common.choose')}</option> : null}
          {frameworkChoices.map((fw) => (
            <option key={fw.id} value={fw.id}>
              {text(fw.name) || fw.key}
            </option>
          ))}
          {chosen && !frameworkChoices.some((fw) => fw.id === chosen) ? <option value={chosen}>{b?.framework?.name ?? chosen}</option> : null}
        </SelectField>
      </div>
      <div role="status" aria-live="polite" className="muted live-status">
        {bench.loading && b ? t('results.updating') : null}
      </div>
      {bench.error ? <ErrorAlert error={bench.error} title={t('states.loadFailed')} /> : null}
      {bench.loading && !b ? <Loading /> : null}
      {b ? (
        <>
          <section aria-labelledby="benchmark-about" className="results-section">
            <Heading level={2} data-size="sm" id="benchmark-about">
              {t('benchmarks.about.title')}
            </Heading>
            {b.own ? (
              <Paragraph>{t('benchmarks.about.own', { name: b.own.name, date: f.date(b.own.closedAt) })}</Paragraph>
            ) : (
              <Alert data-color="info">
                <Paragraph>{t('benchmarks.about.noOwn')}</Paragraph>
              </Alert>
            )}
            <Paragraph data-size="sm">{t('benchmarks.about.rule', { min: b.minMunicipalities })}</Paragraph>
            <div className="sharing-status">
              <Tag data-color={b.sharesNationally ? 'success' : 'neutral'}>
                {b.sharesNationally ? t('benchmarks.sharing.on') : t('benchmarks.sharing.off')}
              </Tag>
              <span>{b.sharesNationally ? t('benchmarks.sharing.onText') : t('benchmarks.sharing.offText')}</span>
              {can.manageBenchmarkSharing ? (
                <Link asChild>
                  <RouterLink to="/admin/municipality">{t('benchmarks.sharing.change')}</RouterLink>
                </Link>
              ) : null}
            </div>
            {b.groups.length > 0 ? <GroupList groups={b.groups} minMunicipalities={b.minMunicipalities} /> : null}
          </section>
          <BenchmarkFigures
            idPrefix="benchmark"
            competences={b.competences}
            surveyItems={b.surveyItems}
            groups={b.groups}
            own={b.own ? { name: t('benchmarks.ownSeries', { name: municipality.name }), competences: b.own.competences, surveyItems: b.own.surveyItems } : null}
          />
        </>
      ) : null}
    </Page>
  );
}
