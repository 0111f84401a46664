import type { Cmi5Course } from '../../../shared/api/cmi5.js';
import type { TenantTx } from '../../db/tenant.js';
import { courseActivityIds, courseOf, firstText, type Course } from './cmi5.course.js';
import { findVersionStructure } from './cmi5.repository.js';

// Courses as the LMS side uses them, read from a package version's stored
// course structure. A version never changes, so its Course (and the set of
// activity ids a session token may address) is kept once computed.

const MAX_CACHED = 500;
const courses = new Map<string, { course: Course; activityIds: Set<string> }>();

async function cached(tx: TenantTx, publicUrl: string, municipalityId: string, packageId: string, versionId: string) {
  const key = `${publicUrl} ${municipalityId} ${versionId}`;
  const hit = courses.get(key);
  if (hit) return hit;
  const structure = await findVersionStructure(tx, municipalityId, versionId);
  if (!structure) return null;
  const course = courseOf(publicUrl, packageId, structure);
  const entry = { course, activityIds: courseActivityIds(course) };
  if (courses.size >= MAX_CACHED) courses.clear();
  courses.set(key, entry);
  return entry;
}

/** The course of a package version; null when the version is gone (or is not cmi5). */
export async function loadCourse(tx: TenantTx, publicUrl: string, municipalityId: string, packageId: string, versionId: string): Promise<Course | null> {
  return (await cached(tx, publicUrl, municipalityId, packageId, versionId))?.course ?? null;
}

/** Every activity id (generated and publisher) of the version's course, block and AUs. */
export async function loadCourseActivityIds(tx: TenantTx, publicUrl: string, municipalityId: string, packageId: string, versionId: string): Promise<Set<string>> {
  return (await cached(tx, publicUrl, municipalityId, packageId, versionId))?.activityIds ?? new Set();
}

export function presentCourse(course: Course, v: { versionId: string; version: number; title: string }): Cmi5Course {
  return {
    courseId: course.packageId,
    packageId: course.packageId,
    packageVersionId: v.versionId,
    version: v.version,
    title: v.title,
    publisherId: course.publisherId,
    activityId: course.activityId,
    aus: course.aus.map((au) => ({
      index: au.index,
      publisherId: au.id,
      activityId: au.activityId,
      title: firstText(au.title) || au.id,
      moveOn: au.moveOn,
      masteryScore: au.masteryScore ?? null,
      launchMethod: au.launchMethod,
      url: au.url,
      external: au.launch.external,
    })),
    blocks: course.blocks.map((b) => ({
      publisherId: b.id,
      activityId: b.activityId,
      title: firstText(b.title) || b.id,
      auIndexes: course.aus.filter((au) => b.auIds.includes(au.id)).map((au) => au.index),
    })),
  };
}
