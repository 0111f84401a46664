import type { Cmi5Actor } from '../../../../shared/api/cmi5.js';
import type { LaunchConflict, LearnerCmi5Launch, LearnerCmi5LaunchBody, LearnerCmi5View } from '../../../../shared/api/learning-launch.js';
import type { Language } from '../../../../shared/domain.js';
import { withTenant, type TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../../http/context.js';
import { assertMunicipalityVisible } from '../../access/access.policy.js';
import type { Principal } from '../../access/principal.js';
import { launchAu } from '../../cmi5/cmi5-launch.service.js';
import { auSatisfied, type Course } from '../../cmi5/cmi5.course.js';
import { loadCourse } from '../../cmi5/cmi5.courses.js';
import * as cmi5Repo from '../../cmi5/cmi5.repository.js';
import { LEARNER_PREFERENCES_PROFILE_ID } from '../../cmi5/cmi5.vocabulary.js';
import { languageChain } from '../../frameworks/localize.js';
import { findDocument } from '../../lrs/documents.repository.js';
import { personAgent, personAgentKey } from '../../lrs/xapi/identity.js';
import { findItem } from '../catalogue/catalogue.repository.js';
import { cmi5TextIn } from './cmi5-text.js';
import { launchPolicy } from './launch.policy.js';

// A learner's way into a cmi5 item of the catalogue. The cmi5 LMS
// (modules/cmi5) does everything a launch needs; here the learner is the
// caller's own person, named as personAgent (the actor records/cmi5-source.ts
// maps back to the person, so what the AU reports reaches "my learning"),
// always in their latest registration of the course (or a new one), and sent
// back to the item's page when the AU ends.

function learnerIn(ctx: RequestContext, municipalityId: string): { p: Principal; personId: string } {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  const personId = launchPolicy.learnerPersonId(p, municipalityId);
  if (!personId) throw AppError.forbidden('Only employees of this municipality take its courses.');
  return { p, personId };
}

const conflict = (reason: LaunchConflict, message: string, details: Record<string, unknown> = {}) => AppError.conflict(message, { reason, ...details });

/** The published cmi5 item's course (package) id; drafts and archived items are not in the catalogue for a learner. */
async function cmi5CourseOf(tx: TenantTx, municipalityId: string, itemId: string): Promise<string> {
  const item = await findItem(tx, municipalityId, itemId);
  if (!item || item.status !== 'published') throw AppError.notFound('Learning item');
  if (item.kind !== 'cmi5') throw conflict('NOT_CMI5', 'This item is not a cmi5 course.', { kind: item.kind });
  if (!item.package_id) throw AppError.notFound('Course');
  return item.package_id;
}

type CourseState = { course: Course; versionTitle: string | null; started: boolean; states: Map<string, cmi5Repo.AuStateRow>; satisfied: Set<string> };

/** The course as the learner's latest registration has it (a registration stays on its version), else the newest version. */
async function courseState(tx: TenantTx, publicUrl: string, municipalityId: string, courseId: string, actorKey: string): Promise<CourseState> {
  const registration = await cmi5Repo.latestRegistration(tx, municipalityId, courseId, actorKey);
  if (registration) {
    const course = await loadCourse(tx, publicUrl, municipalityId, courseId, registration.package_version_id);
    if (!course) throw AppError.notFound('Course');
    const [states, satisfied] = await Promise.all([cmi5Repo.auStates(tx, municipalityId, registration.id), cmi5Repo.satisfiedNodeIds(tx, municipalityId, registration.id)]);
    return { course, versionTitle: null, started: true, states, satisfied };
  }
  const version = await cmi5Repo.findCourseVersion(tx, municipalityId, courseId);
  const course = version && (await loadCourse(tx, publicUrl, municipalityId, courseId, version.versionId));
  if (!version || !course) throw AppError.notFound('Course');
  return { course, versionTitle: version.title, started: false, states: new Map(), satisfied: new Set() };
}

function presentAus(s: CourseState, chain: readonly Language[]): LearnerCmi5View['aus'] {
  return s.course.aus.map((au) => {
    const row = s.states.get(au.id);
    const progress = { completed: !!row?.completed_at, passed: !!row?.passed_at, waived: !!row?.waived_at };
    return { index: au.index, id: au.id, title: cmi5TextIn(au.title, chain) ?? au.id, moveOn: au.moveOn, launchMethod: au.launchMethod, ...progress, failed: !!row?.failed_at, satisfied: auSatisfied(au.moveOn, progress) };
  });
}

const nextAuIndex = (aus: LearnerCmi5View['aus']) => aus.find((au) => !au.satisfied)?.index ?? 0;

export async function getLearnerCmi5(ctx: RequestContext, municipalityId: string, itemId: string): Promise<LearnerCmi5View> {
  const { p, personId } = learnerIn(ctx, municipalityId);
  const publicUrl = ctx.config.publicUrl;
  const chain = languageChain(p.preferredLanguage);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const courseId = await cmi5CourseOf(tx, municipalityId, itemId);
    const s = await courseState(tx, publicUrl, municipalityId, courseId, personAgentKey(publicUrl, personId));
    const aus = presentAus(s, chain);
    return {
      itemId,
      title: cmi5TextIn(s.course.title, chain) ?? s.versionTitle ?? s.course.publisherId,
      satisfied: s.satisfied.has(s.course.publisherId),
      started: s.started,
      nextAuIndex: nextAuIndex(aus),
      aus,
    };
  });
}

