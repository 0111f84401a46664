import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

// Rows of the benchmark pool written directly (as the results snapshot would),
// for tests and the isolation matrix.

let n = 0;

/** A framework of its own, so that a test's contributions meet no one else's. */
export async function newFramework(db: Kysely<DB>, name = 'Benchmark test framework'): Promise<string> {
  const key = `bench-${Date.now().toString(36)}-${++n}`;
  const row = await db.insertInto('frameworks').values({ key, name: JSON.stringify({ en: name, nb: name }) }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * One municipality's contribution from one campaign: counts per level for
 * competences, per option (in scale order) for survey items. respondents
 * defaults to the largest sum of counts.
 */
export async function contribute(
  db: Kysely<DB>,
  municipalityId: string,
  o: { frameworkId: string; campaignId?: string; closedAt?: Date; competences?: Record<string, number[]>; survey?: Record<string, number[]>; respondents?: number; answered?: Record<string, number> },
): Promise<string> {
  const campaignId = o.campaignId ?? randomUUID();
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const all = [...Object.values(o.competences ?? {}), ...Object.values(o.survey ?? {})];
  const respondents = o.respondents ?? Math.max(0, ...all.map(sum));
  const rows = [
    ...Object.entries(o.competences ?? {}).map(([code, counts]) => ({ kind: 'competence', code, counts })),
    ...Object.entries(o.survey ?? {}).map(([code, counts]) => ({ kind: 'survey_item', code, counts })),
  ].map((r) => ({
    municipality_id: municipalityId,
    campaign_id: campaignId,
    framework_id: o.frameworkId,
    kind: r.kind,
    code: r.code,
    respondents,
    answered: o.answered?.[r.code] ?? sum(r.counts),
    counts: r.counts,
    closed_at: o.closedAt ?? new Date(),
  }));
  if (rows.length > 0) await db.insertInto('benchmark_contributions').values(rows).execute();
  return campaignId;
}
