import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

/** Modal yes/no question; Escape and the cancel button close it. */
export function ConfirmDialog({ open, title, children, confirmLabel, busy, danger = true, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={headingId} closeButton={t('common.close')}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        {typeof children === 'string' ? <Paragraph>{children}</Paragraph> : children}
        <div className="button-row">
          <Button data-color={danger ? 'danger' : undefined} onClick={onConfirm} loading={busy} disabled={busy}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
