import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { z } from 'zod';
import {
  campaignProgress,
  campaignSchema,
  invitationCodesResult,
  publishResult,
  remindersResult,
} from '../../../shared/api/mapping';
import { unitSchema } from '../../../shared/api/tenancy';
import { api, type ApiError } from '../../api/client';
import { asApiError, useApi } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { useMunicipality } from '../../app/municipality';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SelectField } from '../../components/SelectField';
import { LoadErrorPage } from '../../components/States';
import { SuccessMessage } from '../../components/StatusMessage';
import { TableScroll } from '../../components/TableScroll';
import { formatDate, StatusTag } from './CampaignsPage';
import { CampaignEditor } from './CampaignEditor';
import { CodeSheet } from './CodeSheet';
import { LeaderSurveyProgress } from './LeaderSurveyProgress';
import './campaigns.css';

type Action = 'publish' | 'close' | 'reminders';
type Codes = z.infer<typeof invitationCodesResult>;
const unitList = z.array(unitSchema);

function Rate({ rate }: { rate: number | null }) {
  if (rate === null) return <span>–</span>;
  const pct = Math.round(rate * 100);
  return (
    <span className="rate">
      <span className="rate__bar" aria-hidden="true">
        <span className="rate__fill" style={{ width: `${pct}%` }} />
      </span>
      <span>{pct} %</span>
    </span>
  );
}

