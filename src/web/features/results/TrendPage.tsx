import { Checkbox, Details, Fieldset, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { type CampaignTrend, campaignTrend } from '../../../shared/api/results';
import { PROFESSIONS } from '../../../shared/domain';
import { useApi } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { Chart, ChartValue } from '../../components/Chart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SelectField } from '../../components/SelectField';
import { EmptyState } from '../../components/States';
import { TableScroll } from '../../components/TableScroll';
import { useLocalize } from '../../i18n/localize';
import { flattenTree, indentLabel } from '../units/tree';
import { useUnits } from '../units/useUnits';
import { useFormat } from './format';
import { useClosedCampaigns, useFrameworkParam } from './frameworkChoices';
import { useResultsFilter } from './resultsApi';

/** Lines drawn at first; more make the chart unreadable (the table has them all). */
const DEFAULT_LINES = 5;

type Point = CampaignTrend['points'][number];

function averageOf(point: Point, code: string): number | null {
  return point.competences.find((c) => c.code === code)?.average ?? null;
}

/** Change from the first to the last campaign with a figure. */
export function changeOf(points: Point[], code: string): number | null {
  const values = points.map((p) => averageOf(p, code)).filter((v): v is number => v !== null);
  const first = values[0];
  const last = values[values.length - 1];
  return values.length >= 2 && first !== undefined && last !== undefined ? last - first : null;
}

/** The competences that changed most, for the first view of the chart. */
export function defaultSelection(trend: CampaignTrend): string[] {
  const ranked = trend.competences
    .map((c, i) => ({ code: c.code, i, change: changeOf(trend.points, c.code) }))
    .sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0) || a.i - b.i);
  return ranked.slice(0, DEFAULT_LINES).map((c) => c.code);
}

