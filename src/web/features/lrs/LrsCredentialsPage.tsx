import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { lrsCredentialList, lrsCredentialSchema, lrsCredentialSecret, type LrsCredential, type LrsCredentialSecret } from '../../../shared/api/lrs';
import { api, type ApiError } from '../../api/client';
import { asApiError, useApi } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { EmptyState, LoadErrorPage } from '../../components/States';
import { SuccessMessage } from '../../components/StatusMessage';
import { CopyButton } from '../../components/CopyButton';
import { CreateCredentialForm } from './CreateCredentialForm';
import { CredentialsTable } from './CredentialsTable';
import { RotateDialog } from './RotateDialog';
import { SecretPanel } from './SecretPanel';

/** The municipality's xAPI credentials: create, rotate, revoke; the secret shows once. */
export function LrsCredentialsPage() {
  const { t } = useTranslation();
  const municipality = useCurrentMunicipality();
  const path = `/municipalities/${municipality.id}/lrs/credentials`;
  const list = useApi(path, lrsCredentialList);
  const [issued, setIssued] = useState<{ secret: LrsCredentialSecret; rotated: boolean } | null>(null);
  const [rotating, setRotating] = useState<LrsCredential | null>(null);
  const [revoking, setRevoking] = useState<LrsCredential | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const title = t('lrs.credentials.title');

  if (list.error) return <LoadErrorPage error={list.error} title={title} />;

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setActionError(undefined);
    setStatus(null);
    try {
      await work();
      list.reload();
    } catch (err) {
      setActionError(asApiError(err));
    } finally {
      setBusy(false);
      setRotating(null);
      setRevoking(null);
    }
  };

  const rotate = (graceHours: number) =>
    act(async () => {
      const c = rotating!;
      const secret = await api(`${path}/${c.id}/rotate`, lrsCredentialSecret, { method: 'POST', body: { graceHours } });
      setIssued({ secret, rotated: true });
    });
  const revoke = () =>
    act(async () => {
      const c = revoking!;
      await api(`${path}/${c.id}/revoke`, lrsCredentialSchema, { method: 'POST' });
      setIssued((current) => (current?.secret.credential.id === c.id ? null : current));
      setStatus(t('lrs.revoke.done', { name: c.name }));
    });

  return (
    <Page
      title={title}
      lead={
        <>
          <Paragraph>{t('lrs.credentials.lead', { municipality: municipality.name })}</Paragraph>
          <Paragraph>
            <Link asChild>
              <RouterLink to="/lrs/statements">{t('lrs.credentials.browseLink')}</RouterLink>
            </Link>
          </Paragraph>
        </>
      }
    >
      {list.data ? (
        <section aria-labelledby="lrs-endpoint-heading" className="section">
          <Heading level={2} data-size="sm" id="lrs-endpoint-heading">
            {t('lrs.credentials.endpointHeading')}
          </Heading>
          <Paragraph>
            <code className="wrap-code" data-testid="lrs-endpoint">
              {list.data.endpoint}
            </code>
          </Paragraph>
          <CopyButton value={list.data.endpoint} label={t('lrs.secret.endpoint')} />
        </section>
      ) : null}

      {issued ? <SecretPanel issued={issued.secret} rotated={issued.rotated} onDone={() => setIssued(null)} /> : null}
      <SuccessMessage>{status}</SuccessMessage>
      {actionError ? <ErrorAlert error={actionError} /> : null}

      <section aria-labelledby="lrs-create-heading" className="section">
        <Heading level={2} data-size="sm" id="lrs-create-heading">
          {t('lrs.create.heading')}
        </Heading>
        <CreateCredentialForm
          path={path}
          onCreated={(secret) => {
            setStatus(null);
            setIssued({ secret, rotated: false });
            list.reload();
          }}
        />
      </section>

      <section aria-labelledby="lrs-list-heading" className="section">
        <Heading level={2} data-size="sm" id="lrs-list-heading">
          {t('lrs.credentials.listHeading')}
        </Heading>
        {!list.data ? <Loading /> : list.data.items.length === 0 ? <EmptyState>{t('lrs.credentials.empty')}</EmptyState> : (
          <CredentialsTable items={list.data.items} onRotate={setRotating} onRevoke={setRevoking} />
        )}
      </section>

      <RotateDialog key={rotating?.id ?? 'none'} credential={rotating} busy={busy} onConfirm={(h) => void rotate(h)} onClose={() => setRotating(null)} />
      <ConfirmDialog
        open={revoking !== null}
        title={t('lrs.revoke.title', { name: revoking?.name ?? '' })}
        confirmLabel={t('lrs.revoke.confirm')}
        busy={busy}
        onConfirm={() => void revoke()}
        onClose={() => setRevoking(null)}
      >
        {t('lrs.revoke.text')}
      </ConfirmDialog>
    </Page>
  );
}
