import { Alert, Button, Checkbox, Fieldset, Link, Paragraph, Radio, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { z } from 'zod';
import { CAMPAIGN_INSTRUMENTS, campaignSchema, type CampaignInstrument, type CampaignMode, type CampaignStatus } from '../../../shared/api/mapping';
import { frameworkSummary } from '../../../shared/api/frameworks';
import { unitSchema } from '../../../shared/api/tenancy';
import { type Language, PROFESSIONS, type Profession } from '../../../shared/domain';
import { api, type ApiError } from '../../api/client';
import { asApiError, useApi } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { useMunicipality } from '../../app/municipality';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { localize } from '../../i18n/localize';
import { Page } from '../../components/Page';
import { SelectField } from '../../components/SelectField';
import { EmptyState } from '../../components/States';
import { TableScroll } from '../../components/TableScroll';

const campaignList = z.array(campaignSchema);
const unitList = z.array(unitSchema);
const frameworkList = z.array(frameworkSummary);

export function StatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  const color = status === 'open' ? 'success' : status === 'scheduled' ? 'info' : status === 'draft' ? 'warning' : 'neutral';
  return <Tag data-color={color}>{t(`assessment.status.${status}`)}</Tag>;
}

export function formatDate(iso: string, lang: string): string {
  return new Date(iso).toLocaleDateString(lang);
}

