import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../http/context.js';
import { recordPlatformAudit, type Actor } from '../audit/audit.repository.js';
import { parseMunicipalityRegistry, RegistryParseError } from './registry.parse.js';
import { registryPolicy } from './registry.policy.js';

/** Loads the official municipality list of a country: all rows or, on any bad row, none. */
export async function importRegistryFile(db: Kysely<DB>, actor: Actor, fileName: string, data: Buffer) {
  let parsed;
  try {
    parsed = parseMunicipalityRegistry(fileName, data);
  } catch (err) {
    if (err instanceof RegistryParseError) throw new AppError('IMPORT_INVALID', err.message, { fileErrors: [{ code: err.code, message: err.message }] });
    throw err;
  }
  if (parsed.errors.length > 0) {
    throw new AppError('IMPORT_INVALID', 'The file has errors; nothing was imported.', { errors: parsed.errors });
  }
  return db.transaction().execute(async (tx) => {
    let inserted = 0;
    let updated = 0;
    for (const e of parsed.entries) {
      const row = await tx
        .insertInto('municipality_registry')
        .values({ ...e, source: parsed.source })
        .onConflict((oc) => oc.columns(['country', 'code']).doUpdateSet({ name: e.name, population: e.population, region: e.region, source: parsed.source, imported_at: new Date() }))
        .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
        .executeTakeFirstOrThrow();
      if (row.inserted) inserted++;
      else updated++;
    }
    await recordPlatformAudit(tx, null, actor, { action: 'registry.import', entityType: 'municipality_registry', entityId: fileName, after: { inserted, updated, source: parsed.source, licence: parsed.licence } });
    return { inserted, updated, errors: [] };
  });
}

/** The registry is shared reference data for the whole platform. */
export function assertCanManageRegistry(ctx: RequestContext): void {
  if (!registryPolicy.import(requirePrincipal(ctx))) throw AppError.forbidden();
}

export async function importRegistry(ctx: RequestContext, fileName: string, data: Buffer) {
  assertCanManageRegistry(ctx);
  return importRegistryFile(ctx.db, actorOf(ctx), fileName, data);
}

export async function searchRegistry(ctx: RequestContext, q: { country?: string; q?: string }) {
  if (!registryPolicy.read(requirePrincipal(ctx))) throw AppError.forbidden();
  let query = ctx.db.selectFrom('municipality_registry').select(['country', 'code', 'name', 'population', 'region']).orderBy('country').orderBy('code').limit(100);
  if (q.country) query = query.where('country', '=', q.country);
  if (q.q) query = query.where((eb) => eb.or([eb(sql`lower(name)`, 'like', `%${q.q!.toLowerCase()}%`), eb('code', '=', q.q!)]));
  return (await query.execute()).map((r) => ({ ...r, country: r.country as 'NO' | 'SE' | 'DK' }));
}
