import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { invitationCodesResult } from '../../../shared/api/mapping';
import { QrCode } from './QrCode';

type Codes = z.infer<typeof invitationCodesResult>;

/**
 * The printable shared-device code list: one card per person with name, code,
 * a QR code of the personal link, where to type the code and until when. On
 * paper only the cards are printed (see campaigns.css).
 */
export function CodeSheet({ codes, formatDate }: { codes: Codes; formatDate: (iso: string) => string }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // New codes replace the old ones: take the reader to them.
  useEffect(() => headingRef.current?.focus(), [codes]);
  const date = formatDate(codes.closesAt);
  return (
    <section aria-labelledby="codes-list-heading" className="codes-print code-sheet">
      <Heading level={2} data-size="sm" id="codes-list-heading" ref={headingRef} tabIndex={-1}>
        {t('campaigns.codes.listTitle', { unit: codes.unitName })}
      </Heading>
      <Alert data-color="warning" className="no-print">
        <Paragraph>{t('campaigns.codes.warning')}</Paragraph>
      </Alert>
      <Paragraph className="no-print">{t('campaigns.codes.howTo', { url: codes.entryUrl, date })}</Paragraph>
      {codes.codes.length === 0 ? <Paragraph>{t('campaigns.codes.none')}</Paragraph> : null}
      <div className="button-row no-print">
        <Button onClick={() => window.print()} disabled={codes.codes.length === 0}>
          {t('campaigns.codes.print')}
        </Button>
      </div>
      <ul className="code-cards">
        {codes.codes.map((x) => (
          <li key={x.personId} className="code-card">
            <div className="code-card__text">
              <p className="code-card__name">{x.name}</p>
              {x.unitName ? <p className="code-card__unit">{x.unitName}</p> : null}
              <p className="code-card__code-line">
                <span className="code-card__label">{t('campaigns.codes.codeLabel')}</span>{' '}
                <strong className="code-card__code">{x.code}</strong>
              </p>
              <p className="code-card__how">{t('campaigns.codes.cardHowTo', { url: codes.entryUrl, date })}</p>
            </div>
            <QrCode className="code-card__qr" value={x.link} label={t('campaigns.codes.qrAlt', { name: x.name })} />
          </li>
        ))}
      </ul>
    </section>
  );
}
