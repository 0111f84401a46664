import { Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_GRACE_HOURS, type LrsCredential } from '../../../shared/api/lrs';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField } from '../../components/SelectField';

/** Grace periods offered for the old secret, in hours (the API takes any whole number up to 168). */
export const GRACE_CHOICES = [0, 1, DEFAULT_GRACE_HOURS, 72, 168] as const;

type Props = { credential: LrsCredential | null; busy: boolean; onConfirm: (graceHours: number) => void; onClose: () => void };

/** Asks how long the old secret may keep working, then rotates. */
export function RotateDialog({ credential, busy, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const [grace, setGrace] = useState<number>(DEFAULT_GRACE_HOURS);
  return (
    <ConfirmDialog
      open={credential !== null}
      title={t('lrs.rotate.title', { name: credential?.name ?? '' })}
      confirmLabel={t('lrs.rotate.confirm')}
      danger={false}
      busy={busy}
      onConfirm={() => onConfirm(grace)}
      onClose={onClose}
    >
      <Paragraph>{t('lrs.rotate.text')}</Paragraph>
      <SelectField label={t('lrs.rotate.grace')} value={String(grace)} onChange={(e) => setGrace(Number(e.target.value))}>
        {GRACE_CHOICES.map((h) => (
          <option key={h} value={h}>
            {t(`lrs.rotate.graceChoices.h${h}`)}
          </option>
        ))}
      </SelectField>
    </ConfirmDialog>
  );
}
