import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/api/tenancy';
import { anyResponse, api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { useMunicipality } from '../../app/municipality';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { EmptyState, LoadErrorPage } from '../../components/States';
import { SuccessMessage } from '../../components/StatusMessage';
import { flattenTree } from './tree';
import { UnitDialog, type UnitDialogState } from './UnitDialog';
import { UnitTree } from './UnitTree';
import { useUnits } from './useUnits';

export function UnitsPage() {
  const { t } = useTranslation();
  const municipality = useCurrentMunicipality();
  const { can } = useMunicipality();
  const { tree, loading, error, reload } = useUnits(municipality.id);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<UnitDialogState>(null);
  const [deleting, setDeleting] = useState<Unit | null>(null);
  const [deleteError, setDeleteError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const title = t('units.title');

  if (error) return <LoadErrorPage error={error} title={title} />;

  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const confirmDelete = async () => {
    if (!deleting) return;
    setBusy(true);
    setDeleteError(undefined);
    try {
      await api(`/municipalities/${municipality.id}/units/${deleting.id}`, anyResponse, { method: 'DELETE' });
      setMessage(t('units.deleted', { name: deleting.name }));
      setDeleting(null);
      reload();
    } catch (err) {
      setDeleteError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title={title}
      lead={<Paragraph>{t('units.lead', { municipality: municipality.name })}</Paragraph>}
      actions={
        can.manageUnits ? (
          <Button onClick={() => setDialog({ mode: 'create', parent: null })}>{t('units.addServiceArea')}</Button>
        ) : null
      }
    >
      <SuccessMessage>{message}</SuccessMessage>
      {loading && tree.length === 0 ? <Loading /> : null}
      {!loading && tree.length === 0 ? <EmptyState>{t('units.empty')}</EmptyState> : null}
      {tree.length > 0 ? (
        <>
          <div className="button-row">
            <Button variant="tertiary" data-size="sm" onClick={() => setCollapsed(new Set())}>
              {t('units.expandAll')}
            </Button>
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() => setCollapsed(new Set(flattenTree(tree).filter((n) => n.children.length > 0).map((n) => n.unit.id)))}
            >
              {t('units.collapseAll')}
            </Button>
          </div>
          <UnitTree
            nodes={tree}
            label={t('units.treeLabel')}
            manage={can.manageUnits}
            collapsed={collapsed}
            onToggle={toggle}
            onAdd={(parent) => setDialog({ mode: 'create', parent })}
            onEdit={(unit) => setDialog({ mode: 'edit', unit })}
            onDelete={(unit) => {
              setDeleteError(undefined);
              setDeleting(unit);
            }}
          />
        </>
      ) : null}
      <UnitDialog
        state={dialog}
        municipalityId={municipality.id}
        tree={tree}
        onClose={() => setDialog(null)}
        onSaved={(unit) => {
          setMessage(t('units.saved', { name: unit.name }));
          setDialog(null);
          reload();
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t('units.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        busy={busy}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      >
        <>
          {deleteError ? (
            <ErrorAlert error={deleteError} message={deleteError.code === 'CONFLICT' ? t('units.deleteConflict') : undefined} />
          ) : null}
          <Paragraph>{t('units.deleteText')}</Paragraph>
        </>
      </ConfirmDialog>
    </Page>
  );
}
