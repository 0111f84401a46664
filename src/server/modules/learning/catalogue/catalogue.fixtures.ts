import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LearningItemKind } from '../../../../shared/api/learning.js';
import type { DB } from '../../../db/schema.js';

// Learning items and packages written directly (as the owner, around the
// API), for the catalogue's tests and its isolation matrix entries: each call
// makes fresh objects.

export type ItemSpec = {
  kind?: LearningItemKind;
  status?: 'draft' | 'published' | 'archived';
  titles?: Record<string, string>;
  descriptions?: Record<string, string>;
  languages?: string[];
  durationMinutes?: number | null;
  ownerNetworkId?: string | null;
  frameworkVersionId?: string | null;
  competences?: { code: string; level: number | null }[];
  packageId?: string | null;
  certificateEnabled?: boolean;
};

/** The field each kind needs, filled with a plausible value. */
function kindFields(kind: LearningItemKind, packageId: string | null | undefined) {
  return {
    package_id: kind === 'scorm' || kind === 'cmi5' ? (packageId ?? null) : null,
    url: kind === 'video' ? 'https://media.example/film.mp4' : kind === 'link' ? 'https://learning.example/course' : null,
    xapi_activity_id: kind === 'xapi' ? `https://activities.example/${randomUUID()}` : null,
  };
}

export async function insertCatalogueItem(db: Kysely<DB>, municipalityId: string, o: ItemSpec = {}): Promise<{ id: string }> {
  const kind = o.kind ?? 'link';
  const { id } = await db
    .insertInto('learning_items')
    .values({
      municipality_id: municipalityId,
      kind,
      status: o.status ?? 'published',
      owner_network_id: o.ownerNetworkId ?? null,
      titles: JSON.stringify(o.titles ?? { nb: `Kurs ${randomUUID().slice(0, 8)}` }),
      descriptions: JSON.stringify(o.descriptions ?? {}),
      languages: o.languages ?? ['nb'],
      duration_minutes: o.durationMinutes === undefined ? 30 : o.durationMinutes,
      framework_version_id: o.frameworkVersionId ?? null,
      certificate_enabled: o.certificateEnabled ?? false,
      ...kindFields(kind, o.packageId),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.competences?.length) {
    await db
      .insertInto('learning_item_competences')
      .values(o.competences.map((c) => ({ municipality_id: municipalityId, item_id: id, competence_code: c.code, level: c.level })))
      .execute();
  }
  return { id };
}

/** A package row of a family (rows only: the catalogue reads no files). */
export async function insertPackage(db: Kysely<DB>, municipalityId: string, family: 'scorm' | 'cmi5'): Promise<string> {
  const { id } = await db
    .insertInto('packages')
    .values({ municipality_id: municipalityId, family, identifier: `catalogue.test.${randomUUID()}`, title: `Package ${family}`, latest_version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
