import type { Cmi5Au, Cmi5CourseStructure, Cmi5MoveOn, Cmi5Node, Cmi5Text } from '../packages/manifest/cmi5.types.js';
import { packageActivityId } from '../packages/activity-ids.js';

// A course structure (the parsed cmi5.xml a package version keeps) seen the
// way the LMS uses it: AUs by index, the blocks around them, the activity ids
// the LMS generates, and which blocks and the course are satisfied once their
// AUs are. Pure functions: no database, no clock.

/**
 * cmi5 8.1 and 9.3.9: the LMS generates the activity ids of the course, its
 * blocks and AUs, and they must differ from the publisher's ids in cmi5.xml.
 * They hang off the package, not the version, so an AU keeps its activity id
 * across uploads and registrations (8.1.5 "SHOULD use the same … for all registrations").
 */
export const courseActivityId = (publicUrl: string, packageId: string) => `${packageActivityId(publicUrl, packageId)}/cmi5-course`;
export const blockActivityId = (publicUrl: string, packageId: string, blockId: string) =>
  `${packageActivityId(publicUrl, packageId)}/cmi5-block/${encodeURIComponent(blockId)}`;
export const auActivityId = (publicUrl: string, packageId: string, auId: string) => `${packageActivityId(publicUrl, packageId)}/cmi5-au/${encodeURIComponent(auId)}`;

export type CourseAu = Cmi5Au & { index: number; activityId: string; blockIds: string[] };
export type CourseBlock = { id: string; activityId: string; title: Cmi5Text; auIds: string[]; depth: number };

export type Course = {
  packageId: string;
  publisherId: string;
  activityId: string;
  title: Cmi5Text;
  aus: CourseAu[];
  /** Deepest blocks first, so an inner block is satisfied before the block around it. */
  blocks: CourseBlock[];
};

export function courseOf(publicUrl: string, packageId: string, structure: Cmi5CourseStructure): Course {
  const aus: CourseAu[] = [];
  const blocks: CourseBlock[] = [];
  const walk = (nodes: Cmi5Node[], path: CourseBlock[]) => {
    for (const node of nodes) {
      if (node.kind === 'au') {
        aus.push({ ...node, index: aus.length, activityId: auActivityId(publicUrl, packageId, node.id), blockIds: path.map((b) => b.id) });
        for (const b of path) b.auIds.push(node.id);
        continue;
      }
      const block: CourseBlock = { id: node.id, activityId: blockActivityId(publicUrl, packageId, node.id), title: node.title, auIds: [], depth: path.length };
      blocks.push(block);
      walk(node.children, [...path, block]);
    }
  };
  walk(structure.children, []);
  blocks.sort((a, b) => b.depth - a.depth);
  return { packageId, publisherId: structure.course.id, activityId: courseActivityId(publicUrl, packageId), title: structure.course.title, aus, blocks };
}

/** Every activity id a session token may address: generated and publisher ids of the course, its blocks and AUs. */
export function courseActivityIds(course: Course): Set<string> {
  const ids = new Set<string>([course.activityId, course.publisherId]);
  for (const au of course.aus) ids.add(au.activityId).add(au.id);
  for (const block of course.blocks) ids.add(block.activityId).add(block.id);
  return ids;
}

export type AuProgress = { completed: boolean; passed: boolean; waived: boolean };

/** cmi5 10 / 13.1.4 moveOn: when an AU counts as satisfied. A waived AU always does. */
export function auSatisfied(moveOn: Cmi5MoveOn, p: AuProgress): boolean {
  if (p.waived) return true;
  switch (moveOn) {
    case 'NotApplicable':
      return true;
    case 'Completed':
      return p.completed;
    case 'Passed':
      return p.passed;
    case 'CompletedAndPassed':
      return p.completed && p.passed;
    case 'CompletedOrPassed':
      return p.completed || p.passed;
  }
}

export type SatisfiedNode = { kind: 'block' | 'course'; publisherId: string; activityId: string };

/**
 * The blocks (inner ones first) and the course whose AUs are now all
 * satisfied and that have no satisfied statement yet.
 */
export function newlySatisfied(course: Course, progress: (au: CourseAu) => AuProgress, alreadySatisfied: ReadonlySet<string>): SatisfiedNode[] {
  const satisfiedAus = new Set(course.aus.filter((au) => auSatisfied(au.moveOn, progress(au))).map((au) => au.id));
  const out: SatisfiedNode[] = [];
  for (const block of course.blocks) {
    if (alreadySatisfied.has(block.id) || !block.auIds.every((id) => satisfiedAus.has(id))) continue;
    out.push({ kind: 'block', publisherId: block.id, activityId: block.activityId });
  }
  if (!alreadySatisfied.has(course.publisherId) && course.aus.every((au) => satisfiedAus.has(au.id))) {
    out.push({ kind: 'course', publisherId: course.publisherId, activityId: course.activityId });
  }
  return out;
}

/** A langstring list as an xAPI language map; entries without a usable language tag become "und". */
export function languageMap(text: Cmi5Text, isLanguageTag: (tag: string) => boolean): Record<string, string> {
  const map: Record<string, string> = {};
  for (const t of text) {
    const tag = t.lang && isLanguageTag(t.lang) ? t.lang : 'und';
    if (!(tag in map)) map[tag] = t.value;
  }
  return map;
}

export function firstText(text: Cmi5Text): string {
  return text[0]?.value ?? '';
}
