import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkVersionDetail } from '../../../shared/api/frameworks';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { LocalizedText } from '../../components/LocalizedText';
import { statementList } from './frameworkApi';

type Props = {
  versionId: string;
  competence: FrameworkVersionDetail['competences'][number];
  levelLabel: (level: number) => string;
};

/** The self-assessment statements of one competence, loaded when asked for and grouped by level. */
export function CompetenceStatements({ versionId, competence, levelLabel }: Props) {
  const { t } = useTranslation();
  const regionId = useId();
  const [open, setOpen] = useState(false);
  // Once loaded, closing only hides the list.
  const [requested, setRequested] = useState(false);
  const { data, error, loading } = useApi(requested ? `/frameworks/versions/${versionId}/statements` : null, statementList, {
    competenceCode: competence.code,
  });
  const byLevel = useMemo(() => {
    const map = new Map<number, NonNullable<typeof data>>();
    for (const s of data ?? []) map.set(s.level, [...(map.get(s.level) ?? []), s]);
    return [...map.entries()].sort(([a], [b]) => a - b);
  }, [data]);

  if (competence.statementCount === 0) {
    return (
      <Paragraph data-size="sm" className="muted">
        {t('frameworks.version.noStatements')}
      </Paragraph>
    );
  }

  return (
    <div className="competence__statements">
      <div>
        <Button
          variant="secondary"
          data-size="sm"
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => {
            setRequested(true);
            setOpen((v) => !v);
          }}
        >
          {open ? t('frameworks.version.hideStatements') : t('frameworks.version.showStatements', { count: competence.statementCount })}
        </Button>
      </div>
      <div id={regionId} hidden={!open} className="statements">
        {open && loading && !data ? <Loading label={t('frameworks.version.loadingStatements')} /> : null}
        {error ? <ErrorAlert error={error} /> : null}
        {data && data.length === 0 ? <Paragraph data-size="sm">{t('frameworks.version.noStatements')}</Paragraph> : null}
        {byLevel.length > 0 ? (
          <dl className="statements__levels">
            {byLevel.map(([level, statements]) => (
              <div key={level}>
                <dt>{levelLabel(level)}</dt>
                <dd>
                  <ul className="statements__list">
                    {statements.map((s) => (
                      <li key={s.code}>
                        <LocalizedText value={s.text} /> <span className="muted">({s.code})</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
    </div>
  );
}
