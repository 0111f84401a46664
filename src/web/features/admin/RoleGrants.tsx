import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type RoleGrantView, roleGrantSchema } from '../../../shared/api/access';
import type { Role } from '../../../shared/domain';
import { anyResponse, api, type ApiError } from '../../api/client';
import { asApiError, useApi } from '../../api/useApi';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { EmptyState } from '../../components/States';
import { SuccessMessage } from '../../components/StatusMessage';
import type { UnitNode } from '../units/tree';
import { AddGrantForm } from './AddGrantForm';
import { RoleGrantsTable } from './RoleGrantsTable';

const grantList = z.array(roleGrantSchema);

type Props = { path: string; roles: readonly Role[]; units?: UnitNode[]; readOnly?: boolean };

/** List, add and revoke role grants at one scope (…/role-grants). */
export function RoleGrants({ path, roles, units, readOnly = false }: Props) {
  const { t } = useTranslation();
  const grants = useApi(path, grantList);
  const [revoking, setRevoking] = useState<RoleGrantView | null>(null);
  const [revokeError, setRevokeError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setRevokeError(undefined);
    try {
      await api(`${path}/${revoking.id}`, anyResponse, { method: 'DELETE' });
      setMessage(t('grants.revoked', { role: t(`roles.${revoking.role}`), name: revoking.userDisplayName }));
      setRevoking(null);
      grants.reload();
    } catch (err) {
      setRevokeError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="role-grants">
      <SuccessMessage>{message}</SuccessMessage>
      {grants.error ? <ErrorAlert error={grants.error} /> : null}
      {grants.loading && !grants.data ? <Loading /> : null}
      {grants.data && grants.data.length === 0 ? <EmptyState>{t('grants.empty')}</EmptyState> : null}
      {grants.data && grants.data.length > 0 ? (
        <RoleGrantsTable
          grants={grants.data}
          onRevoke={
            readOnly
              ? undefined
              : (g) => {
                  setRevokeError(undefined);
                  setRevoking(g);
                }
          }
        />
      ) : null}
      {readOnly ? null : (
        <section aria-labelledby="add-grant-heading" className="section">
          <Heading level={3} data-size="xs" id="add-grant-heading">
            {t('grants.addTitle')}
          </Heading>
          <Paragraph data-size="sm">{t('grants.addHelp')}</Paragraph>
          <AddGrantForm
            path={path}
            roles={roles}
            units={units}
            onAdded={() => {
              setMessage(t('grants.added'));
              grants.reload();
            }}
          />
        </section>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('grants.revokeTitle')}
        confirmLabel={t('grants.revoke')}
        busy={busy}
        onConfirm={() => void revoke()}
        onClose={() => setRevoking(null)}
      >
        <>
          {revokeError ? <ErrorAlert error={revokeError} /> : null}
          <Paragraph>
            {revoking ? t('grants.revokeText', { role: t(`roles.${revoking.role}`), name: revoking.userDisplayName }) : ''}
          </Paragraph>
        </>
      </ConfirmDialog>
    </div>
  );
}
