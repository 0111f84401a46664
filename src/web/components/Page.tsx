import { Heading } from '@digdir/designsystemet-react';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

type PageProps = {
  title: string;
  /** Shown to the right of the heading, e.g. a "New" button. */
  actions?: ReactNode;
  /** Line under the heading. */
  lead?: ReactNode;
  children?: ReactNode;
  width?: 'narrow' | 'wide';
};

/** A page with its one h1; also sets the document title. */
export function Page({ title, actions, lead, children, width = 'wide' }: PageProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className={`page page--${width}`}>
      <div className="page__header">
        <Heading level={1} data-size="lg" id="page-title">
          {title}
        </Heading>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </div>
      {lead ? <div className="page__lead">{lead}</div> : null}
      {children}
    </div>
  );
}
