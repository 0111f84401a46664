import { Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { z } from 'zod';
import { useApi } from '../../../api/useApi';

type Option = { id: string; label: string; detail?: string };

type Props<S extends z.ZodType> = {
  legend: string;
  searchLabel: string;
  help?: string;
  emptyText: string;
  path: string;
  schema: S;
  query: (q: string) => Record<string, string | number | undefined>;
  options: (data: z.infer<S>) => Option[];
  value: string | null;
  onChange: (id: string, label: string) => void;
  error?: string;
  name: string;
};

/** Search a list on the server and choose one result (a radio group, so it works by keyboard and with a screen reader). */
export function SearchPicker<S extends z.ZodType>({ legend, searchLabel, help, emptyText, path, schema, query, options, value, onChange, error, name }: Props<S>) {
  const [q, setQ] = useState('');
  const { data } = useApi(path, schema, query(q.trim()));
  const list = data ? options(data) : [];
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {help ? <Fieldset.Description>{help}</Fieldset.Description> : null}
      <Textfield label={searchLabel} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      <div className="assignment-picker__results" aria-live="polite">
        {data && list.length === 0 ? <Paragraph data-size="sm">{emptyText}</Paragraph> : null}
        {list.map((o) => (
          <Radio key={o.id} name={name} value={o.id} label={o.label} description={o.detail} checked={value === o.id} onChange={() => onChange(o.id, o.label)} />
        ))}
      </div>
      {error ? <Paragraph data-size="sm" data-color="danger" role="alert">{error}</Paragraph> : null}
    </Fieldset>
  );
}
