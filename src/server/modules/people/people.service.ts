import type { z } from 'zod';
import type { createPersonBody, listPeopleQuery, Person, updatePersonBody } from '../../../shared/api/people.js';
import { withTenant, type TenantTx } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../http/context.js';
import { assertMunicipalityVisible } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';
import { recordAudit } from '../audit/audit.repository.js';
import { unitSubtreeIds } from '../tenancy/tenancy.repository.js';
import { peoplePolicy } from './people.policy.js';
import * as repo from './people.repository.js';

type PersonInput = z.infer<typeof createPersonBody>;

export function presentPerson(r: NonNullable<Awaited<ReturnType<typeof repo.findPerson>>>): Person {
  return {
    id: r.id,
    municipalityId: r.municipality_id,
    employeeNumber: r.employee_number,
    givenName: r.given_name,
    familyName: r.family_name,
    email: r.email,
    phone: r.phone,
    profession: r.profession as Person['profession'],
    positionPct: Number(r.position_pct),
    preferredLanguage: r.preferred_language as Person['preferredLanguage'],
    active: r.active,
    unitIds: r.unit_ids ?? [],
    primaryUnitId: r.primary_unit_id ?? null,
    hasAccount: r.user_id !== null,
  };
}

/** Unit ids the principal may read, or null for the whole municipality. Throws when none. */
async function readableUnits(tx: TenantTx, p: Principal, municipalityId: string): Promise<string[] | null> {
  const scope = peoplePolicy.readScope(p, municipalityId);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') throw AppError.forbidden();
  return unitSubtreeIds(tx, municipalityId, scope.rootUnitIds);
}

export async function listPeople(ctx: RequestContext, municipalityId: string, query: z.infer<typeof listPeopleQuery>) {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const allowed = await readableUnits(tx, p, municipalityId);
    let unitIds: string[] | undefined = allowed ?? undefined;
    if (query.unitId) unitIds = allowed && !allowed.includes(query.unitId) ? [] : [query.unitId];
    const { items, total } = await repo.listPeople(tx, municipalityId, { ...query, unitIds });
    return { items: items.map(presentPerson), total, page: query.page, pageSize: query.pageSize };
  });
}

export async function getPerson(ctx: RequestContext, municipalityId: string, personId: string) {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const row = await repo.findPerson(tx, municipalityId, personId);
    if (!row) throw AppError.notFound('Person');
    if (!peoplePolicy.isSelf(p, municipalityId, personId)) {
      const allowed = await readableUnits(tx, p, municipalityId);
      // Outside the leader's units the person is, for them, not there at all.
      if (allowed && !(row.unit_ids ?? []).some((u) => allowed.includes(u))) throw AppError.notFound('Person');
    }
    return presentPerson(row);
  });
}

function assertCanManage(p: Principal, municipalityId: string) {
  assertMunicipalityVisible(p, municipalityId);
  if (!peoplePolicy.manage(p, municipalityId)) throw AppError.forbidden();
}

async function assertUnitsExist(tx: TenantTx, municipalityId: string, unitIds: string[]) {
  const found = await repo.existingUnitIds(tx, municipalityId, unitIds);
  const missing = unitIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw AppError.validation('Some units do not exist.', { field: 'unitIds', missing });
}

async function assertUnique(tx: TenantTx, municipalityId: string, input: { employeeNumber?: string; email?: string | null }, exceptId?: string) {
  if (input.employeeNumber) {
    let q = tx.selectFrom('persons').select('id').where('municipality_id', '=', municipalityId).where('employee_number', '=', input.employeeNumber);
    if (exceptId) q = q.where('id', '!=', exceptId);
    if (await q.executeTakeFirst()) throw AppError.conflict('Another employee already has this employee number.', { field: 'employeeNumber' });
  }
  if (input.email) {
    let q = tx.selectFrom('persons').select('id').where('municipality_id', '=', municipalityId).where((eb) => eb(eb.fn('lower', ['email']), '=', input.email!.toLowerCase()));
    if (exceptId) q = q.where('id', '!=', exceptId);
    if (await q.executeTakeFirst()) throw AppError.conflict('Another employee already has this e-mail address.', { field: 'email' });
  }
}

export async function createPerson(ctx: RequestContext, municipalityId: string, input: PersonInput) {
  const p = requirePrincipal(ctx);
  assertCanManage(p, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    await assertUnitsExist(tx, municipalityId, input.unitIds);
    await assertUnique(tx, municipalityId, input);
    const inserted = await tx
      .insertInto('persons')
      .values({
        municipality_id: municipalityId,
        employee_number: input.employeeNumber,
        given_name: input.givenName,
        family_name: input.familyName,
        email: input.email?.toLowerCase() ?? null,
        phone: input.phone ?? null,
        profession: input.profession,
        position_pct: input.positionPct,
        preferred_language: input.preferredLanguage ?? 'nb',
        active: input.active ?? true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.setPersonUnits(tx, municipalityId, inserted.id, input.unitIds, input.primaryUnitId ?? null);
    const person = presentPerson((await repo.findPerson(tx, municipalityId, inserted.id))!);
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'person.create', entityType: 'person', entityId: person.id, after: person });
    return person;
  });
}

export async function updatePerson(ctx: RequestContext, municipalityId: string, personId: string, input: z.infer<typeof updatePersonBody>) {
  const p = requirePrincipal(ctx);
  assertCanManage(p, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const current = await repo.findPerson(tx, municipalityId, personId);
    if (!current) throw AppError.notFound('Person');
    const before = presentPerson(current);
    if (input.unitIds) await assertUnitsExist(tx, municipalityId, input.unitIds);
    await assertUnique(tx, municipalityId, input, personId);
    const set = {
      ...(input.employeeNumber !== undefined ? { employee_number: input.employeeNumber } : {}),
      ...(input.givenName !== undefined ? { given_name: input.givenName } : {}),
      ...(input.familyName !== undefined ? { family_name: input.familyName } : {}),
      ...(input.email !== undefined ? { email: input.email?.toLowerCase() ?? null } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.profession !== undefined ? { profession: input.profession } : {}),
      ...(input.positionPct !== undefined ? { position_pct: input.positionPct } : {}),
      ...(input.preferredLanguage !== undefined ? { preferred_language: input.preferredLanguage } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    await tx.updateTable('persons').set({ ...set, updated_at: new Date() }).where('municipality_id', '=', municipalityId).where('id', '=', personId).execute();
    if (input.unitIds) await repo.setPersonUnits(tx, municipalityId, personId, input.unitIds, input.primaryUnitId ?? before.primaryUnitId);
    const after = presentPerson((await repo.findPerson(tx, municipalityId, personId))!);
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'person.update', entityType: 'person', entityId: personId, before, after });
    return after;
  });
}

export async function deletePerson(ctx: RequestContext, municipalityId: string, personId: string) {
  const p = requirePrincipal(ctx);
  assertCanManage(p, municipalityId);
  await withTenant(ctx.db, municipalityId, async (tx) => {
    const current = await repo.findPerson(tx, municipalityId, personId);
    if (!current) throw AppError.notFound('Person');
    await tx.deleteFrom('persons').where('municipality_id', '=', municipalityId).where('id', '=', personId).execute();
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'person.delete', entityType: 'person', entityId: personId, before: presentPerson(current) });
  });
}
