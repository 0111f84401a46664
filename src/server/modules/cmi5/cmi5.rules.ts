import { agentKey, type AgentLike } from '../lrs/xapi/identity.js';
import { AU_VERBS, CATEGORY_CMI5, CATEGORY_MOVE_ON, EXT, LMS_VERBS, VERB, type LaunchMode } from './cmi5.vocabulary.js';

// What an AU may send under its session token (cmi5 sections 7.1, 9 and 10),
// checked statement by statement in the order of the request, on top of the
// xAPI validation the LRS has already done. A statement that breaks a rule is
// refused with 403: the ADL LMS test suite accepts only 401 or 403 for a
// statement the LMS rejects (its AUs treat 400 as a failure), and the spec
// (6.3) asks the LMS to reject rather than store and void.
//
// "cmi5 defined" statements carry the cmi5 category activity; "cmi5 allowed"
// ones do not, but still use the launch's actor, registration, session id and
// context template, and must fall between Initialized and Terminated (7.1.3).

type Json = Record<string, any>;

export type SessionFacts = {
  sessionId: string;
  registration: string;
  actorKey: string;
  /** The AU id from cmi5.xml (the publisher id grouping activity of the context template). */
  auId: string;
  auActivityId: string;
  launchMode: LaunchMode;
  masteryScore: number | null;
  learnerPrefsFetched: boolean;
  initialized: boolean;
  terminated: boolean;
  /** cmi5 defined verbs already sent in this session. */
  definedVerbs: string[];
};

/** The AU's record in the registration, across sessions. */
export type AuFacts = { completed: boolean; passed: boolean };

export type RuleVerdict =
  | { ok: true; session: SessionFacts; au: AuFacts & { failed: boolean } }
  | { ok: false; rule: string; message: string; index: number };

const MOVE_ON_VERBS: readonly string[] = [VERB.completed, VERB.passed, VERB.failed];
const DURATION_REQUIRED: readonly string[] = [VERB.terminated, VERB.completed, VERB.passed, VERB.failed];
/** 9.7: "All timestamps MUST be recorded in UTC time". */
const UTC_ZONE = /(?:[Zz]|\+00(?::?00)?)$/;
const MOVE_ON_MISUSE = 'Only cmi5 defined statements with result.success or result.completion may carry the moveOn category activity.';

const list = (value: unknown): Json[] => (value === undefined ? [] : [value].flat()).filter((v): v is Json => typeof v === 'object' && v !== null);
const ids = (value: unknown) => list(value).map((a) => a.id);

class Refusal {
  constructor(
    readonly rule: string,
    readonly message: string,
  ) {}
}
const refuse = (rule: string, message: string): never => {
  throw new Refusal(rule, message);
};

/**
 * Checks a batch of statements against the session and the AU's record, in
 * order (each one sees the effects of those before it). Returns the session
 * and AU facts after the batch, or the first rule broken.
 */
export function checkAuStatements(statements: Json[], session: SessionFacts, au: AuFacts): RuleVerdict {
  const s: SessionFacts = { ...session, definedVerbs: [...session.definedVerbs] };
  const a = { ...au, failed: false };
  for (const [index, st] of statements.entries()) {
    try {
      checkOne(st, s, a);
    } catch (err) {
      if (err instanceof Refusal) return { ok: false, rule: err.rule, message: err.message, index };
      throw err;
    }
  }
  return { ok: true, session: s, au: a };
}

function checkOne(st: Json, s: SessionFacts, au: AuFacts & { failed: boolean }): void {
  const verb: string = st.verb?.id;
  if (verb === VERB.voided) refuse('6.3.0.0-1', 'An AU may not void statements.');
  if (typeof st.id !== 'string') refuse('9.1.0.0-1', 'The AU must give every statement an id.');
  if (typeof st.timestamp !== 'string') refuse('9.7.0.0-1', 'Every statement needs a timestamp.');
  if (!UTC_ZONE.test(st.timestamp)) refuse('9.7.0.0-2', 'Timestamps must be in UTC (ending in Z or +00:00).');

  const actor = st.actor as AgentLike;
  if (actor.objectType !== undefined && actor.objectType !== 'Agent') refuse('9.2.0.0-2', 'The actor must be the Agent of the launch.');
  if (agentKey(actor) !== s.actorKey) refuse('8.1.3.0-3', 'The actor must be the one given in the launch URL.');

  const context = st.context as Json | undefined;
  if (!context) refuse('9.6.0.0-1', 'The statement needs the context of the LMS.LaunchData context template.');
  if (typeof context!.registration !== 'string' || context!.registration.toLowerCase() !== s.registration) {
    refuse('9.6.1.0-1', 'context.registration must be the registration of the launch.');
  }
  if (context!.extensions?.[EXT.sessionId] !== s.sessionId) refuse('9.6.3.1-4', 'The context must carry the session id of the launch.');
  const ca = (context!.contextActivities ?? {}) as Json;
  if (!ids(ca.grouping).includes(s.auId)) refuse('10.2.1.0-6', 'The context must keep the publisher id activity of the context template in contextActivities.grouping.');

  if (s.terminated) refuse('9.3.0.0-5', 'Terminated must be the last statement of a session.');
  if (!s.learnerPrefsFetched) refuse('11.0.0.0-3', 'The AU must read the cmi5LearnerPreferences Agent Profile document before sending statements.');

  const categories = ids(ca.category);
  const defined = categories.includes(CATEGORY_CMI5);
  if (!s.initialized && !(defined && verb === VERB.initialized)) refuse('9.3.0.0-4', 'Initialized must be the first statement of a session.');
  if (LMS_VERBS.includes(verb)) refuse('9.3.0.0-1', `Only the LMS sends statements with the verb ${verb}.`);
  if (AU_VERBS.includes(verb) && !defined) refuse('7.1.3.0-1', `A statement with the cmi5 verb ${verb} must be a cmi5 defined statement (with the cmi5 category activity).`);
  if (defined && !AU_VERBS.includes(verb)) refuse('9.3.0.0-1', `${verb} is not a verb of cmi5 defined statements.`);

  const result = (st.result ?? {}) as Json;
  const judged = result.success !== undefined || result.completion !== undefined;
  if (categories.includes(CATEGORY_MOVE_ON) && !defined) refuse('9.6.2.2-2', MOVE_ON_MISUSE);
  const progress = result.extensions?.[EXT.progress];
  if (progress !== undefined && !(Number.isInteger(progress) && progress >= 0 && progress <= 100)) refuse('9.5.5.1-1', 'The progress extension must be an integer from 0 to 100.');

  if (defined) checkDefined(st, verb, result, judged, categories, s, au);
  if (verb === VERB.initialized && defined) s.initialized = true;
  if (verb === VERB.terminated && defined) s.terminated = true;
}

