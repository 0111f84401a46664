import { randomUUID } from 'node:crypto';
import { mestringAuthority, type LrsAuth } from '../../lrs/lrs-auth.js';
import { personAgent } from '../../lrs/xapi/identity.js';

// What a learner marking a film or a link as done says in the LRS: "completed"
// (ADL) about the catalogue item's own activity,
// <publicUrl>/xapi/activities/learning-items/<item> (the form the demo seed
// uses for items without a runtime of their own), typed as media or link.

const COMPLETED = { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } };
const ACTIVITY_TYPE = { video: 'https://w3id.org/xapi/video/activity-type/video', link: 'http://adlnet.gov/expapi/activities/link' } as const;

export const learningItemActivityId = (publicUrl: string, itemId: string) => `${publicUrl}/xapi/activities/learning-items/${itemId}`;

/** "Mestring catalogue": the authority on the statements the catalogue writes for its learners. */
export function catalogueAuthority(publicUrl: string, municipalityId: string): LrsAuth {
  return mestringAuthority(publicUrl, municipalityId, 'Mestring catalogue', 'mestring-catalogue');
}

export type MarkedDone = {
  publicUrl: string;
  personId: string;
  personName: string;
  item: { id: string; kind: keyof typeof ACTIVITY_TYPE; titles: Record<string, string> };
  at: Date;
};

export function markedDoneStatement(s: MarkedDone) {
  const name = Object.fromEntries(Object.entries(s.item.titles).filter(([, v]) => v.trim() !== ''));
  return {
    id: randomUUID(),
    actor: personAgent(s.publicUrl, s.personId, s.personName),
    verb: COMPLETED,
    object: {
      objectType: 'Activity',
      id: learningItemActivityId(s.publicUrl, s.item.id),
      definition: { type: ACTIVITY_TYPE[s.item.kind], ...(Object.keys(name).length > 0 ? { name } : {}) },
    },
    result: { completion: true },
    context: { platform: 'Mestring' },
    timestamp: s.at.toISOString(),
  };
}
