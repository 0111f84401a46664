import { randomUUID } from 'node:crypto';
import { isLanguageTag } from '../lrs/xapi/validation/primitives.js';
import { languageMap, type CourseAu, type SatisfiedNode } from './cmi5.course.js';
import { ACTIVITY_TYPE, CATEGORY_CMI5, CATEGORY_MOVE_ON, EXT, VERB, type LaunchMode, type WaiveReason } from './cmi5.vocabulary.js';

// The statements the LMS itself writes (cmi5 9.3): launched, satisfied,
// abandoned and waived. Each carries the cmi5 context: registration, the cmi5
// category, the publisher id grouping activity (9.6.2.3) and the session id.

type Json = Record<string, unknown>;

export type StatementSubject = { actor: object; registration: string; sessionId: string };

const verb = (id: string, en: string) => ({ id, display: { 'en-US': en } });

function context(subject: StatementSubject, groupingId: string, opts: { moveOn?: boolean; extensions?: Json } = {}): Json {
  return {
    registration: subject.registration,
    contextActivities: {
      category: [{ objectType: 'Activity', id: CATEGORY_CMI5 }, ...(opts.moveOn ? [{ objectType: 'Activity', id: CATEGORY_MOVE_ON }] : [])],
      grouping: [{ objectType: 'Activity', id: groupingId }],
    },
    extensions: { [EXT.sessionId]: subject.sessionId, ...opts.extensions },
  };
}

function auObject(au: CourseAu): Json {
  const definition: Json = { name: languageMap(au.title, isLanguageTag) };
  if (au.description.length > 0) definition.description = languageMap(au.description, isLanguageTag);
  if (au.activityType) definition.type = au.activityType;
  return { objectType: 'Activity', id: au.activityId, definition };
}

function base(subject: StatementSubject, verbId: string, verbName: string, object: Json, ctx: Json, now: Date): Json {
  return { id: randomUUID(), timestamp: now.toISOString(), actor: subject.actor, verb: verb(verbId, verbName), object, context: ctx };
}

export type LaunchFacts = { launchMode: LaunchMode; launchUrl: string; moveOn: string; masteryScore: number | null; launchParameters: string | null };

/** 9.3.1 and 9.6.3: before the AU starts, with launch mode, URL, moveOn and (when set) masteryScore and launchParameters. */
export function launchedStatement(subject: StatementSubject, au: CourseAu, f: LaunchFacts, now = new Date()): Json {
  const extensions: Json = { [EXT.launchMode]: f.launchMode, [EXT.launchUrl]: f.launchUrl, [EXT.moveOn]: f.moveOn };
  if (f.masteryScore !== null) extensions[EXT.masteryScore] = f.masteryScore;
  if (f.launchParameters !== null) extensions[EXT.launchParameters] = f.launchParameters;
  return base(subject, VERB.launched, 'launched', auObject(au), context(subject, au.id, { extensions }), now);
}

/** 9.3.9: a block or the course whose AUs all met their moveOn criteria; its object is the LMS-generated id. */
export function satisfiedStatement(subject: StatementSubject, node: SatisfiedNode, now = new Date()): Json {
  const object = { objectType: 'Activity', id: node.activityId, definition: { type: node.kind === 'block' ? ACTIVITY_TYPE.block : ACTIVITY_TYPE.course } };
  return base(subject, VERB.satisfied, 'satisfied', object, context(subject, node.publisherId), now);
}

/** 9.3.6 and 9.5.4.2: a session that ended without Terminated; duration from launch to the AU's last statement. */
export function abandonedStatement(subject: StatementSubject, au: CourseAu, durationMs: number, now = new Date()): Json {
  const statement = base(subject, VERB.abandoned, 'abandoned', auObject(au), context(subject, au.id), now);
  statement.result = { duration: isoDuration(durationMs) };
  return statement;
}

/** 9.3.7: success and completion true, the reason extension, and a session id of its own. */
export function waivedStatement(subject: StatementSubject, au: CourseAu, reason: WaiveReason, now = new Date()): Json {
  const statement = base(subject, VERB.waived, 'waived', auObject(au), context(subject, au.id, { moveOn: true }), now);
  statement.result = { success: true, completion: true, extensions: { [EXT.reason]: reason } };
  return statement;
}

/** Milliseconds as an ISO 8601 duration with hundredths of seconds ("PT1H2M3.45S"). */
export function isoDuration(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds}S`;
}
