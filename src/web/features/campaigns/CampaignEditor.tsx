import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Campaign, campaignSchema } from '../../../shared/api/mapping';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusFirstInvalid } from '../../components/validation';
import { CampaignForm } from './CampaignForm';
import { checkPublished, draftPatch, isoDay, type PublishedValues, publishedPatch, serverFieldKeys, valuesFromCampaign } from './campaignValues';

type Props = {
  campaign: Campaign;
  /** API path of the campaign. */
  path: string;
  onSaved: (campaign: Campaign) => void;
  /** The server refused because the campaign changed meanwhile (published, closed): 409 CONFLICT. */
  onConflict: (error: ApiError) => void;
  onCancel: () => void;
};

/**
 * Editing a campaign: a draft changes everything the create form has; once
 * published only the name and a future close date. Closed campaigns do not
 * come here.
 */
export function CampaignEditor({ campaign, path, onSaved, onConflict, onCancel }: Props) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [initial] = useState(() => valuesFromCampaign(campaign));
  useEffect(() => headingRef.current?.focus(), []);

  const patch = async (body: object) => {
    try {
      return await api(path, campaignSchema, { method: 'PATCH', body });
    } catch (err) {
      const apiError = asApiError(err);
      if (apiError.code === 'CONFLICT') onConflict(apiError);
      throw apiError;
    }
  };

  const cancel = (
    <Button type="button" variant="secondary" onClick={onCancel}>
      {t('common.cancel')}
    </Button>
  );

  return (
    <section aria-labelledby="edit-heading" className="campaign-editor">
      <Heading level={2} data-size="sm" id="edit-heading" ref={headingRef} tabIndex={-1}>
        {t('campaigns.edit.title')}
      </Heading>
      {campaign.status === 'draft' ? (
        <CampaignForm
          initial={initial}
          submitLabel={t('campaigns.edit.save')}
          cancel={cancel}
          onSave={async (values) => {
            const body = draftPatch(campaign, values);
            onSaved(Object.keys(body).length > 0 ? await patch(body) : campaign);
          }}
        />
      ) : (
        <PublishedForm campaign={campaign} patch={patch} onSaved={onSaved} cancel={cancel} />
      )}
    </section>
  );
}

function PublishedForm({
  campaign,
  patch,
  onSaved,
  cancel,
}: {
  campaign: Campaign;
  patch: (body: object) => Promise<Campaign>;
  onSaved: (campaign: Campaign) => void;
  cancel: ReactNode;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<PublishedValues>({ name: campaign.name, closes: isoDay(new Date(campaign.closesAt)) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = checkPublished(campaign, values);
    setErrors(Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key as never)])));
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const body = publishedPatch(campaign, values);
    if (Object.keys(body).length === 0) {
      onSaved(campaign);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await patch(body));
    } catch (err) {
      const apiError = asApiError(err);
      const fields = serverFieldKeys(apiError);
      setErrors(Object.fromEntries(Object.entries(fields).map(([field, m]) => [field, 'key' in m ? t(m.key as never) : m.text])));
      setError(apiError);
      if (Object.keys(fields).length > 0) focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} noValidate onSubmit={(e) => void submit(e)} className="form">
      <Alert data-color="info">
        <Paragraph>{t('campaigns.edit.publishedHelp')}</Paragraph>
      </Alert>
      {error ? <ErrorAlert error={error} /> : null}
      <Textfield
        label={t('campaigns.fields.name')}
        value={values.name}
        error={errors.name}
        onChange={(e) => {
          const name = e.target.value;
          setValues((v) => ({ ...v, name }));
        }}
      />
      <Textfield
        type="date"
        label={t('campaigns.fields.closesAt')}
        description={t('campaigns.edit.closesHelp')}
        min={isoDay(new Date())}
        value={values.closes}
        error={errors.closesAt}
        onChange={(e) => {
          const closes = e.target.value;
          setValues((v) => ({ ...v, closes }));
        }}
      />
      <div className="button-row">
        <Button type="submit" loading={busy} disabled={busy}>
          {t('campaigns.edit.save')}
        </Button>
        {cancel}
      </div>
    </form>
  );
}
