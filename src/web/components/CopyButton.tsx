import { Button } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies a value to the clipboard and says so (the status is announced by screen readers). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // No clipboard (an insecure origin, a denied permission): the value is on screen to select by hand.
      setState('failed');
    }
  };
  return (
    <span className="button-row">
      <Button variant="secondary" data-size="sm" onClick={() => void copy()}>
        {t('lrs.copy')}
        <span className="visually-hidden"> {label}</span>
      </Button>
      <span role="status" aria-live="polite" className="muted">
        {state === 'copied' ? t('lrs.copied') : state === 'failed' ? t('lrs.copyFailed') : ''}
      </span>
    </span>
  );
}
