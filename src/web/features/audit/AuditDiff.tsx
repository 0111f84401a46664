import { useTranslation } from 'react-i18next';
import { diffSnapshots, formatValue } from './diff';

/** Changed fields of one event as "field: old → new". */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const changes = diffSnapshots(before, after);
  if (changes.length === 0) return <span>–</span>;
  return (
    <dl className="audit-diff">
      {changes.map((c) => (
        <div key={c.field} className="audit-diff__row">
          <dt>{c.field}</dt>
          <dd>
            {before != null ? (
              <>
                <del>
                  <span className="visually-hidden">{t('audit.before')}: </span>
                  {formatValue(c.before)}
                </del>
                <span aria-hidden="true"> → </span>
              </>
            ) : null}
            {after != null ? (
              <ins>
                <span className="visually-hidden">{t('audit.after')}: </span>
                {formatValue(c.after)}
              </ins>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