function checkDefined(st: Json, verb: string, result: Json, judged: boolean, categories: string[], s: SessionFacts, au: AuFacts & { failed: boolean }): void {
  const object = (st.object ?? {}) as Json;
  if ((object.objectType !== undefined && object.objectType !== 'Activity') || object.id !== s.auActivityId) {
    refuse('8.1.5.0-6', 'The object of a cmi5 defined statement must be the AU: the activityId of the launch URL.');
  }
  if (s.launchMode !== 'Normal' && MOVE_ON_VERBS.includes(verb)) refuse('10.2.2.0-2', `In ${s.launchMode} mode the AU may not send ${verb} statements.`);

  if (result.completion !== undefined && verb !== VERB.completed) refuse('9.5.3.0-2', 'Only Completed statements may carry result.completion.');
  if (verb === VERB.completed && result.completion !== true) refuse('9.5.3.0-1', 'A Completed statement must have result.completion true.');
  if (result.success !== undefined && verb !== VERB.passed && verb !== VERB.failed) refuse('9.5.2.0-3', 'Only Passed and Failed statements may carry result.success.');
  if (verb === VERB.passed && result.success !== true) refuse('9.5.2.0-1', 'A Passed statement must have result.success true.');
  if (verb === VERB.failed && result.success !== false) refuse('9.5.2.0-2', 'A Failed statement must have result.success false.');
  if (judged && !categories.includes(CATEGORY_MOVE_ON)) refuse('9.6.2.2-1', 'A statement with result.success or result.completion needs the moveOn category activity.');
  if (!judged && categories.includes(CATEGORY_MOVE_ON)) refuse('9.6.2.2-2', MOVE_ON_MISUSE);
  if (DURATION_REQUIRED.includes(verb) && typeof result.duration !== 'string') refuse('9.5.4.1-1', `A ${verb} statement must carry result.duration.`);
  checkScore(st, verb, result, s);

  if (s.definedVerbs.includes(verb)) refuse('9.3.0.0-2', `${verb} was already sent in this session.`);
  if ((verb === VERB.passed || verb === VERB.failed) && (s.definedVerbs.includes(VERB.passed) || s.definedVerbs.includes(VERB.failed))) {
    refuse('9.3.0.0-3', 'A session may hold only one of Passed and Failed.');
  }
  if (verb === VERB.completed && au.completed) refuse('9.3.0.0-6', 'The AU was already completed in this registration.');
  if (verb === VERB.passed && au.passed) refuse('9.3.0.0-7', 'The AU was already passed in this registration.');
  if (verb === VERB.failed && au.passed) refuse('9.3.0.0-8', 'Failed may not follow Passed in a registration.');

  s.definedVerbs.push(verb);
  if (verb === VERB.completed) au.completed = true;
  if (verb === VERB.passed) au.passed = true;
  if (verb === VERB.failed) au.failed = true;
}

/** 9.5.1 and the masteryScore rules of 9.3.4, 9.3.5 and 9.6.3.2. */
function checkScore(st: Json, verb: string, result: Json, s: SessionFacts): void {
  const score = result.score as Json | undefined;
  const extension = st.context?.extensions?.[EXT.masteryScore];
  if (extension !== undefined && extension !== s.masteryScore) refuse('9.6.3.2-2', 'The masteryScore extension must be the masteryScore of the launch data.');
  if (!score) return;
  if (verb !== VERB.passed && verb !== VERB.failed) refuse('9.5.1.0-2', 'Only Passed and Failed statements may carry a score.');
  if (score.raw !== undefined && (score.min === undefined || score.max === undefined)) refuse('9.5.1.0-3', 'A raw score needs min and max.');
  if (s.masteryScore === null) return;
  if (extension === undefined) refuse('9.6.3.2-2', 'A scored Passed or Failed statement must carry the masteryScore extension of the launch data.');
  if (typeof score.scaled !== 'number') return;
  if (verb === VERB.passed && score.scaled < s.masteryScore) refuse('9.3.4.0-2', `A Passed statement's scaled score must be at least the masteryScore ${s.masteryScore}.`);
  if (verb === VERB.failed && score.scaled >= s.masteryScore) refuse('9.3.5.0-2', `A Failed statement's scaled score must be below the masteryScore ${s.masteryScore}.`);
}
