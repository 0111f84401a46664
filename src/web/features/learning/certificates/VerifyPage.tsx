import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { BadgeCheck } from './BadgeCheck';
import { CodeResult } from './CodeResult';
import { looksLikeCode } from './certificatesApi';
import './certificates.css';

/** Public: anyone checks a certificate by its code (from the link or typed), or a badge by its JWT. */
export function VerifyPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code ?? '');
  const [invalid, setInvalid] = useState(false);
  return (
    <Page title={t('certificates.verify.title')} width="narrow" lead={<Paragraph>{t('certificates.verify.lead')}</Paragraph>}>
      <form
        noValidate
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!looksLikeCode(typed)) {
            setInvalid(true);
            return;
          }
          navigate(`/verify/${encodeURIComponent(typed.trim().toUpperCase())}`);
        }}
      >
        <Textfield
          label={t('certificates.verify.codeLabel')}
          description={t('certificates.verify.codeHelp')}
          value={typed}
          error={invalid ? t('certificates.verify.codeInvalid') : undefined}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="verify-code-field"
          onChange={(e) => {
            setTyped(e.target.value);
            setInvalid(false);
          }}
        />
        <div className="button-row">
          <Button type="submit">{t('certificates.verify.check')}</Button>
        </div>
      </form>
      {code ? <CodeResult key={code} code={code} /> : null}
      <BadgeCheck />
    </Page>
  );
}
