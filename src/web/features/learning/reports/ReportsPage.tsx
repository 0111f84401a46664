import './reports.css';
import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { completionReport, trendReport, type CompletionReport, type TrendReport } from '../../../../shared/api/learning-reports';
import { useApi } from '../../../api/useApi';
import { useMe } from '../../../app/auth';
import { useCurrentMunicipality } from '../../../app/guards';
import { Chart } from '../../../components/Chart';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { SelectField } from '../../../components/SelectField';
import { EmptyState } from '../../../components/States';
import { useFormat } from '../../results/format';
import { indentLabel } from '../../units/tree';
import { useUnits } from '../../units/useUnits';
import { PeopleSection } from './PeopleSection';
import { completionPath, exportHref, pickableUnits, trendPath } from './reportsApi';
import { ItemsTable, UnitsTable } from './ReportTables';

function KpiTiles({ totals }: { totals: CompletionReport['totals'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const tiles: { key: 'people' | 'assigned' | 'completed' | 'overdue'; value: string; note?: string; alert?: boolean }[] = [
    { key: 'people', value: f.int(totals.people) },
    { key: 'assigned', value: f.int(totals.assigned) },
    { key: 'completed', value: totals.completionRate === null ? '–' : f.pct(totals.completionRate), note: t('learningReports.kpi.completedOf', { completed: f.int(totals.completed), assigned: f.int(totals.assigned) }) },
    { key: 'overdue', value: f.int(totals.overdue), alert: totals.overdue > 0 },
  ];
  return (
    <ul className="learning-reports__kpis" aria-label={t('learningReports.kpi.label')}>
      {tiles.map((tile) => (
        <li key={tile.key}>
          <Card data-color={tile.alert ? 'danger' : 'neutral'} className="learning-reports__kpi">
            <span className="learning-reports__kpi-label">{t(`learningReports.kpi.${tile.key}`)}</span>
            <span className="learning-reports__kpi-value">{tile.value}</span>
            {tile.note ? <span className="learning-reports__kpi-note">{tile.note}</span> : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}

function TrendChart({ trend }: { trend: TrendReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const monthName = useMemo(() => new Intl.DateTimeFormat(f.lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }), [f.lang]);
  const label = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));
  return (
    <Chart
      title={t('learningReports.trend.title')}
      description={t('learningReports.trend.lead')}
      categoryHeader={t('learningReports.trend.month')}
      spec={{
        kind: 'bar',
        categories: trend.months.map((m) => label(m.month)),
        series: [
          { name: t('learningReports.trend.completions'), values: trend.months.map((m) => m.completions) },
          { name: t('learningReports.trend.learners'), values: trend.months.map((m) => m.learners) },
        ],
        min: 0,
        integer: true,
        format: f.int,
      }}
    />
  );
}

/** Completion, overdue and the monthly trend for a leader's people, per item, unit and person. */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const municipality = useCurrentMunicipality();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId');
  const setUnit = (id: string | null) => setParams(id ? { unitId: id } : {});
  const units = useUnits(municipality.id);
  const options = useMemo(() => pickableUnits(me, municipality, units.tree), [me, municipality, units.tree]);
  const completion = useApi(completionPath(municipality.id), completionReport, { unitId, lang: f.lang });
  const trend = useApi(trendPath(municipality.id), trendReport, { unitId, months: 12 });
  const report = completion.data;

  return (
    <Page
      title={t('learningReports.title')}
      lead={<Paragraph>{t('learningReports.lead')}</Paragraph>}
      actions={
        <Button asChild variant="secondary">
          <a href={exportHref(municipality.id, unitId, f.lang)} download>
            {t('learningReports.export')}
          </a>
        </Button>
      }
    >
      <div className="filters" role="group" aria-label={t('learningReports.filters')}>
        <SelectField label={t('learningReports.unit')} value={unitId ?? ''} onChange={(e) => setUnit(e.target.value || null)}>
          <option value="">{t('learningReports.allUnits')}</option>
          {options.map((n) => (
            <option key={n.unit.id} value={n.unit.id}>
              {indentLabel(n)}
            </option>
          ))}
        </SelectField>
      </div>
      <div role="status" aria-live="polite" className="muted live-status">
        {completion.loading && completion.data ? t('learningReports.updating') : null}
      </div>
      {completion.error ? <ErrorAlert error={completion.error} title={t('states.loadFailed')} /> : null}
      {completion.loading && !report ? <Loading /> : null}
      {report ? <KpiTiles totals={report.totals} /> : null}

      <section aria-labelledby="learning-reports-trend" className="learning-reports__section">
        <Heading level={2} data-size="sm" id="learning-reports-trend">
          {t('learningReports.trend.heading')}
        </Heading>
        {trend.error ? <ErrorAlert error={trend.error} title={t('states.loadFailed')} /> : null}
        {trend.data ? <TrendChart trend={trend.data} /> : trend.loading ? <Loading /> : null}
      </section>

      {report ? (
        <>
          <section aria-labelledby="learning-reports-items" className="learning-reports__section">
            <Heading level={2} data-size="sm" id="learning-reports-items">
              {t('learningReports.items.title')}
            </Heading>
            {report.items.length === 0 ? <EmptyState>{t('learningReports.items.empty')}</EmptyState> : <ItemsTable items={report.items} />}
          </section>
          <section aria-labelledby="learning-reports-units" className="learning-reports__section">
            <Heading level={2} data-size="sm" id="learning-reports-units">
              {report.unit ? t('learningReports.units.titleIn', { unit: report.unit.name }) : t('learningReports.units.title')}
            </Heading>
            {report.units.length === 0 ? <EmptyState>{t('learningReports.units.empty')}</EmptyState> : <UnitsTable units={report.units} onOpen={setUnit} />}
          </section>
        </>
      ) : null}

      <PeopleSection municipalityId={municipality.id} unitId={unitId} />
    </Page>
  );
}
