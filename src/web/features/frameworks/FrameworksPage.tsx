import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { FrameworkSummary } from '../../../shared/api/frameworks';
import { useMunicipality } from '../../app/municipality';
import { Loading } from '../../components/Loading';
import { LocalizedText } from '../../components/LocalizedText';
import { Page } from '../../components/Page';
import { EmptyState, LoadErrorPage } from '../../components/States';
import { TableScroll } from '../../components/TableScroll';
import { useLocalize } from '../../i18n/localize';
import { FrameworkImport } from './FrameworkImport';
import { useFrameworks } from './frameworkApi';

function FrameworkVersions({ framework }: { framework: FrameworkSummary }) {
  const { t, i18n } = useTranslation();
  const { text } = useLocalize();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const headingId = `framework-${framework.id}`;
  const name = text(framework.name) || framework.key;
  return (
    <section aria-labelledby={headingId} className="section framework">
      <div className="framework__heading">
        <Heading level={2} data-size="sm" id={headingId}>
          <LocalizedText value={framework.name} fallback={framework.key} />
        </Heading>
        {framework.builtIn ? (
          <Tag data-size="sm" data-color="info">
            {t('frameworks.builtIn')}
          </Tag>
        ) : null}
      </div>
      <Paragraph data-size="sm" className="muted">
        {t('frameworks.fields.key')}: <code>{framework.key}</code>
      </Paragraph>
      <TableScroll label={t('frameworks.versionsLabel', { name })}>
        <Table zebra data-size="sm" className="data-table frameworks-table">
          <caption className="visually-hidden">{t('frameworks.versionsLabel', { name })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('frameworks.fields.version')}</Table.HeaderCell>
              <Table.HeaderCell>{t('frameworks.fields.importedAt')}</Table.HeaderCell>
              <Table.HeaderCell>{t('frameworks.fields.source')}</Table.HeaderCell>
              <Table.HeaderCell>{t('frameworks.fields.licence')}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t('frameworks.fields.areas')}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t('frameworks.fields.competences')}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t('frameworks.fields.levels')}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t('frameworks.fields.statements')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {framework.versions.map((v) => (
              <Table.Row key={v.id}>
                <Table.Cell>
                  <Link asChild>
                    <RouterLink to={`/frameworks/${v.id}`}>{t('frameworks.versionLink', { version: v.version })}</RouterLink>
                  </Link>
                </Table.Cell>
                <Table.Cell>{date.format(new Date(v.importedAt))}</Table.Cell>
                <Table.Cell>{v.source ?? t('frameworks.notGiven')}</Table.Cell>
                <Table.Cell>{v.licence ?? t('frameworks.notGiven')}</Table.Cell>
                <Table.Cell className="numeric">{v.counts.areas}</Table.Cell>
                <Table.Cell className="numeric">{v.counts.competences}</Table.Cell>
                <Table.Cell className="numeric">{v.counts.levels}</Table.Cell>
                <Table.Cell className="numeric">{v.counts.statements}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}

export function FrameworksPage() {
  const { t } = useTranslation();
  const { can } = useMunicipality();
  const { data, error, loading, reload } = useFrameworks();
  const title = t('frameworks.title');

  if (error) return <LoadErrorPage error={error} title={title} />;

  return (
    <Page title={title} lead={<Paragraph>{t('frameworks.lead')}</Paragraph>}>
      {loading && !data ? <Loading /> : null}
      {data && data.length === 0 ? <EmptyState>{t('frameworks.empty')}</EmptyState> : null}
      {data?.map((f) => <FrameworkVersions key={f.id} framework={f} />)}
      {can.importFrameworks ? <FrameworkImport onImported={reload} /> : null}
    </Page>
  );
}
