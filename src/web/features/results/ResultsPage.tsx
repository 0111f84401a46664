import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { type CampaignResults, campaignResults, type ResultRow } from '../../../shared/api/results';
import { PROFESSIONS, type Profession } from '../../../shared/domain';
import { useApi } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SelectField } from '../../components/SelectField';
import { LoadErrorPage, NotFoundPage } from '../../components/States';
import { useFormat } from './format';
import { useRowLabel } from './Heatmap';
import { campaignResultsPath, exportHref, type ResultsFilter, useResultsFilter } from './resultsApi';
import { Distribution, HeatmapSection, LeaderSurvey, LearningLoop, ProfessionGaps, TopGaps } from './ResultsSections';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INDENT = '\u00a0\u00a0';

/** Filter choices, remembered from the unfiltered view so that choosing one does not remove the others. */
function useFilterChoices(data: CampaignResults | undefined) {
  const [units, setUnits] = useState<ResultRow[]>([]);
  const [professions, setProfessions] = useState<Profession[]>([]);
  useEffect(() => {
    if (!data || data.state !== 'ready') return;
    if (!data.filter.unitId && !data.filter.profession) {
      setUnits(data.units.filter((r) => r.unitId !== null));
      setProfessions(data.professions.flatMap((r) => (r.profession ? [r.profession] : [])));
    } else {
      setUnits((prev) => (prev.length > 0 ? prev : data.units.filter((r) => r.unitId !== null)));
    }
  }, [data]);
  return { units, professions: professions.length > 0 ? professions : [...PROFESSIONS] };
}

