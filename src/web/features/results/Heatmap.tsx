import './results.css';
import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { CampaignResults, ResultRow } from '../../../shared/api/results';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from './format';
import { gapCategory, statsByCode } from './heatmap';

type Column = { row: ResultRow; label: string };

/** Colour key of the heatmap; each colour also has a symbol, so colour is never the only cue. */
export function HeatmapLegend() {
  const { t } = useTranslation();
  return (
    <ul className="heat-legend" aria-label={t('results.heatmap.legendLabel')}>
      {(['meets', 'near', 'below', 'none'] as const).map((c) => (
        <li key={c} className="heat-legend__item">
          <span className="heat-swatch" data-gap={c} aria-hidden="true">
            {t(`results.heatmap.symbol.${c}`)}
          </span>
          <span>{t(`results.heatmap.category.${c}`)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The heatmap as a real table: competences (grouped by area) down the side,
 * groups (units or professions) across. Each cell holds the average level and
 * the required level, coloured by the gap between them.
 */
export function Heatmap({ results, columns, caption, groupHeader }: { results: CampaignResults; columns: Column[]; caption: string; groupHeader: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const stats = columns.map((c) => statsByCode(c.row));
  return (
    <TableScroll label={caption}>
      <Table data-size="sm" className="heatmap" border>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col" className="heatmap__corner">
              {t('results.heatmap.competence')}
              <span className="visually-hidden"> / {groupHeader}</span>
            </Table.HeaderCell>
            {columns.map((c) => (
              <Table.HeaderCell scope="col" key={c.row.key} className="heatmap__group">
                <span className="heatmap__group-name">{c.label}</span>
                <span className="heatmap__note">{t('results.respondentsShort', { count: c.row.respondents })}</span>
                {c.row.mergedUnitIds.length > 0 ? (
                  <span className="heatmap__note">{t('results.heatmap.merged', { count: c.row.mergedUnitIds.length })}</span>
                ) : null}
                {c.row.includesOther ? <span className="heatmap__note">{t('results.heatmap.includesOther')}</span> : null}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        {results.areas.map((area) => (
          <Table.Body key={area.code}>
            <Table.Row className="heatmap__area">
              <Table.HeaderCell scope="rowgroup" colSpan={columns.length + 1}>
                {area.name}
              </Table.HeaderCell>
            </Table.Row>
            {area.competences.map((comp) => (
              <Table.Row key={comp.code}>
                <Table.HeaderCell scope="row" className="heatmap__competence">
                  {comp.name}
                </Table.HeaderCell>
                {columns.map((c, i) => {
                  const s = stats[i]?.get(comp.code);
                  const category = gapCategory(s);
                  return (
                    <Table.Cell key={c.row.key} className="heat" data-gap={category}>
                      {s && s.average !== null ? (
                        <>
                          <span className="heat__average">{f.level(s.average)}</span>
                          <span className="heat__required">
                            <span aria-hidden="true" className="heat__symbol">
                              {t(`results.heatmap.symbol.${category}`)}
                            </span>{' '}
                            {s.required !== null
                              ? t('results.heatmap.required', { level: f.level(s.required) })
                              : s.requiredRange
                                ? t('results.heatmap.required', { level: s.requiredRange[0] === s.requiredRange[1] ? f.level(s.requiredRange[0]) : `${f.level(s.requiredRange[0])}–${f.level(s.requiredRange[1])}` })
                                : t('results.heatmap.noRequirement')}
                          </span>
                          {category !== 'none' ? <span className="visually-hidden">{t(`results.heatmap.category.${category}`)}</span> : null}
                        </>
                      ) : (
                        <>
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{t('charts.noValue')}</span>
                        </>
                      )}
                    </Table.Cell>
                  );
                })}
              </Table.Row>
            ))}
          </Table.Body>
        ))}
      </Table>
    </TableScroll>
  );
}

/** Label of a result row: the unit's name, a profession, "mixed groups", "other" or "all". */
export function useRowLabel() {
  const { t } = useTranslation();
  return (row: ResultRow): string => {
    if (row.key === 'total') return t('results.allInView');
    if (row.key === 'mixed') return t('results.mixedGroups');
    if (row.profession) return t(`professions.${row.profession}`);
    if (row.key === 'other' || row.name === null) return t('results.otherUnits');
    return row.name;
  };
}
