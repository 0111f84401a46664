import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { okResponse } from '../../../shared/api/common';
import type { FrameworkVersionDetail } from '../../../shared/api/frameworks';
import { type RoleProfile, roleProfileSchema, updateRoleProfileBody } from '../../../shared/api/role-profiles';
import { api, type ApiError } from '../../api/client';
import { asApiError, useApi } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { useMunicipality } from '../../app/municipality';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { LoadErrorPage, NotFoundPage } from '../../components/States';
import { SuccessMessage } from '../../components/StatusMessage';
import { type FieldErrors, focusFirstInvalid, serverFieldErrors, zodFieldErrors } from '../../components/validation';
import { useLocalize } from '../../i18n/localize';
import { UUID, useFrameworkVersion } from '../frameworks/frameworkApi';
import type { Unit } from '../../../shared/api/tenancy';
import { flattenTree, type UnitNode } from '../units/tree';
import { useUnits } from '../units/useUnits';
import { CopyProfileDialog } from './CopyProfileDialog';
import { BackToProfiles, type ProfileNotice } from './NewRoleProfilePages';
import { ProfileDetailsFields } from './ProfileDetailsFields';
import { RequirementList } from './RequirementList';
import { profilePath } from './roleProfileApi';
import { type DetailsValues, detailsBody, detailsOf, levelMap, type LevelMap, requirementsFrom, sameDetails, sameLevels, withLevel } from './requirements';
import { useNotice } from './useNotice';

export function RoleProfilePage() {
  const { profileId = '' } = useParams();
  if (!UUID.test(profileId)) return <NotFoundPage />;
  // A copy opens at its own address: start afresh for each profile.
  return <RoleProfileLoader key={profileId} profileId={profileId} />;
}

