import './Chart.css';
import { Details, Table } from '@digdir/designsystemet-react';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartPalette } from './chartColors';
import { chartHeight, chartOption, type ChartSpec } from './chartOption';
import type { EChartsType } from './echarts';
import { TableScroll } from './TableScroll';

export type { ChartSeries, ChartSpec } from './chartOption';

type ChartProps = {
  /** The figure caption: says what the chart shows. */
  title: string;
  /** More about the figure (threshold, what a value means), under the caption. */
  description?: ReactNode;
  spec: ChartSpec;
  /** Header of the table's first column (what the categories are). */
  categoryHeader: string;
  /** Replaces the generated table (it must hold the same numbers). */
  table?: ReactNode;
  /** Show the table open from the start. */
  tableOpen?: boolean;
};

function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => typeof window !== 'undefined' && window.matchMedia?.(query).matches === true);
  useEffect(() => {
    const mql = window.matchMedia?.(query);
    if (!mql) return;
    const onChange = () => setReduced(mql.matches);
    mql.addEventListener('change', onChange);
    return () => mql.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

/** A value for a table cell; "no figure" is said in words to screen readers. */
export function ChartValue({ value, format }: { value: number | null | undefined; format: (v: number) => string }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || Number.isNaN(value)) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('charts.noValue')}</span>
      </>
    );
  }
  return <>{format(value)}</>;
}

/** The chart's numbers as a table: one row per category, one column per series. */
export function ChartTable({ caption, spec, categoryHeader }: { caption: string; spec: ChartSpec; categoryHeader: string }) {
  return (
    <TableScroll label={caption}>
      <Table data-size="sm" zebra className="chart-table">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{categoryHeader}</Table.HeaderCell>
            {spec.series.map((s) => (
              <Table.HeaderCell scope="col" key={s.name} className="numeric">
                {s.name}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {spec.categories.map((category, i) => (
            <Table.Row key={`${category}-${i}`}>
              <Table.HeaderCell scope="row">{category}</Table.HeaderCell>
              {spec.series.map((s) => (
                <Table.Cell key={s.name} className="numeric">
                  <ChartValue value={s.values[i]} format={spec.format} />
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

/**
 * An ECharts chart with its accessible equivalent. The drawing is hidden from
 * assistive technology; the figure caption names it and the same numbers are
 * one keyboard step away in a real table ("Show as table"). Resizes with its
 * container, draws without animation when the user prefers reduced motion, and
 * takes its colours from the Designsystemet theme (contrast-checked).
 */
export function Chart({ title, description, spec, categoryHeader, table, tableOpen }: ChartProps) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const specRef = useRef(spec);
  specRef.current = spec;
  const [width, setWidth] = useState(0);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const reduced = usePrefersReducedMotion();
  // Re-draw when what is shown changes, not on every render (format is a function).
  const dataKey = useMemo(
    () => JSON.stringify({ ...spec, format: undefined, sample: [0, 0.5, 1, 3].map((v) => spec.format(v)) }),
    [spec],
  );

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    import('./echarts')
      .then(({ init }) => {
        const el = canvasRef.current;
        if (disposed || !el) return;
        chartRef.current = init(el, null, { renderer: 'svg' });
        setWidth(Math.round(el.getBoundingClientRect().width));
        observer = new ResizeObserver((entries) => {
          const w = entries[0]?.contentRect.width;
          if (w) setWidth(Math.round(w));
        });
        observer.observe(el);
        setReady(true);
      })
      .catch(() => {
        if (!disposed) setFailed(true);
      });
    return () => {
      disposed = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, []);

  const height = chartHeight(spec, width || 600);

  useEffect(() => {
    const chart = chartRef.current;
    const el = canvasRef.current;
    if (!ready || !chart || !el || width <= 0) return;
    chart.resize();
    chart.setOption(chartOption(specRef.current, chartPalette(el), width, reduced), { notMerge: true });
  }, [ready, width, height, reduced, dataKey]);

  return (
    <figure className="chart">
      <figcaption className="chart__caption">
        <span className="chart__title">{title}</span>
        {description ? <span className="chart__description">{description}</span> : null}
      </figcaption>
      {failed ? null : <div className="chart__canvas" ref={canvasRef} aria-hidden="true" style={{ height }} />}
      <Details className="chart__table" defaultOpen={tableOpen ?? failed}>
        <Details.Summary>{t('charts.showTable')}</Details.Summary>
        <Details.Content>{table ?? <ChartTable caption={title} spec={spec} categoryHeader={categoryHeader} />}</Details.Content>
      </Details>
    </figure>
  );
}
