// The abbreviations of ADL's LMS test scripts.
//
// ADL's suite expanded them with a message bundle (LMSMessages.Commands) that
// is not published with the test data. This table was rebuilt from the
// scripts themselves: each token was read in all the places it occurs and
// matched to the SCORM 2004 4th Edition data model element or vocabulary
// value that makes every occurrence consistent (e.g. `c~OB~0~S~SCA` can only
// be cmi.objectives.0.score.scaled; `GET c~E` expects `E.a` on a first launch
// and `E.r` after a suspend, so E.a = ab-initio and E.r = resume).
//
// Like ADL's bundle lookup, a token that is not in the table stands for
// itself. The decoder still refuses element-path tokens that are neither in
// the table nor an index, so that a gap in this table cannot pass unnoticed.

/** Tokens of a `~`-separated element path. */
export const ELEMENT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  c: 'cmi',
  a: 'adl',
  n: 'nav',
  r: 'request',
  rv: 'request_valid',
  DA: 'data',
  STR: 'store',
  V: '_version',
  CNT: '_count',
  CHIL: '_children',
  ID: 'id',
  id: 'id',
  CFLRNR: 'comments_from_learner',
  CFLMS: 'comments_from_lms',
  COM: 'comment',
  LOC: 'location',
  TS: 'timestamp',
  CS: 'completion_status',
  CT: 'completion_threshold',
  CDT: 'credit',
  E: 'entry',
  X: 'exit',
  INTR: 'interactions',
  TY: 'type',
  OB: 'objectives',
  CR: 'correct_responses',
  P: 'pattern',
  W: 'weighting',
  LR: 'learner_response',
  R: 'result',
  LAT: 'latency',
  D: 'description',
  LD: 'launch_data',
  LI: 'learner_id',
  LN: 'learner_name',
  LP: 'learner_preference',
  AL: 'audio_level',
  LANG: 'language',
  DS: 'delivery_speed',
  AC: 'audio_captioning',
  MAXTA: 'max_time_allowed',
  M: 'mode',
  PM: 'progress_measure',
  SPS: 'scaled_passing_score',
  S: 'score',
  SCA: 'scaled',
  RW: 'raw',
  MN: 'min',
  MX: 'max',
  ST: 'session_time',
  SS: 'success_status',
  SD: 'suspend_data',
  TLA: 'time_limit_action',
  TT: 'total_time',
  // adl.nav.request_valid.<request>: the request names below are shared with values.
  'N.c': 'continue',
  'N.p': 'previous',
  'N.j': 'jump',
  'TY.c': 'choice',
};

/**
 * Whole values (the value of a SetValue, the expected result of a call) that
 * are abbreviations. Anything else is a literal.
 */
export const VALUE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  t: 'true',
  f: 'false',
  // completion_status / success_status
  comp: 'completed',
  incomp: 'incomplete',
  notatt: 'not attempted',
  unk: 'unknown',
  pass: 'passed',
  fail: 'failed',
  // cmi.mode (and "normal" for cmi.exit)
  'M.n': 'normal',
  'M.b': 'browse',
  'M.r': 'review',
  // cmi.exit
  'X.s': 'suspend',
  'X.t': 'time-out',
  'X.l': 'logout',
  // cmi.entry
  'E.a': 'ab-initio',
  'E.r': 'resume',
  // cmi.credit
  'CDT.c': 'credit',
  'CDT.n': 'no-credit',
  // cmi.interactions.n.result
  'R.c': 'correct',
  'R.i': 'incorrect',
  // cmi.interactions.n.type
  'TY.tf': 'true-false',
  'TY.c': 'choice',
  'TY.f': 'fill-in',
  'TY.lf': 'long-fill-in',
  'TY.l': 'likert',
  'TY.m': 'matching',
  'TY.p': 'performance',
  'TY.s': 'sequencing',
  'TY.n': 'numeric',
  'TY.o': 'other',
  // adl.nav.request
  'N.c': 'continue',
  'N.p': 'previous',
  'N.e': 'exit',
  'N.ea': 'exitAll',
  'N.a': 'abandon',
  'N.aa': 'abandonAll',
  'N.sa': 'suspendAll',
  'N.j': 'jump',
  // One bundle key serves element paths and values: SX-09 sets adl.nav.request
  // to "X" and expects it accepted, which only "exit" (as in cmi.exit) makes true.
  X: 'exit',
};

/** `tar~<activity id>` in a navigation request or request_valid element. */
export const TARGET_TOKEN = 'tar';

export function targetDelimiter(activityId: string): string {
  return `{target=${activityId}}`;
}

/** A value shaped like a bundle key (`X.y`) must be in the table, never a literal. */
export const LOOKS_LIKE_VALUE_ABBREVIATION = /^[A-Z]{1,3}\.[a-z]{1,2}$/;

/** GetErrorString/GetDiagnostic expectations that are checks, not literals. */
export const CHECK_SHORTER_THAN_255 = 'less255';
export const CHECK_EMPTY = 'emptyCS';