/** Mapping campaigns of the municipality. */
export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const municipality = useCurrentMunicipality();
  const { can } = useMunicipality();
  const { data, error, loading } = useApi(`/municipalities/${municipality.id}/campaigns`, campaignList);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return (
    <Page
      title={t('campaigns.title')}
      lead={<Paragraph>{t('campaigns.lead')}</Paragraph>}
      actions={
        can.manageCampaigns ? (
          <Button asChild>
            <RouterLink to="/campaigns/new">{t('campaigns.new')}</RouterLink>
          </Button>
        ) : null
      }
    >
      {error ? <ErrorAlert error={error} title={t('states.loadFailed')} /> : null}
      {loading ? <Loading /> : null}
      {data && data.length === 0 ? <EmptyState>{t('campaigns.empty')}</EmptyState> : null}
      {data && data.length > 0 ? (
        <TableScroll label={t('campaigns.title')}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('campaigns.fields.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('campaigns.fields.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('campaigns.fields.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('campaigns.fields.mode')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/campaigns/${c.id}`}>{c.name}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <StatusTag status={c.status} />
                  </Table.Cell>
                  <Table.Cell>
                    {formatDate(c.opensAt, lang)} – {formatDate(c.closesAt, lang)}
                  </Table.Cell>
                  <Table.Cell>{t(`campaigns.modes.${c.mode}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
    </Page>
  );
}

function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Create a draft campaign. */
export function NewCampaignPage() {
  const { t, i18n } = useTranslation();
  const municipality = useCurrentMunicipality();
  const navigate = useNavigate();
  const frameworks = useApi('/frameworks', frameworkList);
  const units = useApi(`/municipalities/${municipality.id}/units`, unitList);
  const [name, setName] = useState('');
  const [versionId, setVersionId] = useState('');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [professions, setProfessions] = useState<Profession[]>([]);
  const [opens, setOpens] = useState(isoDay(new Date()));
  const [closes, setCloses] = useState(isoDay(new Date(Date.now() + 14 * 86_400_000)));
  const [mode, setMode] = useState<CampaignMode>('identified');
  const [instruments, setInstruments] = useState<CampaignInstrument[]>(['self_assessment']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const lang = i18n.resolvedLanguage ?? i18n.language;

  const versions = (frameworks.data ?? []).flatMap((f) => f.versions.map((v) => ({ id: v.id, label: `${localize(f.name, lang as Language) || f.key} ${v.version}` })));
  const chosenVersion = versionId || versions[0]?.id || '';

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = t('campaigns.errors.name');
    if (!chosenVersion) next.frameworkVersionId = t('campaigns.errors.version');
    if (!opens || !closes || closes < opens) next.closesAt = t('campaigns.errors.dates');
    if (instruments.length === 0) next.instruments = t('campaigns.errors.instruments');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const created = await api(`/municipalities/${municipality.id}/campaigns`, campaignSchema, {
        method: 'POST',
        body: {
          name: name.trim(),
          frameworkVersionId: chosenVersion,
          unitIds,
          professions,
          opensAt: new Date(`${opens}T00:00:00`).toISOString(),
          closesAt: new Date(`${closes}T23:59:00`).toISOString(),
          mode,
          instruments,
        },
      });
      navigate(`/campaigns/${created.id}`);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };

  if (frameworks.loading || units.loading) return <Loading />;
  return (
    <Page title={t('campaigns.newTitle')} width="narrow">
      {error ? <ErrorAlert error={error} /> : null}
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        <Textfield label={t('campaigns.fields.name')} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
        <SelectField label={t('campaigns.fields.framework')} value={chosenVersion} error={errors.frameworkVersionId} onChange={(e) => setVersionId(e.target.value)}>
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </SelectField>
        <Paragraph data-size="sm">{t('campaigns.allCompetences')}</Paragraph>
        <Fieldset>
          <Fieldset.Legend>{t('campaigns.fields.units')}</Fieldset.Legend>
          <Fieldset.Description>{t('campaigns.fields.unitsHelp')}</Fieldset.Description>
          {(units.data ?? []).map((u) => (
            <Checkbox
              key={u.id}
              label={u.name}
              value={u.id}
              checked={unitIds.includes(u.id)}
              onChange={(e) => setUnitIds(e.target.checked ? [...unitIds, u.id] : unitIds.filter((id) => id !== u.id))}
            />
          ))}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('campaigns.fields.professions')}</Fieldset.Legend>
          <Fieldset.Description>{t('campaigns.fields.professionsHelp')}</Fieldset.Description>
          {PROFESSIONS.map((p) => (
            <Checkbox
              key={p}
              label={t(`professions.${p}`)}
              value={p}
              checked={professions.includes(p)}
              onChange={(e) => setProfessions(e.target.checked ? [...professions, p] : professions.filter((x) => x !== p))}
            />
          ))}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('campaigns.fields.instruments')}</Fieldset.Legend>
          <Fieldset.Description>{t('campaigns.fields.instrumentsHelp')}</Fieldset.Description>
          {CAMPAIGN_INSTRUMENTS.map((i) => (
            <Checkbox
              key={i}
              name="instruments"
              value={i}
              checked={instruments.includes(i)}
              aria-invalid={errors.instruments ? true : undefined}
              onChange={(e) => {
                // In the fixed order, whatever the order of clicks.
                const next = e.target.checked ? [...instruments, i] : instruments.filter((x) => x !== i);
                setInstruments(CAMPAIGN_INSTRUMENTS.filter((x) => next.includes(x)));
                if (next.length > 0) setErrors(({ instruments: _, ...rest }) => rest);
              }}
              label={t(`campaigns.instruments.${i}`)}
              description={t(`campaigns.instrumentHelp.${i}`)}
            />
          ))}
          {errors.instruments ? <ValidationMessage>{errors.instruments}</ValidationMessage> : null}
        </Fieldset>
        <Textfield type="date" label={t('campaigns.fields.opensAt')} value={opens} onChange={(e) => setOpens(e.target.value)} />
        <Textfield type="date" label={t('campaigns.fields.closesAt')} value={closes} error={errors.closesAt} onChange={(e) => setCloses(e.target.value)} />
        <Fieldset>
          <Fieldset.Legend>{t('campaigns.fields.mode')}</Fieldset.Legend>
          {(['identified', 'anonymous'] as const).map((m) => (
            <Radio
              key={m}
              name="mode"
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
              label={t(`campaigns.modes.${m}`)}
              description={t(`campaigns.modeHelp.${m}`)}
            />
          ))}
        </Fieldset>
        {mode === 'anonymous' ? (
          <Alert data-color="info">
            <Paragraph>{t('campaigns.anonymousExplained')}</Paragraph>
          </Alert>
        ) : null}
        <div className="button-row">
          <Button type="submit" loading={busy} disabled={busy}>
            {t('campaigns.create')}
          </Button>
          <Button variant="secondary" asChild>
            <RouterLink to="/campaigns">{t('common.cancel')}</RouterLink>
          </Button>
        </div>
      </form>
    </Page>
  );
}
