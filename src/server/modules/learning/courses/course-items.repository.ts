import type { TenantTx } from '../../../db/tenant.js';

/** The learning item behind a course: only items of kind 'course' are courses. */
export async function findCourseItem(tx: TenantTx, municipalityId: string, itemId: string) {
  return tx
    .selectFrom('learning_items')
    .select(['id', 'municipality_id', 'owner_network_id', 'status', 'titles', 'languages', 'certificate_enabled'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', itemId)
    .where('kind', '=', 'course')
    .executeTakeFirst();
}
export type CourseItem = NonNullable<Awaited<ReturnType<typeof findCourseItem>>>;

/** The item's title in a language, else in the first language it has one in. */
export function titleIn(item: Pick<CourseItem, 'titles' | 'languages'>, language: string): string {
  return item.titles[language] ?? item.languages.map((l) => item.titles[l]).find(Boolean) ?? Object.values(item.titles)[0] ?? '';
}
