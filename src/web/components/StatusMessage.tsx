import { Alert, Paragraph } from '@digdir/designsystemet-react';

/** Success note after saving; announced by screen readers. */
export function SuccessMessage({ children }: { children: string | null }) {
  return (
    <div role="status" aria-live="polite" className="status-slot">
      {children ? (
        <Alert data-color="success">
          <Paragraph>{children}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
