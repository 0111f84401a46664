import '../results/results.css';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { CompetenceProfile } from '../../../shared/api/results';
import { TableScroll } from '../../components/TableScroll';

type Competence = CompetenceProfile['competences'][number];

/** "2 – Independent" for a level on the profile's scale. */
export function useLevelText(levels: CompetenceProfile['levels']) {
  const names = new Map(levels.map((l) => [l.level, l.name]));
  return (level: number) => {
    const name = names.get(level);
    return name ? `${level} – ${name}` : String(level);
  };
}

function Missing({ text }: { text: string }) {
  return <span className="muted">{text}</span>;
}

/** Areas in the order their competences come. */
function byArea(competences: Competence[]): [string, Competence[]][] {
  const areas = new Map<string, Competence[]>();
  for (const c of competences) areas.set(c.areaName, [...(areas.get(c.areaName) ?? []), c]);
  return [...areas.entries()];
}

/**
 * One person's profile: their own rating and their leader's side by side (two
 * columns, never averaged), the level the role requires and the gap.
 */
export function ProfileTable({ profile, caption }: { profile: CompetenceProfile; caption: string }) {
  const { t } = useTranslation();
  const levelText = useLevelText(profile.levels);
  return (
    <TableScroll label={caption}>
      <Table data-size="sm" className="data-table profile-table">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('competenceProfile.columns.competence')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('competenceProfile.columns.self')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('competenceProfile.columns.leader')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('competenceProfile.columns.required')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('competenceProfile.columns.gap')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('competenceProfile.columns.wantsTraining')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        {byArea(profile.competences).map(([area, competences]) => (
          <Table.Body key={area}>
            <Table.Row className="heatmap__area">
              <Table.HeaderCell scope="rowgroup" colSpan={6}>
                {area}
              </Table.HeaderCell>
            </Table.Row>
            {competences.map((c) => (
              <Table.Row key={c.code}>
                <Table.HeaderCell scope="row" className="profile-table__competence">
                  {c.name}
                </Table.HeaderCell>
                <Table.Cell>
                  {c.self !== null ? levelText(c.self) : <Missing text={c.dontKnow ? t('results.dontKnow') : t('competenceProfile.notAnswered')} />}
                </Table.Cell>
                <Table.Cell>{c.leader !== null ? levelText(c.leader) : <Missing text={t(c.leaderCannotJudge ? 'competenceProfile.rate.cannotJudge' : 'competenceProfile.notRated')} />}</Table.Cell>
                <Table.Cell>{c.required !== null ? levelText(c.required) : <Missing text={t('competenceProfile.noRequirement')} />}</Table.Cell>
                <Table.Cell>
                  {c.gap === null ? (
                    <Missing text="–" />
                  ) : c.gap > 0 ? (
                    <span className="gap-text" data-gap="below">
                      {t('competenceProfile.gapBelow', { count: c.gap })}
                    </span>
                  ) : (
                    <span className="gap-text" data-gap="meets">
                      {t('competenceProfile.gapMet')}
                    </span>
                  )}
                </Table.Cell>
                <Table.Cell>{c.wantsTraining ? t('competenceProfile.yes') : <Missing text="–" />}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        ))}
      </Table>
    </TableScroll>
  );
}

/** Learning for the competences below the required level or wanted: the loop from mapping to learning. */
export function LearningSuggestions({ profile, headingLevel = 2, id }: { profile: CompetenceProfile; headingLevel?: 2 | 3; id: string }) {
  const { t } = useTranslation();
  const relevant = profile.competences.filter((c) => (c.gap !== null && c.gap > 0) || c.wantsTraining || c.learning.length > 0);
  return (
    <section aria-labelledby={id} className="results-section">
      <Heading level={headingLevel} data-size="xs" id={id}>
        {t('competenceProfile.learning.title')}
      </Heading>
      {relevant.length === 0 ? (
        <Paragraph data-size="sm">{t('competenceProfile.learning.nothing')}</Paragraph>
      ) : (
        <ul className="learning-list">
          {relevant.map((c) => (
            <li key={c.code} className="learning-list__item">
              <span className="learning-list__competence">{c.name}</span>
              {c.learning.length === 0 ? (
                <span className="muted">{t('results.learning.noneMapped')}</span>
              ) : (
                <ul className="learning-list__offers">
                  {c.learning.map((item) => (
                    <li key={item.id}>{item.title}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
