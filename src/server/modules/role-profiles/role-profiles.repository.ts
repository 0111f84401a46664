import type { TenantTx } from '../../db/tenant.js';

export async function listProfiles(tx: TenantTx, municipalityId: string) {
  const [profiles, requirements] = await Promise.all([
    tx.selectFrom('role_profiles').selectAll().where('municipality_id', '=', municipalityId).orderBy('name').execute(),
    tx.selectFrom('role_profile_requirements').selectAll().where('municipality_id', '=', municipalityId).orderBy('competence_code').execute(),
  ]);
  return profiles.map((p) => ({ ...p, requirements: requirements.filter((r) => r.profile_id === p.id) }));
}

export async function findProfile(tx: TenantTx, municipalityId: string, profileId: string) {
  const profile = await tx.selectFrom('role_profiles').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', profileId).executeTakeFirst();
  if (!profile) return undefined;
  const requirements = await tx
    .selectFrom('role_profile_requirements')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('profile_id', '=', profileId)
    .orderBy('competence_code')
    .execute();
  return { ...profile, requirements };
}

export async function replaceRequirements(tx: TenantTx, municipalityId: string, profileId: string, requirements: { competenceCode: string; requiredLevel: number }[]) {
  await tx.deleteFrom('role_profile_requirements').where('municipality_id', '=', municipalityId).where('profile_id', '=', profileId).execute();
  if (requirements.length === 0) return;
  await tx
    .insertInto('role_profile_requirements')
    .values(requirements.map((r) => ({ municipality_id: municipalityId, profile_id: profileId, competence_code: r.competenceCode, required_level: r.requiredLevel })))
    .execute();
}

/** Competence codes and the highest level of a framework version, to check requirements against. */
export async function frameworkScale(tx: TenantTx, versionId: string) {
  const [competences, levels] = await Promise.all([
    tx.selectFrom('framework_competences').select('code').where('version_id', '=', versionId).execute(),
    tx.selectFrom('framework_levels').select('level').where('version_id', '=', versionId).execute(),
  ]);
  return { codes: new Set(competences.map((c) => c.code)), maxLevel: Math.max(0, ...levels.map((l) => l.level)), exists: levels.length > 0 };
}
