import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LEADER_SURVEY_THEMES } from '../../../shared/api/mapping';
import type { CampaignResults, LeaderSurveyResult } from '../../../shared/api/results';
import { Chart, ChartValue } from '../../components/Chart';
import { EmptyState } from '../../components/States';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from './format';
import { Heatmap, HeatmapLegend, useRowLabel } from './Heatmap';
import { shareBelow, statsByCode } from './heatmap';

/** Competence code → name, in framework order. */
export function competenceNames(results: Pick<CampaignResults, 'areas'>): Map<string, string> {
  return new Map(results.areas.flatMap((a) => a.competences.map((c) => [c.code, c.name] as const)));
}

function Section({ id, title, lead, children }: { id: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="results-section">
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {lead ? <Paragraph data-size="sm">{lead}</Paragraph> : null}
      {children}
    </section>
  );
}

export function HeatmapSection({ results }: { results: CampaignResults }) {
  const { t } = useTranslation();
  const label = useRowLabel();
  const columns = [...(results.total ? [results.total] : []), ...results.units].map((row) => ({ row, label: label(row) }));
  return (
    <Section id="results-heatmap" title={t('results.heatmap.title')} lead={t('results.heatmap.lead')}>
      <HeatmapLegend />
      <Heatmap results={results} columns={columns} caption={t('results.heatmap.title')} groupHeader={t('results.heatmap.unit')} />
    </Section>
  );
}

