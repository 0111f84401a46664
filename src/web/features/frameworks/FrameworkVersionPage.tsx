import { Details, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import type { FrameworkVersionDetail } from '../../../shared/api/frameworks';
import { Loading } from '../../components/Loading';
import { LocalizedText } from '../../components/LocalizedText';
import { Page } from '../../components/Page';
import { EmptyState, LoadErrorPage, NotFoundPage } from '../../components/States';
import { useLocalize } from '../../i18n/localize';
import { CompetenceStatements } from './CompetenceStatements';
import { UUID, useFrameworkVersion } from './frameworkApi';
import { useLevelLabel } from './useLevelLabel';

type Competence = FrameworkVersionDetail['competences'][number];
type Level = FrameworkVersionDetail['levels'][number];

export function BackToFrameworks() {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/frameworks">{t('frameworks.backToList')}</RouterLink>
      </Link>
    </Paragraph>
  );
}

export function FrameworkVersionPage() {
  const { versionId = '' } = useParams();
  if (!UUID.test(versionId)) return <NotFoundPage />;
  return <FrameworkVersionView versionId={versionId} />;
}

function FrameworkVersionView({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  const { text } = useLocalize();
  const { data, error } = useFrameworkVersion(versionId);
  const fallbackTitle = t('frameworks.version.loadingTitle');

  if (error) return <LoadErrorPage error={error} title={fallbackTitle} />;
  if (!data) {
    return (
      <Page title={fallbackTitle}>
        <Loading />
      </Page>
    );
  }
  const name = text(data.name) || data.key;
  const facts: [string, string][] = [
    [t('frameworks.fields.version'), data.version],
    [t('frameworks.fields.key'), data.key],
    [t('frameworks.fields.source'), data.source ?? t('frameworks.notGiven')],
    [t('frameworks.fields.licence'), data.licence ?? t('frameworks.notGiven')],
    [t('frameworks.fields.areas'), String(data.areas.length)],
    [t('frameworks.fields.competences'), String(data.competences.length)],
    [t('frameworks.fields.levels'), String(data.levels.length)],
    [t('frameworks.fields.statements'), String(data.competences.reduce((n, c) => n + c.statementCount, 0))],
  ];

  return (
    <Page
      title={t('frameworks.version.title', { name, version: data.version })}
      lead={
        <div className="lead-stack">
          <BackToFrameworks />
          {data.description ? (
            <Paragraph>
              <LocalizedText value={data.description} />
            </Paragraph>
          ) : null}
        </div>
      }
    >
      <dl className="facts facts--grid">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <LevelScale levels={data.levels} />
      <Areas version={data} />
    </Page>
  );
}

function LevelScale({ levels }: { levels: Level[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="level-scale-heading" className="section">
      <Heading level={2} data-size="sm" id="level-scale-heading">
        {t('frameworks.version.scale')}
      </Heading>
      <Paragraph>{t('frameworks.version.scaleLead', { count: levels.length })}</Paragraph>
      <ol className="level-scale" data-testid="level-scale">
        {[...levels]
          .sort((a, b) => a.level - b.level)
          .map((l) => (
            <li key={l.level} className="level-scale__item">
              <span className="level-scale__number" aria-hidden="true">
                {l.level}
              </span>
              <span className="level-scale__text">
                <span className="visually-hidden">{t('frameworks.version.levelNumber', { level: l.level })}: </span>
                <strong>
                  <LocalizedText value={l.name} />
                </strong>
                {l.description ? (
                  <span className="level-scale__description">
                    <LocalizedText value={l.description} />
                  </span>
                ) : null}
              </span>
            </li>
          ))}
      </ol>
    </section>
  );
}

function Areas({ version }: { version: FrameworkVersionDetail }) {
  const { t } = useTranslation();
  const byArea = useMemo(() => {
    const map = new Map<string, Competence[]>();
    for (const c of version.competences) map.set(c.areaCode, [...(map.get(c.areaCode) ?? []), c]);
    return map;
  }, [version.competences]);
  const levelLabel = useLevelLabel(version.levels);
  // A framework without any statements (like the starter) need not say so under every competence.
  const hasStatements = version.competences.some((c) => c.statementCount > 0);

  return (
    <section aria-labelledby="areas-heading" className="section">
      <Heading level={2} data-size="sm" id="areas-heading">
        {t('frameworks.version.areas')}
      </Heading>
      <nav aria-label={t('frameworks.version.areasNav')}>
        <ul className="area-toc">
          {version.areas.map((a) => (
            <li key={a.code}>
              <Link href={`#area-${a.code}`}>
                <LocalizedText value={a.name} fallback={a.code} />
              </Link>{' '}
              <span className="muted">({t('frameworks.version.competenceCount', { count: byArea.get(a.code)?.length ?? 0 })})</span>
            </li>
          ))}
        </ul>
      </nav>
      {version.areas.map((a) => {
        const competences = byArea.get(a.code) ?? [];
        return (
          <section key={a.code} id={`area-${a.code}`} aria-labelledby={`area-heading-${a.code}`} className="area" data-testid="framework-area">
            <Heading level={3} data-size="xs" id={`area-heading-${a.code}`}>
              <LocalizedText value={a.name} fallback={a.code} />
            </Heading>
            <Paragraph data-size="sm" className="muted">
              <code>{a.code}</code>
            </Paragraph>
            {a.description ? (
              <Paragraph>
                <LocalizedText value={a.description} />
              </Paragraph>
            ) : null}
            {competences.length === 0 ? <EmptyState>{t('frameworks.version.noCompetences')}</EmptyState> : null}
            <ul className="competence-list">
              {competences.map((c) => (
                <li key={c.code} className="competence" data-testid="framework-competence" data-code={c.code}>
                  <Heading level={4} data-size="2xs">
                    <LocalizedText value={c.name} fallback={c.code} />
                  </Heading>
                  <div className="competence__meta">
                    <code>{c.code}</code>
                    {c.digcompRef ? (
                      <Tag data-size="sm" data-color="neutral">
                        {t('frameworks.version.digcomp', { ref: c.digcompRef })}
                      </Tag>
                    ) : null}
                  </div>
                  {c.description ? (
                    <Paragraph data-size="sm">
                      <LocalizedText value={c.description} />
                    </Paragraph>
                  ) : null}
                  {c.levelDescriptions.length > 0 ? (
                    <Details>
                      <Details.Summary>{t('frameworks.version.levelDescriptions')}</Details.Summary>
                      <Details.Content>
                        <dl className="level-descriptions">
                          {[...c.levelDescriptions]
                            .sort((x, y) => x.level - y.level)
                            .map((d) => (
                              <div key={d.level}>
                                <dt>{levelLabel(d.level)}</dt>
                                <dd>
                                  <LocalizedText value={d.text} />
                                </dd>
                              </div>
                            ))}
                        </dl>
                      </Details.Content>
                    </Details>
                  ) : null}
                  {hasStatements ? <CompetenceStatements versionId={version.id} competence={c} levelLabel={levelLabel} /> : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
