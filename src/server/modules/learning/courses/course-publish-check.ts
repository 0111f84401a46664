import type { PublishIssue } from '../../../../shared/api/courses.js';
import { courseContent, type CourseContent } from '../../../../shared/api/learning-content.js';
import type { TenantTx } from '../../../db/tenant.js';
import { findAssets } from './course-authoring.repository.js';

// What publishing checks beyond the draft's shape: the content must be a
// complete course (courseContent), and every image, film and captions file it
// names must be an asset of this very course, of the right kind. Issues carry
// their path in the draft so the editor can show each next to its field.

type AssetUse = { path: (string | number)[]; assetId: string; kind: 'image' | 'video' | 'captions' };

const KIND_PREFIX = { image: 'image/', video: 'video/', captions: 'text/vtt' } as const;
const KIND_NAME = { image: 'an image', video: 'a film', captions: 'a WebVTT captions file' } as const;

export function assetUses(content: CourseContent): AssetUse[] {
  const uses: AssetUse[] = [];
  content.lessons.forEach((lesson, l) =>
    lesson.blocks.forEach((block, b) => {
      const at = ['lessons', l, 'blocks', b];
      if (block.type === 'image') uses.push({ path: [...at, 'assetId'], assetId: block.assetId, kind: 'image' });
      if (block.type === 'video' && block.source.kind === 'asset') uses.push({ path: [...at, 'source', 'assetId'], assetId: block.source.assetId, kind: 'video' });
      if (block.type === 'video' && block.captionsAssetId) uses.push({ path: [...at, 'captionsAssetId'], assetId: block.captionsAssetId, kind: 'captions' });
    }),
  );
  return uses;
}

/** The content to publish, or every reason it cannot be published. */
export async function checkForPublish(tx: TenantTx, municipalityId: string, itemId: string, draft: unknown): Promise<{ content: CourseContent } | { issues: PublishIssue[] }> {
  const parsed = courseContent.safeParse(draft);
  if (!parsed.success) {
    return { issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message })) };
  }
  const uses = assetUses(parsed.data);
  const found = new Map((await findAssets(tx, municipalityId, itemId, [...new Set(uses.map((u) => u.assetId))])).map((a) => [a.id, a.content_type]));
  const issues: PublishIssue[] = [];
  for (const use of uses) {
    const type = found.get(use.assetId);
    if (!type) issues.push({ path: use.path, message: 'this file is not one of the course’s uploaded files; upload it again' });
    else if (!type.startsWith(KIND_PREFIX[use.kind])) issues.push({ path: use.path, message: `this file is not ${KIND_NAME[use.kind]}` });
  }
  return issues.length > 0 ? { issues } : { content: parsed.data };
}