export function TopGaps({ results }: { results: CampaignResults }) {
  const { t } = useTranslation();
  const f = useFormat();
  const names = competenceNames(results);
  return (
    <Section id="results-top-gaps" title={t('results.topGaps.title')} lead={t('results.topGaps.lead')}>
      {results.topGaps.length === 0 ? (
        <EmptyState>{t('results.topGaps.none')}</EmptyState>
      ) : (
        <TableScroll label={t('results.topGaps.title')}>
          <Table data-size="sm" zebra className="data-table">
            <caption className="visually-hidden">{t('results.topGaps.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('results.heatmap.competence')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">{t('results.topGaps.shareBelow')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">{t('results.average')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">{t('results.requiredLevel')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">{t('results.gap')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {results.topGaps.map((g) => (
                <Table.Row key={g.competenceCode}>
                  <Table.HeaderCell scope="row">{names.get(g.competenceCode) ?? g.competenceCode}</Table.HeaderCell>
                  <Table.Cell className="numeric">{f.pct(g.shareBelow)}</Table.Cell>
                  <Table.Cell className="numeric"><ChartValue value={g.average} format={f.level} /></Table.Cell>
                  <Table.Cell className="numeric"><ChartValue value={g.required} format={f.level} /></Table.Cell>
                  <Table.Cell className="numeric"><ChartValue value={g.gap} format={f.gap} /></Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </Section>
  );
}

export function Distribution({ results }: { results: CampaignResults }) {
  const { t } = useTranslation();
  const f = useFormat();
  const total = results.total;
  if (!total) return null;
  const stats = statsByCode(total);
  const competences = results.areas.flatMap((a) => a.competences);
  const series = [
    ...results.levels.map((l, i) => ({
      name: t('results.distribution.level', { level: l.level, name: l.name }),
      values: competences.map((c) => stats.get(c.code)?.distribution[i] ?? null),
    })),
    { name: t('results.dontKnow'), values: competences.map((c) => stats.get(c.code)?.dontKnow ?? null), neutral: true },
  ];
  const wants = competences.map((c) => stats.get(c.code)?.wantsTraining ?? null);
  return (
    <Section id="results-distribution" title={t('results.distribution.title')} lead={t('results.distribution.lead', { count: total.respondents })}>
      <Chart
        title={t('results.distribution.chartTitle')}
        categoryHeader={t('results.heatmap.competence')}
        spec={{ kind: 'bar', horizontal: true, stacked: true, scale: 'sequential', categories: competences.map((c) => c.name), series, integer: true, format: f.int }}
        table={
          <TableScroll label={t('results.distribution.chartTitle')}>
            <Table data-size="sm" zebra className="chart-table">
              <caption className="visually-hidden">{t('results.distribution.chartTitle')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('results.heatmap.competence')}</Table.HeaderCell>
                  {series.map((s) => (
                    <Table.HeaderCell scope="col" key={s.name} className="numeric">{s.name}</Table.HeaderCell>
                  ))}
                  <Table.HeaderCell scope="col" className="numeric">{t('results.wantsTraining')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {competences.map((c, i) => (
                  <Table.Row key={c.code}>
                    <Table.HeaderCell scope="row">{c.name}</Table.HeaderCell>
                    {series.map((s) => (
                      <Table.Cell key={s.name} className="numeric"><ChartValue value={s.values[i]} format={f.int} /></Table.Cell>
                    ))}
                    <Table.Cell className="numeric"><ChartValue value={wants[i]} format={f.int} /></Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        }
      />
    </Section>
  );
}

export function ProfessionGaps({ results }: { results: CampaignResults }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useRowLabel();
  if (results.professions.length === 0) {
    return (
      <Section id="results-professions" title={t('results.professions.title')}>
        <EmptyState>{t('results.professions.none', { k: results.threshold })}</EmptyState>
      </Section>
    );
  }
  const columns = results.professions.map((row) => ({ row, label: label(row) }));
  const shares = results.professions.map((r) => shareBelow(r));
  return (
    <Section id="results-professions" title={t('results.professions.title')} lead={t('results.professions.lead', { k: results.threshold })}>
      {shares.every((v) => v === null) ? <Paragraph data-size="sm">{t('results.professions.noRequirements')}</Paragraph> : null}
      {shares.some((v) => v !== null) ? <Chart
        title={t('results.professions.chartTitle')}
        categoryHeader={t('results.professions.group')}
        spec={{
          kind: 'bar',
          horizontal: true,
          categories: columns.map((c) => c.label),
          series: [{ name: t('results.topGaps.shareBelow'), values: shares }],
          min: 0,
          max: 1,
          format: f.pct,
        }}
      /> : null}
      <Heatmap results={results} columns={columns} caption={t('results.professions.tableTitle')} groupHeader={t('results.professions.group')} />
    </Section>
  );
}

export function LearningLoop({ results }: { results: CampaignResults }) {
  const { t } = useTranslation();
  const names = competenceNames(results);
  return (
    <Section id="results-learning" title={t('results.learning.title')} lead={t('results.learning.lead')}>
      {results.learning.length === 0 ? (
        <EmptyState>{t('results.learning.nothing')}</EmptyState>
      ) : (
        <ul className="learning-list">
          {results.learning.map((l) => (
            <li key={l.competenceCode} className="learning-list__item">
              <span className="learning-list__competence">{names.get(l.competenceCode) ?? l.competenceCode}</span>
              {l.items.length === 0 ? (
                <span className="muted">{t('results.learning.noneMapped')}</span>
              ) : (
                <ul className="learning-list__offers">
                  {l.items.map((item) => (
                    <li key={item.id}>
                      {item.title}
                      {item.level !== null ? <span className="muted"> · {t('results.learning.level', { level: item.level })}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function LeaderSurvey({ survey, threshold }: { survey: LeaderSurveyResult; threshold: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const themes = [...new Set(survey.items.map((i) => i.theme))];
  return (
    <Section
      id="results-leader-survey"
      title={t('results.leaderSurvey.title')}
      lead={survey.respondents === null ? t('results.leaderSurvey.tooFew', { k: threshold }) : t('results.leaderSurvey.lead', { count: survey.respondents })}
    >
      {survey.respondents === null
        ? null
        : themes.map((theme) => (
            <div key={theme} className="results-subsection">
              <Heading level={3} data-size="xs">
                {(LEADER_SURVEY_THEMES as readonly string[]).includes(theme) ? t(`leaderSurvey.themes.${theme as (typeof LEADER_SURVEY_THEMES)[number]}`) : theme}
              </Heading>
              {survey.items
                .filter((item) => item.theme === theme)
                .map((item) => (
                  <Chart
                    key={item.code}
                    title={item.text}
                    description={
                      [
                        item.answered !== null ? t('results.leaderSurvey.answered', { count: item.answered }) : null,
                        item.scale === 'agree5' && item.average !== null ? t('results.leaderSurvey.average', { value: f.level(item.average) }) : null,
                        item.scale === 'multi_select' ? t('results.leaderSurvey.multi') : null,
                      ]
                        .filter(Boolean)
                        .join(' · ') || undefined
                    }
                    categoryHeader={t('results.leaderSurvey.option')}
                    spec={{
                      kind: 'bar',
                      horizontal: true,
                      categories: item.options.map((o) => o.text),
                      series: [{ name: t('results.leaderSurvey.count'), values: item.options.map((o) => o.count) }],
                      min: 0,
                      integer: true,
                      format: f.int,
                    }}
                  />
                ))}
            </div>
          ))}
    </Section>
  );
}
