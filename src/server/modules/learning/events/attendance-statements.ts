import { randomUUID } from 'node:crypto';
import { mestringAuthority, type LrsAuth } from '../../lrs/lrs-auth.js';
import { personAgent } from '../../lrs/xapi/identity.js';
import { learningItemActivityId } from '../catalogue/catalogue-statements.js';

// What attending a session says in the LRS: "attended" (ADL) about the session,
// an activity under the event item's own (<publicUrl>/xapi/activities/
// learning-items/<item>/sessions/<session>, typed meeting), with the item as
// its parent, dated at the session's end like the completion it stands for.

const ATTENDED = { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-US': 'attended' } };
const MEETING = 'http://adlnet.gov/expapi/activities/meeting';

/** "Mestring events": the authority on the statements written when an organiser takes attendance. */
export function eventsAuthority(publicUrl: string, municipalityId: string): LrsAuth {
  return mestringAuthority(publicUrl, municipalityId, 'Mestring events', 'mestring-events');
}

export type Attendance = {
  publicUrl: string;
  person: { id: string; name: string };
  item: { id: string; titles: Record<string, string> };
  session: { id: string; endsAt: Date };
};

export function attendedStatement(a: Attendance) {
  const name = Object.fromEntries(Object.entries(a.item.titles).filter(([, v]) => v.trim() !== ''));
  const itemActivity = learningItemActivityId(a.publicUrl, a.item.id);
  return {
    id: randomUUID(),
    actor: personAgent(a.publicUrl, a.person.id, a.person.name),
    verb: ATTENDED,
    object: { objectType: 'Activity', id: `${itemActivity}/sessions/${a.session.id}`, definition: { type: MEETING, ...(Object.keys(name).length > 0 ? { name } : {}) } },
    result: { completion: true },
    context: { platform: 'Mestring', contextActivities: { parent: [{ objectType: 'Activity', id: itemActivity }] } },
    timestamp: a.session.endsAt.toISOString(),
  };
}
