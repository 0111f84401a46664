import { createHash } from 'node:crypto';
import type { TenantTx } from '../../db/tenant.js';
import { findDocument, insertDocument, replaceDocument, type DocumentKey } from '../lrs/documents.repository.js';
import type { CourseAu } from './cmi5.course.js';
import { EXT, LAUNCH_DATA_STATE_ID, LEARNER_PREFERENCES_PROFILE_ID, type LaunchMode } from './cmi5.vocabulary.js';

// The documents the LMS writes into its own LRS before a launch: the
// "LMS.LaunchData" State document (cmi5 10) and, when the caller gives them,
// the learner's "cmi5LearnerPreferences" Agent Profile document (11).

export type LaunchData = {
  contextTemplate: { contextActivities: { grouping: { objectType: 'Activity'; id: string }[] }; extensions: Record<string, string> };
  launchMode: LaunchMode;
  launchParameters?: string;
  masteryScore?: number;
  moveOn: string;
  returnURL?: string;
  entitlementKey?: { courseStructure: string };
};

/** The context template carries the session id and the AU's publisher id grouping activity; the rest says how the AU is launched. */
export function launchDataFor(au: CourseAu, sessionId: string, launchMode: LaunchMode, returnURL: string | undefined): LaunchData {
  return {
    contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: au.id }] }, extensions: { [EXT.sessionId]: sessionId } },
    launchMode,
    ...(au.launchParameters !== undefined ? { launchParameters: au.launchParameters } : {}),
    ...(au.masteryScore !== undefined ? { masteryScore: au.masteryScore } : {}),
    moveOn: au.moveOn,
    ...(returnURL !== undefined ? { returnURL } : {}),
    ...(au.entitlementKey !== undefined ? { entitlementKey: { courseStructure: au.entitlementKey } } : {}),
  };
}

async function putJson(tx: TenantTx, municipalityId: string, key: DocumentKey, value: unknown): Promise<void> {
  const content = Buffer.from(JSON.stringify(value), 'utf8');
  const doc = { content, contentType: 'application/json', isJson: true, etag: `"${createHash('sha1').update(content).digest('hex')}"` };
  const existing = await findDocument(tx, municipalityId, key, true);
  if (existing) await replaceDocument(tx, municipalityId, key, doc);
  else if (!(await insertDocument(tx, municipalityId, key, doc))) await replaceDocument(tx, municipalityId, key, doc);
}

export function writeLaunchData(tx: TenantTx, municipalityId: string, p: { auActivityId: string; actorKey: string; registration: string; data: LaunchData }): Promise<void> {
  return putJson(tx, municipalityId, { kind: 'state', activityId: p.auActivityId, agentKey: p.actorKey, registration: p.registration, documentId: LAUNCH_DATA_STATE_ID }, p.data);
}

export function writeLearnerPreferences(tx: TenantTx, municipalityId: string, actorKey: string, prefs: { languagePreference: string; audioPreference: 'on' | 'off' }): Promise<void> {
  return putJson(tx, municipalityId, { kind: 'agent_profile', activityId: '', agentKey: actorKey, registration: '', documentId: LEARNER_PREFERENCES_PROFILE_ID }, prefs);
}
