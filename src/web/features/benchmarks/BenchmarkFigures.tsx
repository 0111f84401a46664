import '../results/results.css';
import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { MunicipalityBenchmark } from '../../../shared/api/results';
import { COUNTRIES, SIZE_CLASSES } from '../../../shared/domain';
import { Chart, type ChartSeries } from '../../components/Chart';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from '../results/format';

type Group = MunicipalityBenchmark['groups'][number];
type Figure = Group['competences'][number];
type Own = { name: string; competences: Figure[]; surveyItems: Figure[] };

/** "The Fjord network", "Small municipalities", "Norway": what a comparison group is, in words. */
export function useGroupLabel() {
  const { t } = useTranslation();
  const countryName = (code: string | null | undefined) =>
    code && (COUNTRIES as readonly string[]).includes(code) ? t(`countries.${code as (typeof COUNTRIES)[number]}`) : null;
  return (group: Pick<Group, 'kind' | 'label' | 'country' | 'sizeClass'>): string => {
    if (group.kind === 'size_class') {
      const code = group.sizeClass ?? group.label;
      if (!(SIZE_CLASSES as readonly string[]).includes(code)) return group.label;
      const size = t(`benchmarks.sizeClass.${code as (typeof SIZE_CLASSES)[number]}`);
      const country = countryName(group.country);
      return country ? t('benchmarks.sizeClassIn', { size, country }) : size;
    }
    if (group.kind === 'country') {
      const country = countryName(group.country ?? group.label);
      return country ? t('benchmarks.country', { country }) : group.label;
    }
    return t('benchmarks.network', { name: group.label });
  };
}

function values(items: { code: string }[], figures: Figure[], pick: (f: Figure) => number | null): (number | null)[] {
  const byCode = new Map(figures.map((f) => [f.code, f]));
  return items.map((i) => {
    const f = byCode.get(i.code);
    return f ? pick(f) : null;
  });
}

/** The comparison groups: who is in them and which are hidden because they are too small. */
export function GroupList({ groups, minMunicipalities, others = true }: { groups: Group[]; minMunicipalities: number; others?: boolean }) {
  const { t } = useTranslation();
  const label = useGroupLabel();
  return (
    <TableScroll label={t('benchmarks.groups.title')}>
      <Table data-size="sm" zebra className="data-table groups-table">
        <caption className="visually-hidden">{t('benchmarks.groups.title')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('benchmarks.groups.group')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('benchmarks.groups.kind')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">{t('benchmarks.groups.municipalities')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('benchmarks.groups.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {groups.map((g) => (
            <Table.Row key={`${g.kind}:${g.label}`}>
              <Table.HeaderCell scope="row">{label(g)}</Table.HeaderCell>
              <Table.Cell>{t(`benchmarks.kinds.${g.kind}`)}</Table.Cell>
              <Table.Cell className="numeric">{g.municipalities ?? t('benchmarks.groups.fewer', { min: minMunicipalities })}</Table.Cell>
              <Table.Cell>
                {g.suppressed ? (
                  <span className="groups-table__status">
                    <Tag data-color="warning">{t('benchmarks.groups.hidden')}</Tag>
                    <span>{t(others ? 'benchmarks.groups.suppressed' : 'benchmarks.groups.suppressedAll', { min: minMunicipalities })}</span>
                  </span>
                ) : (
                  <span className="groups-table__status">
                    <Tag data-color="success">{t('benchmarks.groups.shown')}</Tag>
                    {g.surveySuppressed ? (
                      <span>{t(others ? 'benchmarks.groups.surveySuppressed' : 'benchmarks.groups.surveySuppressedAll', { min: minMunicipalities })}</span>
                    ) : null}
                  </span>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

/**
 * Per competence and per leader-survey item: one's own figures (if any) beside
 * every comparison group that is large enough to be shown.
 */
export function BenchmarkFigures({
  competences,
  surveyItems,
  groups,
  own,
  idPrefix,
}: {
  competences: { code: string; name: string }[];
  surveyItems: { code: string; text: string }[];
  groups: Group[];
  own: Own | null;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useGroupLabel();
  const shown = groups.filter((g) => !g.suppressed);
  const shownSurvey = groups.filter((g) => !(g.surveySuppressed ?? g.suppressed));
  const competenceSeries: ChartSeries[] = [
    ...(own ? [{ name: own.name, values: values(competences, own.competences, (x) => x.average) }] : []),
    ...shown.map((g) => ({ name: label(g), values: values(competences, g.competences, (x) => x.average) })),
  ];
  // Survey items with a share (agree or yes) and those with an average agreement; multiple-choice items have neither.
  const surveyFigures = (pick: (f: Figure) => number | null) => {
    const series: ChartSeries[] = [
      ...(own ? [{ name: own.name, values: values(surveyItems, own.surveyItems, pick) }] : []),
      ...shownSurvey.map((g) => ({ name: label(g), values: values(surveyItems, g.surveyItems, pick) })),
    ];
    const keep = surveyItems.map((_, i) => series.some((s) => s.values[i] !== null && s.values[i] !== undefined));
    return {
      categories: surveyItems.filter((_, i) => keep[i]).map((item) => item.text),
      series: series.map((s) => ({ ...s, values: s.values.filter((_, i) => keep[i]) })),
    };
  };
  const shares = surveyFigures((x) => x.share);
  const averages = surveyFigures((x) => x.average);

  if (competenceSeries.length === 0) {
    return <Paragraph className="empty-state">{t('benchmarks.noFigures')}</Paragraph>;
  }

  return (
    <>
      {competences.length > 0 ? (
        <section aria-labelledby={`${idPrefix}-competences`} className="results-section">
          <Heading level={2} data-size="sm" id={`${idPrefix}-competences`}>
            {t('benchmarks.competences.title')}
          </Heading>
          <Chart
            title={t('benchmarks.competences.chartTitle')}
            description={own ? t('benchmarks.competences.chartLead') : t('benchmarks.competences.chartLeadGroups')}
            categoryHeader={t('results.heatmap.competence')}
            spec={{ kind: 'bar', horizontal: true, categories: competences.map((c) => c.name), series: competenceSeries, min: 0, format: f.level }}
          />
        </section>
      ) : null}
      {shares.categories.length > 0 || averages.categories.length > 0 ? (
        <section aria-labelledby={`${idPrefix}-survey`} className="results-section">
          <Heading level={2} data-size="sm" id={`${idPrefix}-survey`}>
            {t('benchmarks.survey.title')}
          </Heading>
          {shares.categories.length > 0 ? (
            <Chart
              title={t('benchmarks.survey.chartTitle')}
              description={t('benchmarks.survey.chartLead')}
              categoryHeader={t('benchmarks.survey.item')}
              spec={{ kind: 'bar', horizontal: true, ...shares, min: 0, max: 1, format: f.pct }}
            />
          ) : null}
          {averages.categories.length > 0 ? (
            <Chart
              title={t('benchmarks.survey.averageTitle')}
              description={t('benchmarks.survey.averageLead')}
              categoryHeader={t('benchmarks.survey.item')}
              spec={{ kind: 'bar', horizontal: true, ...averages, min: 1, max: 5, format: f.level }}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
