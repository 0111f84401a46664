import { sql } from 'kysely';
import type { TenantTx } from '../../../db/tenant.js';

// SQL of sessions and registrations. The waiting list has no position column:
// its order is the registration time (registered_at, reset when someone signs
// up again after leaving), with the person id as tie-break, so a position is
// always derived and can never go stale or collide.

export type EventItem = { id: string; municipality_id: string; kind: string; status: 'draft' | 'published' | 'archived'; titles: Record<string, string>; certificate_enabled: boolean };
export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;
export type SessionView = Awaited<ReturnType<typeof sessionViews>>[number];

export function findItem(tx: TenantTx, municipalityId: string, itemId: string): Promise<EventItem | undefined> {
  return tx
    .selectFrom('learning_items')
    .select(['id', 'municipality_id', 'kind', 'status', 'titles', 'certificate_enabled'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

/** One session; with `lock`, its row stays locked until the transaction ends (serialises sign-ups for its seats). */
export function findSession(tx: TenantTx, municipalityId: string, sessionId: string, opts: { lock?: boolean } = {}) {
  const q = tx.selectFrom('learning_sessions').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', sessionId);
  return (opts.lock ? q.forUpdate() : q).executeTakeFirst();
}

const countWhere = (status: 'registered' | 'waitlisted') =>
  sql<number>`(select count(*) from learning_registrations r
    where r.municipality_id = s.municipality_id and r.session_id = s.id and r.status = ${status})`;

/** Sessions with their seat counts and the given person's own sign-up and place in line. */
export function sessionViews(tx: TenantTx, municipalityId: string, filter: { itemId: string } | { sessionId: string }, personId: string | null) {
  let q = tx
    .selectFrom('learning_sessions as s')
    .leftJoin('learning_registrations as me', (j) =>
      j
        .onRef('me.municipality_id', '=', 's.municipality_id')
        .onRef('me.session_id', '=', 's.id')
        // A caller without a person matches no registration.
        .on('me.person_id', '=', personId ?? '00000000-0000-0000-0000-000000000000'),
    )
    .select([
      's.id',
      's.item_id',
      's.starts_at',
      's.ends_at',
      's.location',
      's.online_url',
      's.capacity',
      's.cancelled_at',
      countWhere('registered').as('seats_taken'),
      countWhere('waitlisted').as('waitlist_length'),
      'me.status as my_status',
      'me.attended as my_attended',
      sql<number | null>`case when me.status = 'waitlisted' then (select count(*) from learning_registrations w
        where w.municipality_id = s.municipality_id and w.session_id = s.id and w.status = 'waitlisted'
          and (w.registered_at, w.person_id) <= (me.registered_at, me.person_id)) end`.as('my_position'),
    ])
    .where('s.municipality_id', '=', municipalityId);
  q = 'itemId' in filter ? q.where('s.item_id', '=', filter.itemId) : q.where('s.id', '=', filter.sessionId);
  return q.orderBy('s.starts_at').orderBy('s.id').execute();
}

export function findRegistration(tx: TenantTx, municipalityId: string, sessionId: string, personId: string) {
  return tx
    .selectFrom('learning_registrations')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function countRegistered(tx: TenantTx, municipalityId: string, sessionId: string): Promise<number> {
  const row = await tx
    .selectFrom('learning_registrations')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('session_id', '=', sessionId)
    .where('status', '=', 'registered')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A new sign-up, or a comeback after leaving: either way the person joins the
 * back of any line, so a comeback replaces the cancelled row (registration
 * time is set once per row) rather than reviving its old place.
 */
export async function saveSignUp(tx: TenantTx, municipalityId: string, sessionId: string, personId: string, status: 'registered' | 'waitlisted') {
  await tx
    .deleteFrom('learning_registrations')
    .where('municipality_id', '=', municipalityId)
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId)
    .where('status', '=', 'cancelled')
    .execute();
  // The database's clock at this moment, not the request's start or the
  // transaction's: the caller holds the session lock, so this orders the line
  // exactly as the lock let people in, even when requests started in another order.
  await tx
    .insertInto('learning_registrations')
    .values({ municipality_id: municipalityId, session_id: sessionId, person_id: personId, status, registered_at: sql<Date>`clock_timestamp()` })
    .execute();
}

export async function setStatus(tx: TenantTx, municipalityId: string, sessionId: string, personIds: string[], status: 'registered' | 'cancelled') {
  if (personIds.length === 0) return;
  await tx
    .updateTable('learning_registrations')
    .set({ status })
    .where('municipality_id', '=', municipalityId)
    .where('session_id', '=', sessionId)
    .where('person_id', 'in', personIds)
    .execute();
}

/** The first `limit` people in line (all when limit is null). */
export async function firstWaitlisted(tx: TenantTx, municipalityId: string, sessionId: string, limit: number | null): Promise<string[]> {
  let q = tx
    .selectFrom('learning_registrations')
    .select('person_id')
    .where('municipality_id', '=', municipalityId)
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waitlisted')
    .orderBy('registered_at')
    .orderBy('person_id');
  if (limit !== null) q = q.limit(limit);
  return (await q.execute()).map((r) => r.person_id);
}

/** Everyone who signed up, with names, registered first, then the waiting list in order, then those who left. */
export function registrationsOf(tx: TenantTx, municipalityId: string, sessionId: string) {
  return tx
    .selectFrom('learning_registrations as r')
    .innerJoin('persons as p', (j) => j.onRef('p.municipality_id', '=', 'r.municipality_id').onRef('p.id', '=', 'r.person_id'))
    .select(['r.person_id', 'r.status', 'r.registered_at', 'r.attended', 'r.attendance_marked_at', 'p.given_name', 'p.family_name'])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.session_id', '=', sessionId)
    .orderBy(sql`case r.status when 'registered' then 0 when 'waitlisted' then 1 else 2 end`)
    .orderBy('r.registered_at')
    .orderBy('r.person_id')
    .execute();
}

export async function markAttendance(tx: TenantTx, municipalityId: string, sessionId: string, personIds: string[], attended: boolean, at: Date) {
  if (personIds.length === 0) return;
  await tx
    .updateTable('learning_registrations')
    .set({ attended, attendance_marked_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('session_id', '=', sessionId)
    .where('person_id', 'in', personIds)
    .execute();
}

/** Where to send a person's mail: their work address, else their account's, in their language. */
export function mailRecipients(tx: TenantTx, municipalityId: string, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('persons as p')
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.id', 'p.given_name', 'p.preferred_language', sql<string | null>`coalesce(p.email, u.email)`.as('email')])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.id', 'in', personIds)
    .execute();
}

export async function municipalityCountry(tx: TenantTx, municipalityId: string): Promise<string> {
  const row = await tx.selectFrom('municipalities').select('country').where('id', '=', municipalityId).executeTakeFirst();
  return row?.country ?? 'NO';
}