function TrendFigures({ trend }: { trend: CampaignTrend }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [chosen, setChosen] = useState<string[] | null>(null);
  const selected = chosen ?? defaultSelection(trend);
  const points = trend.points;
  const pointLabel = (p: Point) => `${p.name} (${f.date(p.closedAt)})`;
  const shown = trend.competences.filter((c) => selected.includes(c.code));
  const title = t('results.trend.chartTitle', { framework: trend.framework?.name ?? '' });

  const table = (
    <TableScroll label={t('results.trend.tableTitle')}>
      <Table data-size="sm" zebra className="chart-table">
        <caption className="visually-hidden">{t('results.trend.tableTitle')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('results.heatmap.competence')}</Table.HeaderCell>
            {points.map((p) => (
              <Table.HeaderCell scope="col" key={p.campaignId} className="numeric">
                <span className="heatmap__group-name">{p.name}</span>
                <span className="heatmap__note">{f.date(p.closedAt)}</span>
                <span className="heatmap__note">
                  {p.respondents === null ? t('results.trend.tooFew', { k: trend.threshold }) : t('results.respondentsShort', { count: p.respondents })}
                </span>
              </Table.HeaderCell>
            ))}
            <Table.HeaderCell scope="col" className="numeric">
              {t('results.trend.change')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {trend.competences.map((c) => (
            <Table.Row key={c.code}>
              <Table.HeaderCell scope="row">{c.name}</Table.HeaderCell>
              {points.map((p) => {
                const figure = p.competences.find((x) => x.code === c.code);
                return (
                  <Table.Cell key={p.campaignId} className="numeric">
                    <ChartValue value={figure?.average} format={f.level} />
                    {figure?.shareBelow !== null && figure?.shareBelow !== undefined ? (
                      <span className="heatmap__note">{t('results.trend.shareBelow', { share: f.pct(figure.shareBelow) })}</span>
                    ) : null}
                  </Table.Cell>
                );
              })}
              <Table.Cell className="numeric">
                <ChartValue value={changeOf(points, c.code)} format={f.gap} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );

  return (
    <>
      <Details>
        <Details.Summary>{t('results.trend.choose', { shown: shown.length, total: trend.competences.length })}</Details.Summary>
        <Details.Content>
          <Fieldset>
            <Fieldset.Legend>{t('results.trend.chooseLegend')}</Fieldset.Legend>
            <div className="checkbox-columns">
              {trend.competences.map((c) => (
                <Checkbox
                  key={c.code}
                  label={c.name}
                  value={c.code}
                  checked={selected.includes(c.code)}
                  onChange={(e) => setChosen(e.target.checked ? [...selected, c.code] : selected.filter((x) => x !== c.code))}
                />
              ))}
            </div>
          </Fieldset>
        </Details.Content>
      </Details>
      <Chart
        title={title}
        description={t('results.trend.chartLead')}
        categoryHeader={t('results.heatmap.competence')}
        spec={{
          kind: 'line',
          categories: points.map(pointLabel),
          series: shown.map((c) => ({ name: c.name, values: points.map((p) => averageOf(p, c.code)) })),
          min: 0,
          format: f.level,
        }}
        table={table}
        tableOpen
      />
    </>
  );
}

/** Average level per competence across the municipality's closed campaigns on one framework. */
export function TrendPage() {
  const { t } = useTranslation();
  const { text } = useLocalize();
  const municipality = useCurrentMunicipality();
  const f = useFormat();
  const [filter, setFilter] = useResultsFilter();
  const [frameworkId, setFramework] = useFrameworkParam();
  const { campaigns, closed, frameworkChoices } = useClosedCampaigns(municipality.id);
  const units = useUnits(municipality.id);
  const unitOptions = useMemo(() => flattenTree(units.tree), [units.tree]);
  const trend = useApi(`/municipalities/${municipality.id}/results/trend`, campaignTrend, {
    frameworkId,
    unitId: filter.unitId,
    profession: filter.profession,
    lang: f.lang,
  });

  const chosenFramework = frameworkId ?? trend.data?.framework?.id ?? '';

  return (
    <Page title={t('results.trend.title')} lead={<Paragraph>{t('results.trend.lead')}</Paragraph>}>
      <section aria-labelledby="closed-campaigns" className="results-section">
        <Heading level={2} data-size="sm" id="closed-campaigns">
          {t('results.trend.campaignsTitle')}
        </Heading>
        {campaigns.error ? <ErrorAlert error={campaigns.error} title={t('states.loadFailed')} /> : null}
        {campaigns.loading && !campaigns.data ? <Loading /> : null}
        {campaigns.data && closed.length === 0 ? <EmptyState>{t('results.trend.noClosed')}</EmptyState> : null}
        {closed.length > 0 ? (
          <ul className="link-list">
            {closed.map((c) => (
              <li key={c.id}>
                <Link asChild>
                  <RouterLink to={`/campaigns/${c.id}/results`}>{t('results.trend.resultsOf', { name: c.name })}</RouterLink>
                </Link>{' '}
                <span className="muted">{f.date(c.closedAt ?? c.closesAt)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="trend-heading" className="results-section">
        <Heading level={2} data-size="sm" id="trend-heading">
          {t('results.trend.figuresTitle')}
        </Heading>
        <div className="filters results-filters" role="group" aria-label={t('results.filters.label')}>
          <SelectField label={t('results.trend.framework')} value={chosenFramework} onChange={(e) => setFramework(e.target.value)}>
            {chosenFramework === '' ? <option value="">{t('common.choose')}</option> : null}
            {frameworkChoices.map((fw) => (
              <option key={fw.id} value={fw.id}>
                {text(fw.name) || fw.key}
              </option>
            ))}
            {chosenFramework && !frameworkChoices.some((fw) => fw.id === chosenFramework) ? (
              <option value={chosenFramework}>{trend.data?.framework?.name ?? chosenFramework}</option>
            ) : null}
          </SelectField>
          <SelectField label={t('results.filters.unit')} value={filter.unitId ?? ''} onChange={(e) => setFilter({ unitId: e.target.value || null })}>
            <option value="">{t('results.filters.allUnits')}</option>
            {unitOptions.map((n) => (
              <option key={n.unit.id} value={n.unit.id}>
                {indentLabel(n)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('results.filters.profession')}
            value={filter.profession ?? ''}
            onChange={(e) => setFilter({ profession: (e.target.value || null) as (typeof PROFESSIONS)[number] | null })}
          >
            <option value="">{t('results.filters.allProfessions')}</option>
            {PROFESSIONS.map((p) => (
              <option key={p} value={p}>
                {t(`professions.${p}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div role="status" aria-live="polite" className="muted live-status">
          {trend.loading && trend.data ? t('results.updating') : null}
        </div>
        {trend.error ? <ErrorAlert error={trend.error} title={t('states.loadFailed')} /> : null}
        {trend.loading && !trend.data ? <Loading /> : null}
        {trend.data && (trend.data.points.length === 0 || trend.data.competences.length === 0) ? (
          <EmptyState>{t('results.trend.empty')}</EmptyState>
        ) : null}
        {trend.data && trend.data.points.length > 0 && trend.data.competences.length > 0 ? (
          <>
            {trend.data.points.length === 1 ? <Paragraph data-size="sm">{t('results.trend.onlyOne')}</Paragraph> : null}
            <TrendFigures key={`${trend.data.framework?.id ?? ''}`} trend={trend.data} />
          </>
        ) : null}
      </section>
    </Page>
  );
}