function RoleProfileLoader({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const { text } = useLocalize();
  const municipality = useCurrentMunicipality();
  const { can } = useMunicipality();
  const navigate = useNavigate();
  const path = profilePath(municipality.id, profileId);
  const notice = useNotice<ProfileNotice>();
  const { data: profile, error: loadError, setData: setProfile } = useApi(path, roleProfileSchema);
  const version = useFrameworkVersion(profile?.frameworkVersionId ?? null);
  const units = useUnits(municipality.id);
  const unitOptions = useMemo(() => flattenTree(units.tree), [units.tree]);
  const [copying, setCopying] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<ApiError | undefined>();
  const [deleting, setDeleting] = useState(false);

  const fallbackTitle = t('roleProfiles.editor.loadingTitle');
  const error = loadError ?? version.error;
  if (error) return <LoadErrorPage error={error} title={fallbackTitle} />;
  if (!profile || !version.data || (units.loading && !units.data)) {
    return (
      <Page title={fallbackTitle}>
        <Loading />
      </Page>
    );
  }
  const v = version.data;
  const manage = can.manageRoleProfiles;

  const remove = async () => {
    setDeleting(true);
    setDeleteError(undefined);
    try {
      await api(path, okResponse, { method: 'DELETE' });
      void navigate('/role-profiles', { replace: true, state: { deleted: profile.name } });
    } catch (err) {
      setDeleteError(asApiError(err));
      setDeleting(false);
    }
  };

  return (
    <Page
      title={profile.name}
      lead={
        <div className="lead-stack">
          <BackToProfiles />
          <Paragraph>
            {t('roleProfiles.fields.framework')}:{' '}
            <Link asChild>
              <RouterLink to={`/frameworks/${v.id}`}>{t('roleProfiles.frameworkVersion', { name: text(v.name) || v.key, version: v.version })}</RouterLink>
            </Link>
          </Paragraph>
        </div>
      }
      actions={
        manage ? (
          <div className="button-row">
            <Button variant="secondary" onClick={() => setCopying(true)}>
              {t('roleProfiles.copy.button')}
            </Button>
            <Button variant="secondary" data-color="danger" onClick={() => setConfirming(true)}>
              {t('roleProfiles.delete.button')}
            </Button>
          </div>
        ) : null
      }
    >
      <SuccessMessage>
        {notice?.notice === 'created' ? t('roleProfiles.created') : notice?.notice === 'copied' ? t('roleProfiles.copied') : null}
      </SuccessMessage>
      {manage ? (
        <RoleProfileEditor profile={profile} version={v} units={unitOptions} path={path} onSaved={setProfile} />
      ) : (
        <RoleProfileView profile={profile} version={v} unitsById={units.byId} />
      )}
      {manage ? (
        <>
          <CopyProfileDialog
            open={copying}
            profile={profile}
            municipalityId={municipality.id}
            onClose={() => setCopying(false)}
            onCopied={(copy) => {
              const state: ProfileNotice = { notice: 'copied' };
              void navigate(`/role-profiles/${copy.id}`, { state });
            }}
          />
          <ConfirmDialog
            open={confirming}
            title={t('roleProfiles.delete.title', { name: profile.name })}
            confirmLabel={t('roleProfiles.delete.confirm')}
            busy={deleting}
            onConfirm={() => void remove()}
            onClose={() => {
              setConfirming(false);
              setDeleteError(undefined);
            }}
          >
            <>
              {deleteError ? <ErrorAlert error={deleteError} /> : null}
              <Paragraph>{t('roleProfiles.delete.text')}</Paragraph>
            </>
          </ConfirmDialog>
        </>
      ) : null}
    </Page>
  );
}

type EditorProps = {
  profile: RoleProfile;
  version: FrameworkVersionDetail;
  units: UnitNode[];
  path: string;
  onSaved: (profile: RoleProfile) => void;
};

function RoleProfileEditor({ profile, version, units, path, onSaved }: EditorProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const savedDetails = useMemo(() => detailsOf(profile), [profile]);
  const savedLevels = useMemo(() => levelMap(profile.requirements), [profile]);
  const [values, setValues] = useState<DetailsValues>(savedDetails);
  const [levels, setLevels] = useState<LevelMap>(savedLevels);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const order = useMemo(() => version.competences.map((c) => c.code), [version.competences]);
  const dirty = !sameDetails(values, savedDetails) || !sameLevels(levels, savedLevels);
  const required = Object.keys(levels).length;

  // Warn before leaving the page with unsaved changes.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = updateRoleProfileBody.safeParse({ ...detailsBody(values), requirements: requirementsFrom(levels, order) });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setError(undefined);
    setJustSaved(false);
    setBusy(true);
    try {
      const saved = await api(path, roleProfileSchema, { method: 'PATCH', body: { ...parsed.data, expectedUpdatedAt: profile.updatedAt } });
      setValues(detailsOf(saved));
      setLevels(levelMap(saved.requirements));
      onSaved(saved);
      setJustSaved(true);
    } catch (err) {
      const apiError = asApiError(err);
      setErrors(serverFieldErrors(apiError));
      setError(apiError);
      focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  };

  const status = busy ? t('roleProfiles.editor.saving') : dirty ? t('roleProfiles.editor.unsaved') : justSaved ? t('roleProfiles.editor.saved') : '';

  return (
    <form ref={formRef} className="profile-editor" onSubmit={(e) => void submit(e)} noValidate>
      {error ? <ErrorAlert error={error} message={error.code === 'CONFLICT' ? t('roleProfiles.editor.staleConflict') : undefined} /> : null}
      <section aria-labelledby="profile-details-heading" className="section">
        <Heading level={2} data-size="sm" id="profile-details-heading">
          {t('roleProfiles.editor.details')}
        </Heading>
        <ProfileDetailsFields
          values={values}
          errors={errors}
          units={units}
          onChange={(key, value) => {
            setJustSaved(false);
            setValues((prev) => ({ ...prev, [key]: value }));
          }}
        />
      </section>
      <section aria-labelledby="profile-requirements-heading" className="section">
        <Heading level={2} data-size="sm" id="profile-requirements-heading">
          {t('roleProfiles.editor.requirements')}
        </Heading>
        <Paragraph>{t('roleProfiles.editor.requirementsLead')}</Paragraph>
        <Paragraph data-size="sm" data-testid="requirement-summary">
          {t('roleProfiles.editor.summary', { count: required, total: version.competences.length })}
        </Paragraph>
        <RequirementList
          version={version}
          levels={levels}
          onChange={(code, level) => {
            setJustSaved(false);
            setLevels((prev) => withLevel(prev, code, level));
          }}
        />
      </section>
      <div className="save-bar" data-dirty={dirty}>
        <Button type="submit" loading={busy} disabled={busy}>
          {t('common.save')}
        </Button>
        <span role="status" aria-live="polite" className="save-bar__status" data-testid="save-status">
          {status}
        </span>
      </div>
    </form>
  );
}

function RoleProfileView({ profile, version, unitsById }: { profile: RoleProfile; version: FrameworkVersionDetail; unitsById: Map<string, Unit> }) {
  const { t } = useTranslation();
  const levels = useMemo(() => levelMap(profile.requirements), [profile]);
  const facts: [string, string][] = [
    [t('roleProfiles.fields.profession'), profile.profession ? t(`professions.${profile.profession}`) : t('roleProfiles.allProfessions')],
    [t('roleProfiles.fields.unit'), profile.unitId ? (unitsById.get(profile.unitId)?.name ?? '…') : t('roleProfiles.allUnits')],
    [t('roleProfiles.fields.requirements'), String(profile.requirements.length)],
  ];
  return (
    <>
      <section aria-labelledby="profile-details-heading" className="section">
        <Heading level={2} data-size="sm" id="profile-details-heading">
          {t('roleProfiles.editor.details')}
        </Heading>
        <dl className="facts facts--grid">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {profile.description ? <Paragraph>{profile.description}</Paragraph> : null}
      </section>
      <section aria-labelledby="profile-requirements-heading" className="section">
        <Heading level={2} data-size="sm" id="profile-requirements-heading">
          {t('roleProfiles.editor.requirements')}
        </Heading>
        <Paragraph data-size="sm" data-testid="requirement-summary">
          {t('roleProfiles.editor.summary', { count: profile.requirements.length, total: version.competences.length })}
        </Paragraph>
        <RequirementList version={version} levels={levels} />
      </section>
    </>
  );
}