function Filters({ results, filter, onChange }: { results: CampaignResults | undefined; filter: ResultsFilter; onChange: (f: Partial<ResultsFilter>) => void }) {
  const { t } = useTranslation();
  const choices = useFilterChoices(results);
  const units = choices.units;
  const selectedUnitKnown = filter.unitId === null || units.some((u) => u.unitId === filter.unitId);
  return (
    <div className="filters results-filters" role="group" aria-label={t('results.filters.label')}>
      <SelectField label={t('results.filters.unit')} value={filter.unitId ?? ''} onChange={(e) => onChange({ unitId: e.target.value || null })}>
        <option value="">{t('results.filters.allUnits')}</option>
        {units.map((u) => (
          <option key={u.key} value={u.unitId ?? ''}>
            {INDENT.repeat(u.depth)}
            {u.name ?? t('results.otherUnits')}
          </option>
        ))}
        {!selectedUnitKnown && filter.unitId ? <option value={filter.unitId}>{t('results.filters.chosenUnit')}</option> : null}
      </SelectField>
      <SelectField
        label={t('results.filters.profession')}
        value={filter.profession ?? ''}
        onChange={(e) => onChange({ profession: (e.target.value || null) as Profession | null })}
      >
        <option value="">{t('results.filters.allProfessions')}</option>
        {choices.professions.map((p) => (
          <option key={p} value={p}>
            {t(`professions.${p}`)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

function ExportLinks({ municipalityId, campaignId, filter }: { municipalityId: string; campaignId: string; filter: ResultsFilter }) {
  const { t } = useTranslation();
  const { lang } = useFormat();
  return (
    <section aria-labelledby="results-export" className="results-section">
      <Heading level={2} data-size="sm" id="results-export">
        {t('results.export.title')}
      </Heading>
      <Paragraph data-size="sm">{t('results.export.lead')}</Paragraph>
      <div className="button-row">
        <Button asChild variant="secondary">
          <a href={exportHref(municipalityId, campaignId, 'xlsx', filter, lang)} download>
            {t('results.export.xlsx')}
          </a>
        </Button>
        <Button asChild variant="secondary">
          <a href={exportHref(municipalityId, campaignId, 'csv', filter, lang)} download>
            {t('results.export.csv')}
          </a>
        </Button>
      </div>
    </section>
  );
}

function Summary({ results }: { results: CampaignResults }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useRowLabel();
  const unit = results.filter.unitId ? results.units.find((u) => u.unitId === results.filter.unitId) : undefined;
  return (
    <dl className="summary">
      <div className="summary__item">
        <dt>{t('results.summary.respondents')}</dt>
        <dd>{results.total ? f.int(results.total.respondents) : '–'}</dd>
      </div>
      {results.respondents !== null && results.total && results.respondents !== results.total.respondents ? (
        <div className="summary__item">
          <dt>{t('results.summary.campaignRespondents')}</dt>
          <dd>{f.int(results.respondents)}</dd>
        </div>
      ) : null}
      <div className="summary__item">
        <dt>{t('results.summary.threshold')}</dt>
        <dd>{f.int(results.threshold)}</dd>
      </div>
      {unit || results.filter.profession ? (
        <div className="summary__item summary__item--text">
          <dt>{t('results.summary.showing')}</dt>
          <dd>{[unit ? label(unit) : null, results.filter.profession ? t(`professions.${results.filter.profession}`) : null].filter(Boolean).join(' · ')}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Why there is nothing to show, in plain words. */
function StateNotice({ results }: { results: CampaignResults }) {
  const { t } = useTranslation();
  if (results.state === 'ready' && results.total) return null;
  const key = results.state === 'ready' ? 'emptyView' : results.state;
  return (
    <Alert data-color={results.state === 'not_closed' ? 'info' : 'warning'}>
      <Heading level={2} data-size="xs">
        {t(`results.states.${key}.title`)}
      </Heading>
      <Paragraph>{t(`results.states.${key}.text`, { k: results.threshold })}</Paragraph>
    </Alert>
  );
}

/** Results of one closed mapping campaign: heatmap, gaps, distributions, the learning loop and exports. */
export function ResultsPage() {
  const { campaignId = '' } = useParams();
  if (!UUID.test(campaignId)) return <NotFoundPage />;
  return <ResultsLoader key={campaignId} campaignId={campaignId} />;
}

function ResultsLoader({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const municipality = useCurrentMunicipality();
  const [filter, setFilter] = useResultsFilter();
  const f = useFormat();
  const { lang } = f;
  const results = useApi(campaignResultsPath(municipality.id, campaignId), campaignResults, {
    unitId: filter.unitId,
    profession: filter.profession,
    lang,
  });
  const fallbackTitle = t('results.title');

  if (results.error && !results.data) return <LoadErrorPage error={results.error} title={fallbackTitle} />;
  if (!results.data) {
    return (
      <Page title={fallbackTitle}>
        <Loading />
      </Page>
    );
  }
  const r = results.data;
  const ready = r.state === 'ready' && r.total !== null;

  return (
    <Page
      title={t('results.campaignTitle', { name: r.name })}
      lead={
        <div className="lead-stack">
          <Paragraph>
            {[r.framework.name, t(`campaigns.modes.${r.mode}`), r.closedAt ? t('results.closedOn', { date: f.date(r.closedAt) }) : null].filter(Boolean).join(' · ')}
          </Paragraph>
          <Paragraph data-size="sm">{t('results.anonymityNote', { k: r.threshold })}</Paragraph>
          <div className="button-row">
            <Link asChild>
              <RouterLink to={`/campaigns/${campaignId}`}>{t('results.backToCampaign')}</RouterLink>
            </Link>
            <Link asChild>
              <RouterLink to={`/results/trend?frameworkId=${r.framework.id}`}>{t('results.trendLink')}</RouterLink>
            </Link>
            {r.mode === 'identified' ? (
              <Link asChild>
                <RouterLink to={`/campaigns/${campaignId}/people`}>{t('competenceProfile.respondents.link')}</RouterLink>
              </Link>
            ) : null}
          </div>
        </div>
      }
    >
      {r.state !== 'not_closed' ? <Filters results={r} filter={filter} onChange={setFilter} /> : null}
      <div role="status" aria-live="polite" className="muted live-status">
        {results.loading ? t('results.updating') : null}
      </div>
      {results.error ? <ErrorAlert error={results.error} title={t('states.loadFailed')} /> : null}
      <StateNotice results={r} />
      {ready ? (
        <>
          <Summary results={r} />
          <HeatmapSection results={r} />
          <TopGaps results={r} />
          <Distribution results={r} />
          <ProfessionGaps results={r} />
          <LearningLoop results={r} />
        </>
      ) : null}
      {r.leaderSurvey ? <LeaderSurvey survey={r.leaderSurvey} threshold={r.threshold} /> : null}
      {ready ? <ExportLinks municipalityId={municipality.id} campaignId={campaignId} filter={filter} /> : null}
    </Page>
  );
}