/** The learner's audio choice, if an AU or an earlier launch recorded one: a launch only sets the language. */
async function audioPreference(tx: TenantTx, municipalityId: string, actorKey: string): Promise<'on' | 'off'> {
  const doc = await findDocument(tx, municipalityId, { kind: 'agent_profile', activityId: '', agentKey: actorKey, registration: '', documentId: LEARNER_PREFERENCES_PROFILE_ID });
  if (!doc?.isJson) return 'on';
  try {
    return (JSON.parse(doc.content.toString('utf8')) as { audioPreference?: unknown }).audioPreference === 'off' ? 'off' : 'on';
  } catch {
    return 'on';
  }
}

export async function launchLearnerCmi5(ctx: RequestContext, municipalityId: string, itemId: string, body: LearnerCmi5LaunchBody): Promise<LearnerCmi5Launch> {
  const { p, personId } = learnerIn(ctx, municipalityId);
  const publicUrl = ctx.config.publicUrl;
  const actorKey = personAgentKey(publicUrl, personId);
  const chosen = await withTenant(ctx.db, municipalityId, async (tx) => {
    const courseId = await cmi5CourseOf(tx, municipalityId, itemId);
    const aus = presentAus(await courseState(tx, publicUrl, municipalityId, courseId, actorKey), []);
    if (body.auIndex !== undefined && !aus[body.auIndex]) {
      throw AppError.validation('The course has no AU with this index.', { issues: [{ path: ['auIndex'], message: `between 0 and ${aus.length - 1}` }] });
    }
    return { courseId, auIndex: body.auIndex ?? nextAuIndex(aus), audio: await audioPreference(tx, municipalityId, actorKey) };
  });
  // The cmi5 LMS finds the latest registration itself (same query as above), abandons its open sessions and audits the launch.
  const launched = await launchAu(ctx, actorOf(ctx), municipalityId, chosen.courseId, {
    // personAgent always carries an account, the identifier cmi5 (9.2) wants.
    actor: personAgent(publicUrl, personId, p.displayName) as Cmi5Actor,
    auIndex: chosen.auIndex,
    launchMode: 'Normal',
    returnURL: `${publicUrl}/learning/items/${itemId}`,
    learnerPreferences: { languagePreference: p.preferredLanguage, audioPreference: chosen.audio },
  });
  return { url: launched.url, launchMethod: launched.launchMethod, auIndex: launched.auIndex, sessionId: launched.sessionId };
}
