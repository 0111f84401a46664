import { Button, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { issuerKeySchema } from '../../../../shared/api/certificates';
import { api, type ApiError } from '../../../api/client';
import { asApiError, useApi } from '../../../api/useApi';
import { useCurrentMunicipality } from '../../../app/guards';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { EmptyState, LoadErrorPage } from '../../../components/States';
import { SuccessMessage } from '../../../components/StatusMessage';
import { TableScroll } from '../../../components/TableScroll';
import { formatDay, issuerKeysPath, jwksHref } from './certificatesApi';

const keyList = z.array(issuerKeySchema);

/** The municipality's Open Badge signing keys (public parts): list and rotate. */
export function IssuerKeysPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const municipality = useCurrentMunicipality();
  const path = issuerKeysPath(municipality.id);
  const keys = useApi(path, keyList);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const title = t('certificates.keys.title');
  if (keys.error) return <LoadErrorPage error={keys.error} title={title} />;

  const rotate = async () => {
    setBusy(true);
    setActionError(undefined);
    setStatus(null);
    try {
      keys.setData(await api(`${path}/rotate`, keyList, { method: 'POST' }));
      setStatus(t('certificates.keys.rotated'));
    } catch (err) {
      setActionError(asApiError(err));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <Page
      title={title}
      lead={<Paragraph>{t('certificates.keys.lead')}</Paragraph>}
      actions={<Button onClick={() => setConfirming(true)}>{t('certificates.keys.rotate')}</Button>}
    >
      <SuccessMessage>{status}</SuccessMessage>
      {actionError ? <ErrorAlert error={actionError} /> : null}
      <section className="section" aria-labelledby="issuer-keys-heading">
        <Heading level={2} data-size="sm" id="issuer-keys-heading">
          {t('certificates.keys.listLabel')}
        </Heading>
        {!keys.data ? (
          <Loading />
        ) : keys.data.length === 0 ? (
          <EmptyState>{t('certificates.keys.empty')}</EmptyState>
        ) : (
          <TableScroll label={t('certificates.keys.listLabel')}>
            <Table className="data-table">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('certificates.keys.key')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('certificates.keys.created')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('certificates.keys.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {keys.data.map((k) => (
                  <Table.Row key={k.id}>
                    <Table.Cell>
                      <code className="wrap-code">{k.id}</code>
                    </Table.Cell>
                    <Table.Cell>{formatDay(k.createdAt, lang)}</Table.Cell>
                    <Table.Cell>
                      {k.retiredAt ? (
                        <span>{t('certificates.keys.retired', { date: formatDay(k.retiredAt, lang) })}</span>
                      ) : (
                        <Tag data-color="success">{t('certificates.keys.active')}</Tag>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
        <Paragraph>
          <Link href={jwksHref(municipality.id)}>{t('certificates.keys.jwks')}</Link>
        </Paragraph>
      </section>
      <ConfirmDialog
        open={confirming}
        title={t('certificates.keys.rotateTitle')}
        confirmLabel={t('certificates.keys.rotate')}
        busy={busy}
        onConfirm={() => void rotate()}
        onClose={() => setConfirming(false)}
      >
        {t('certificates.keys.rotateText')}
      </ConfirmDialog>
    </Page>
  );
}
