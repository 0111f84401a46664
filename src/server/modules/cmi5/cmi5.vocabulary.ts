// The IRIs the cmi5 specification (Quartz) fixes: verbs (9.3), context
// activities (9.6.2), context and result extensions (9.6.3, 9.5.5), activity
// types of the LMS's satisfied statements (9.3.9), and the document ids of
// the State (10) and Agent Profile (11) resources.

export const VERB = {
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  abandoned: 'https://w3id.org/xapi/adl/verbs/abandoned',
  waived: 'https://w3id.org/xapi/adl/verbs/waived',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  satisfied: 'https://w3id.org/xapi/adl/verbs/satisfied',
  voided: 'http://adlnet.gov/expapi/verbs/voided',
} as const;

/** Verbs an AU may use in cmi5 defined statements. */
export const AU_VERBS: readonly string[] = [VERB.initialized, VERB.completed, VERB.passed, VERB.failed, VERB.terminated];
/** Verbs only the LMS issues. */
export const LMS_VERBS: readonly string[] = [VERB.launched, VERB.abandoned, VERB.waived, VERB.satisfied];

export const CATEGORY_CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const CATEGORY_MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';

export const EXT = {
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  launchMode: 'https://w3id.org/xapi/cmi5/context/extensions/launchmode',
  launchUrl: 'https://w3id.org/xapi/cmi5/context/extensions/launchurl',
  moveOn: 'https://w3id.org/xapi/cmi5/context/extensions/moveon',
  launchParameters: 'https://w3id.org/xapi/cmi5/context/extensions/launchparameters',
  progress: 'https://w3id.org/xapi/cmi5/result/extensions/progress',
  reason: 'https://w3id.org/xapi/cmi5/result/extensions/reason',
} as const;

export const ACTIVITY_TYPE = {
  course: 'https://w3id.org/xapi/cmi5/activitytype/course',
  block: 'https://w3id.org/xapi/cmi5/activitytype/block',
} as const;

export const LAUNCH_DATA_STATE_ID = 'LMS.LaunchData';
export const LEARNER_PREFERENCES_PROFILE_ID = 'cmi5LearnerPreferences';

export { LAUNCH_MODES, WAIVE_REASONS, type LaunchMode, type WaiveReason } from '../../../shared/api/cmi5.js';
