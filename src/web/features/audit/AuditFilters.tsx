import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type AuditFilterValues = { entityType: string; action: string; from: string; to: string };
export const EMPTY_AUDIT_FILTERS: AuditFilterValues = { entityType: '', action: '', from: '', to: '' };

/** Filter form; dates are local calendar days, sent as ISO timestamps. */
export function AuditFilters({ values, onApply }: { values: AuditFilterValues; onApply: (v: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState(values);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...v, entityType: v.entityType.trim(), action: v.action.trim() });
  };
  return (
    <form role="search" className="filters filters--audit" onSubmit={submit} aria-label={t('audit.filters.label')}>
      <Textfield label={t('audit.filters.entityType')} value={v.entityType} onChange={(e) => setV({ ...v, entityType: e.target.value })} />
      <Textfield label={t('audit.filters.action')} value={v.action} onChange={(e) => setV({ ...v, action: e.target.value })} />
      <Textfield label={t('audit.filters.from')} type="date" value={v.from} onChange={(e) => setV({ ...v, from: e.target.value })} />
      <Textfield label={t('audit.filters.to')} type="date" value={v.to} onChange={(e) => setV({ ...v, to: e.target.value })} />
      <div className="button-row filters__buttons">
        <Button type="submit">{t('audit.filters.apply')}</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setV(EMPTY_AUDIT_FILTERS);
            onApply(EMPTY_AUDIT_FILTERS);
          }}
        >
          {t('audit.filters.clear')}
        </Button>
      </div>
    </form>
  );
}

/** Query parameters for GET …/audit-events. */
export function auditQuery(v: AuditFilterValues): Record<string, string | undefined> {
  const day = (value: string, end: boolean) => {
    if (!value) return undefined;
    const d = new Date(`${value}T00:00:00`);
    if (Number.isNaN(d.getTime())) return undefined;
    if (end) d.setDate(d.getDate() + 1);
    return d.toISOString();
  };
  return {
    entityType: v.entityType || undefined,
    action: v.action || undefined,
    from: day(v.from, false),
    to: day(v.to, true),
  };
}