/** One campaign: its settings, actions and response rate per unit (never names). */
export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const municipality = useCurrentMunicipality();
  const { can } = useMunicipality();
  const base = `/municipalities/${municipality.id}/campaigns/${campaignId}`;
  const campaign = useApi(base, campaignSchema);
  const published = campaign.data && campaign.data.status !== 'draft';
  const progress = useApi(published ? `${base}/progress` : null, campaignProgress);
  const units = useApi(published ? `/municipalities/${municipality.id}/units` : null, unitList);
  const [action, setAction] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);
  const [codeUnit, setCodeUnit] = useState('');
  const [codes, setCodes] = useState<Codes | null>(null);
  const [askCodes, setAskCodes] = useState(false);
  const [editing, setEditing] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);

  if (campaign.error) return <LoadErrorPage error={campaign.error} title={t('campaigns.title')} />;
  if (!campaign.data) return <Loading />;
  const c = campaign.data;

  const run = async () => {
    if (!action) return;
    setBusy(true);
    setError(undefined);
    setMessage(null);
    try {
      if (action === 'publish') {
        const r = await api(`${base}/publish`, publishResult, { method: 'POST', body: {} });
        campaign.setData(r.campaign);
        setMessage(t('campaigns.published', { invited: r.invited, emailed: r.emailed }));
      } else if (action === 'close') {
        const r = await api(`${base}/close`, campaignSchema, { method: 'POST', body: {} });
        campaign.setData(r);
        setMessage(t('campaigns.closedNow'));
      } else {
        const r = await api(`${base}/reminders`, remindersResult, { method: 'POST', body: {} });
        setMessage(t('campaigns.remindersSent', { count: r.emailed }));
      }
      progress.reload();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
      setAction(null);
    }
  };

  const makeCodes = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setCodes(await api(`${base}/invitation-codes`, invitationCodesResult, { method: 'POST', body: { unitId: codeUnit || units.data?.[0]?.id } }));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
      setAskCodes(false);
    }
  };

  const reason = (error?.details as { reason?: string } | undefined)?.reason;
  // Identified campaigns: each person's profile, with the leader's rating beside their own.
  const showPeople = c.mode === 'identified' && c.status !== 'draft';

  return (
    <Page title={c.name} lead={<StatusTag status={c.status} />}>
      <dl className="facts facts--grid">
        <dt>{t('campaigns.fields.period')}</dt>
        <dd>
          {formatDate(c.opensAt, lang)} – {formatDate(c.closesAt, lang)}
        </dd>
        <dt>{t('campaigns.fields.mode')}</dt>
        <dd>{t(`campaigns.modes.${c.mode}`)}</dd>
        <dt>{t('campaigns.fields.instruments')}</dt>
        <dd>{c.instruments.map((i) => t(`campaigns.instruments.${i}`)).join(', ')}</dd>
        {c.instruments.includes('self_assessment') ? (
          <>
            <dt>{t('campaigns.fields.competences')}</dt>
            <dd>{c.competenceCodes ? t('campaigns.competences.summarySome', { chosen: c.competenceCodes.length }) : t('campaigns.competences.summaryAll')}</dd>
          </>
        ) : null}
      </dl>
      {can.readResults && (c.status === 'closed' || showPeople) ? (
        <div className="button-row">
          {c.status === 'closed' ? (
            <Button asChild>
              <RouterLink to={`/campaigns/${c.id}/results`}>{t('results.openResults')}</RouterLink>
            </Button>
          ) : null}
          {showPeople ? (
            <Link asChild>
              <RouterLink to={`/campaigns/${c.id}/people`}>{t('competenceProfile.respondents.link')}</RouterLink>
            </Link>
          ) : null}
        </div>
      ) : null}
      <SuccessMessage>{message}</SuccessMessage>
      {error ? <ErrorAlert error={error} message={reason ? t(`campaigns.conflicts.${reason}`, { defaultValue: t(`errors.${error.code}`) }) : undefined} /> : null}
      {can.manageCampaigns ? (
        <div className="button-row">
          {c.status === 'draft' ? <Button onClick={() => setAction('publish')}>{t('campaigns.actions.publish')}</Button> : null}
          {c.status === 'open' ? (
            <Button variant="secondary" onClick={() => setAction('reminders')}>
              {t('campaigns.actions.reminders')}
            </Button>
          ) : null}
          {c.status === 'open' || c.status === 'scheduled' ? (
            <Button variant="secondary" data-color="danger" onClick={() => setAction('close')}>
              {t('campaigns.actions.close')}
            </Button>
          ) : null}
          {c.status !== 'closed' && !editing ? (
            <Button
              ref={editButtonRef}
              variant="secondary"
              onClick={() => {
                setMessage(null);
                setError(undefined);
                setEditing(true);
              }}
            >
              {t('campaigns.edit.button')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {can.manageCampaigns && editing && c.status !== 'closed' ? (
        <CampaignEditor
          key={c.status === 'draft' ? 'draft' : 'published'}
          campaign={c}
          path={base}
          onSaved={(next) => {
            campaign.setData(next);
            setEditing(false);
            setMessage(t('campaigns.edit.saved'));
            requestAnimationFrame(() => editButtonRef.current?.focus());
          }}
          onConflict={(err) => {
            setEditing(false);
            setError(err);
            campaign.reload();
          }}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => editButtonRef.current?.focus());
          }}
        />
      ) : null}
      <ConfirmDialog
        open={action !== null}
        title={action ? t(`campaigns.confirm.${action}Title`) : ''}
        confirmLabel={action ? t(`campaigns.actions.${action}`) : ''}
        danger={action === 'close'}
        busy={busy}
        onConfirm={() => void run()}
        onClose={() => setAction(null)}
      >
        {action ? t(`campaigns.confirm.${action}Text`) : ''}
      </ConfirmDialog>

      {published ? (
        <section aria-labelledby="progress-heading">
          <Heading level={2} data-size="sm" id="progress-heading">
            {t('campaigns.progress.title')}
          </Heading>
          <Paragraph data-size="sm">{t('campaigns.progress.privacy', { k: progress.data?.threshold ?? 5 })}</Paragraph>
          {progress.loading ? <Loading /> : null}
          {progress.error ? <ErrorAlert error={progress.error} /> : null}
          {progress.data ? (
            <TableScroll label={t('campaigns.progress.title')}>
              <Table>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('campaigns.progress.unit')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('campaigns.progress.invited')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('campaigns.progress.submitted')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('campaigns.progress.rate')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {progress.data.rows.map((r, i) => (
                    <Table.Row key={r.unitId ?? `other-${i}`}>
                      <Table.Cell style={{ paddingInlineStart: `${0.5 + r.depth}rem` }}>{r.name ?? t('campaigns.progress.other')}</Table.Cell>
                      <Table.Cell>{r.invited}</Table.Cell>
                      <Table.Cell>{r.submitted ?? '–'}</Table.Cell>
                      <Table.Cell>
                        <Rate rate={r.rate} />
                      </Table.Cell>
                    </Table.Row>
                  ))}
                  {progress.data.total ? (
                    <Table.Row>
                      <Table.HeaderCell>{t('campaigns.progress.total')}</Table.HeaderCell>
                      <Table.Cell>{progress.data.total.invited}</Table.Cell>
                      <Table.Cell>{progress.data.total.submitted ?? '–'}</Table.Cell>
                      <Table.Cell>
                        <Rate rate={progress.data.total.rate} />
                      </Table.Cell>
                    </Table.Row>
                  ) : null}
                </Table.Body>
              </Table>
            </TableScroll>
          ) : null}
          {progress.data ? <LeaderSurveyProgress progress={progress.data} /> : null}
        </section>
      ) : null}

      {published && c.status !== 'closed' && units.data && units.data.length > 0 ? (
        <section aria-labelledby="codes-heading" className="codes-section">
          <Heading level={2} data-size="sm" id="codes-heading">
            {t('campaigns.codes.title')}
          </Heading>
          <Paragraph data-size="sm">{t('campaigns.codes.lead')}</Paragraph>
          <SelectField label={t('campaigns.codes.unit')} value={codeUnit || units.data[0]?.id} onChange={(e) => setCodeUnit(e.target.value)}>
            {units.data.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <div className="button-row">
            <Button variant="secondary" onClick={() => setAskCodes(true)}>
              {t('campaigns.codes.make')}
            </Button>
          </div>
          <ConfirmDialog
            open={askCodes}
            title={t('campaigns.codes.make')}
            confirmLabel={t('campaigns.codes.make')}
            busy={busy}
            onConfirm={() => void makeCodes()}
            onClose={() => setAskCodes(false)}
          >
            {t('campaigns.codes.warning')}
          </ConfirmDialog>
        </section>
      ) : null}

      {/* Closing deletes the codes: the sheet goes with them. */}
      {codes && c.status !== 'closed' ? <CodeSheet codes={codes} formatDate={(iso) => formatDate(iso, lang)} /> : null}
    </Page>
  );
}
