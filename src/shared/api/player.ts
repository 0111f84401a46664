import { z } from 'zod';

// The SCORM player. The app side (signed-in, /api/v1) lists the courses a
// learner can take and starts a launch; the launch hands back a player URL on
// the content origin whose token authorises that one attempt. The runtime API
// the player page calls there (session, commit) is described here too, but it
// is not part of /api/v1: it is authenticated by the launch token alone.

export const SCORM_KINDS = ['scorm12', 'scorm2004_2nd', 'scorm2004_3rd', 'scorm2004_4th'] as const;
export type ScormKind = (typeof SCORM_KINDS)[number];
export const COMPLETION_STATUSES = ['not_attempted', 'incomplete', 'completed', 'unknown'] as const;
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number];
export const SUCCESS_STATUSES = ['unknown', 'passed', 'failed'] as const;
export type SuccessStatus = (typeof SUCCESS_STATUSES)[number];

export const attemptSummarySchema = z.object({
  id: z.uuid(),
  packageVersionId: z.uuid(),
  version: z.number().int(),
  completionStatus: z.enum(COMPLETION_STATUSES),
  successStatus: z.enum(SUCCESS_STATUSES),
  scoreScaled: z.number().nullable(),
  totalTimeSeconds: z.number(),
  suspended: z.boolean(),
  startedAt: z.string(),
  lastLaunchedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export type AttemptSummary = z.infer<typeof attemptSummarySchema>;

export const playerCourseSchema = z.object({
  packageId: z.uuid(),
  title: z.string(),
  kind: z.enum(SCORM_KINDS),
  latestVersionId: z.uuid(),
  /** Items the learner can open (SCOs and assets). */
  itemCount: z.number().int(),
  /** The open attempt, or the last finished one; null before the first launch. */
  attempt: attemptSummarySchema.nullable(),
  /** True when the attempt above is still open (a launch resumes it). */
  attemptOpen: z.boolean(),
});
export type PlayerCourse = z.infer<typeof playerCourseSchema>;
export const playerCourseListSchema = z.object({ items: z.array(playerCourseSchema) });

export const launchRequestSchema = z.strictObject({
  packageId: z.uuid(),
  /** A version for a new attempt (default: the latest). An open attempt stays on its own version. */
  versionId: z.uuid().optional(),
  /** The item (manifest identifier) to open first. */
  itemId: z.string().min(1).max(2000).optional(),
  /** Close the open attempt and start a fresh one. */
  newAttempt: z.boolean().optional(),
});
export type LaunchRequest = z.infer<typeof launchRequestSchema>;

export const launchResponseSchema = z.object({
  attemptId: z.uuid(),
  packageId: z.uuid(),
  packageVersionId: z.uuid(),
  version: z.number().int(),
  kind: z.enum(SCORM_KINDS),
  title: z.string(),
  /** The player page on the content origin; the fragment carries the launch token. */
  playerUrl: z.string(),
  /** The origin the player page's messages come from. */
  playerOrigin: z.string(),
  expiresAt: z.string(),
  /** True when an open attempt was continued rather than a new one started. */
  resumed: z.boolean(),
});
export type LaunchResponse = z.infer<typeof launchResponseSchema>;

// ---------------------------------------------------------------------------
// Runtime API on the content origin (POST /content/player/api/…)

export const LAUNCH_TOKEN_MAX = 400;
export const runtimeTokenSchema = z.string().min(10).max(LAUNCH_TOKEN_MAX);

export const COMMIT_EVENTS = ['initialize', 'terminate'] as const;
export type CommitEvent = (typeof COMMIT_EVENTS)[number];

/** What a SCORM 2004 launch reports about the whole course (the root activity after rollup). */
export const courseReportSchema = z.strictObject({
  /** CourseSession.storedState(): what the next launch needs. */
  state: z.strictObject({
    sequencing: z.string().max(2_000_000).optional(),
    suspended: z.boolean(),
    suspendedRuntimeData: z.record(z.string().max(2000), z.record(z.string(), z.unknown())),
  }),
  completionStatus: z.enum(COMPLETION_STATUSES),
  successStatus: z.enum(SUCCESS_STATUSES),
  scoreScaled: z.number().min(-1).max(1).nullable(),
  /** The sequencing session is over (exit all, suspend all, end of course). */
  ended: z.boolean(),
  /** The activity whose SCO is (or was last) delivered. */
  currentItem: z.string().max(2000).nullable(),
});
export type CourseReport = z.infer<typeof courseReportSchema>;

export const commitSchema = z.strictObject({
  /** Orders the commits of one launch; a seq the server has seen is ignored (retries). */
  seq: z.number().int().min(1).max(2 ** 31 - 1),
  /** The SCO (manifest item identifier) the run-time data belongs to; absent for a course-only report. */
  item: z.string().min(1).max(2000).optional(),
  /** Initialize and Terminate calls since the previous commit of this SCO. */
  events: z.array(z.enum(COMMIT_EVENTS)).max(2).default([]),
  /** scorm-again's renderCMIToJSONObject() of the SCO: { cmi: {…} }. */
  cmi: z.record(z.string(), z.unknown()).optional(),
  course: courseReportSchema.optional(),
});
export type Commit = z.infer<typeof commitSchema>;

export const commitRequestSchema = z.strictObject({
  token: runtimeTokenSchema,
  commits: z.array(commitSchema).max(50),
});
export type CommitRequest = z.input<typeof commitRequestSchema>;

/** Every runtime answer renews the launch token (it expires when the player goes quiet). */
export const runtimeGrantSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  /** The SCO files of the attempt's version: the launch URLs are relative to this. */
  contentBaseUrl: z.string(),
});
export type RuntimeGrant = z.infer<typeof runtimeGrantSchema>;

export const commitResponseSchema = runtimeGrantSchema.extend({ lastSeq: z.number().int() });
export type CommitResponse = z.infer<typeof commitResponseSchema>;

export const playerItemSchema = z.object({
  identifier: z.string(),
  title: z.string(),
  kind: z.enum(['sco', 'asset']),
  /** Relative to contentBaseUrl. */
  launchUrl: z.string(),
  /** SCORM 1.2: the run-time data to load before the SCO initializes (null for assets). */
  cmi: z.record(z.string(), z.unknown()).nullable(),
});
export type PlayerItem = z.infer<typeof playerItemSchema>;

export const sessionResponseSchema = runtimeGrantSchema.extend({
  attemptId: z.uuid(),
  kind: z.enum(SCORM_KINDS),
  title: z.string(),
  language: z.string(),
  /** The app's origin: the only window the player takes commands from. */
  appOrigin: z.string(),
  learner: z.object({ id: z.string(), name: z.string() }),
  lastSeq: z.number().int(),
  items: z.array(playerItemSchema),
  /** The item to open first (SCORM 1.2; SCORM 2004 only when the learner picked one). */
  startAt: z.string().nullable(),
  /** SCORM 2004: the parsed manifest (the sequencing definition) and the stored course state. */
  manifest: z.unknown().optional(),
  courseState: courseReportSchema.shape.state.nullable().optional(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

// Messages between the app page and the player page: in their own file, so
// the player page's bundle does not pull in zod.
export * from './player-messages.js';
