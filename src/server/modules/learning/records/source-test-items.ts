import type { Kysely } from 'kysely';
import type { DB, LearningItemKind } from '../../../db/schema.js';

// Test plumbing for the source hooks and reports: a catalogue item written
// straight into the table (the catalogue's own API is another slice's), so a
// test can say "this package / activity is an item" in one line.

export async function insertTestItem(
  db: Kysely<DB>,
  municipalityId: string,
  kind: LearningItemKind,
  o: { packageId?: string; activityId?: string; url?: string; status?: 'draft' | 'published' | 'archived'; title?: string; certificateEnabled?: boolean } = {},
) {
  return db
    .insertInto('learning_items')
    .values({
      municipality_id: municipalityId,
      kind,
      status: o.status ?? 'published',
      titles: JSON.stringify({ nb: o.title ?? `Kurs ${kind}`, en: o.title ?? `Course ${kind}` }),
      languages: ['nb', 'en'],
      package_id: o.packageId ?? null,
      url: o.url ?? (kind === 'video' || kind === 'link' ? 'https://example.org/learn' : null),
      xapi_activity_id: o.activityId ?? null,
      certificate_enabled: o.certificateEnabled ?? false,
    })
    .returning(['id', 'municipality_id'])
    .executeTakeFirstOrThrow();
}
