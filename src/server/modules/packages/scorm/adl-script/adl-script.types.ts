// Typed steps of one ADL SCORM 2004 4th Edition LMS test script (a
// `testcases/<name>.properties` file of ADL's conformance test suite).
//
// A script lists, in the order the LMS must deliver them, the visits to the
// activities of one test package. For each visit it gives the answers to the
// user-interface questions the tester is asked on arrival, the API calls the
// content makes with the return value and error code it expects, and the
// instruction shown to the tester when the content is done (press Continue,
// pick an activity in the table of contents, relaunch the course…).
//
// The decoder (adl-script-decoder.ts) produces these types; a driver replays
// them against an LMS: the Node driver in adl-script-runner.ts against
// scorm-again, a browser driver against the real player.

export interface AdlScript {
  /** The test case name (the file's `title`), e.g. "CM-01". */
  name: string;
  info: AdlScriptInfo;
  visits: AdlVisit[];
  /**
   * Command lines that name no API method (a typo in ADL's data: DMI has a
   * GetValue without its `GET->`). ADL's suite skipped them; so does the
   * decoder, and it lists them here so that nothing is lost silently.
   */
  skippedCommands: { visitKey: string; command: string }[];
}

/** The instructions page of the test case, as keys into ADL's message bundle. */
export interface AdlScriptInfo {
  userInteraction: string;
  start: string;
  purpose: string;
  runTimeDataInit: string;
  /** HTML summary of the package's sequencing, written for the tester. */
  sequencingInfo: string;
  /** autoTT, manualTT, uiTT, uInteractionTT. */
  testTypes: string[];
  end: string;
}

export interface AdlVisit {
  /** The property key prefix, e.g. "Act2V1". */
  key: string;
  /**
   * The activity the LMS must deliver, as the content identifies itself: the
   * `act` launch parameter of the item (`?tc=CM-01&act=2` → "2").
   */
  activity: string;
  /** The visit number the script gives this visit (not always unique). */
  visitNumber: number;
  uiChecks: AdlUiCheck[];
  calls: AdlApiCall[];
  /** What the tester is told to do once the content has finished. */
  instruction: AdlInstruction | null;
}

/** One yes/no user-interface question and the answer the script expects. */
export type AdlUiCheck =
  | { kind: 'navigationButton'; button: 'continue' | 'previous'; enabled: boolean; expected: boolean }
  | { kind: 'tocEnabled'; expected: boolean }
  /** The table of contents offers this activity (by title) for choice. */
  | { kind: 'tocSelectable'; activityTitle: string; expected: boolean }
  /** The table of contents shows this activity (by title), selectable or not. */
  | { kind: 'tocVisible'; activityTitle: string; expected: boolean }
  /** The LMS shows a control (enabled or not) for this navigation event. */
  | { kind: 'navigationControlVisible'; event: string; expected: boolean }
  /** "Click the button below to continue": a prompt, not a check of the LMS. */
  | { kind: 'prompt'; expected: boolean };

/** The activity name the script uses for the root of the package's tree. */
export const ROOT_ACTIVITY_TITLE_PREFIX = 'the activity that corresponds to the root of';

export type AdlApiCall =
  | { method: 'Initialize' | 'Commit' | 'Terminate'; argument: string; expected: AdlExpectation }
  | { method: 'GetValue'; element: AdlElement; expected: AdlExpectation; interactionType?: string }
  | { method: 'SetValue'; element: AdlElement; value: string; expected: AdlExpectation }
  | { method: 'GetLastError'; expected: AdlExpectation }
  | { method: 'GetErrorString' | 'GetDiagnostic'; argument: string; expected: AdlExpectation }
  /** The LMS's cmi.objectives must hold exactly these ids (in any order). */
  | { method: 'CompareObjectiveIds'; objectiveIds: string[] };

/**
 * A data model element. Collection indexes may be written as a placeholder
 * that the content resolves at run time: `cmi.objectives.{obj1}.id` means
 * "the index of the objective whose id is obj1" (same for adl.data by id).
 */
export interface AdlElement {
  /** The dot-notation element with `{id}` placeholders, e.g. "cmi.objectives.{obj1}.success_status". */
  path: string;
  /** The placeholder's id, when the path has one. */
  lookupId?: string;
  /** Which collection the placeholder indexes. */
  lookupCollection?: 'cmi.objectives' | 'adl.data';
}

/**
 * What a call must return. `value` is the return value (for SetValue,
 * Initialize… "true" or "false"); some values are checks rather than literals:
 * see AdlValueCheck.
 */
export interface AdlExpectation {
  value: string | AdlValueCheck;
  /** The GetLastError code expected right after the call ("" = not checked). */
  errorCode: string;
}

export type AdlValueCheck =
  /** GetErrorString/GetDiagnostic: any string shorter than 255 characters. */
  | { check: 'shorterThan255' }
  /** GetErrorString: the empty string. */
  | { check: 'empty' }
  /** GetValue(cmi.learner_id): the id of the learner the LMS launched the course for. */
  | { check: 'learnerId' }
  /** GetValue(cmi.learner_name): any name, only the error code is checked (as ADL did). */
  | { check: 'learnerName' };

export type AdlInstruction =
  /** The content is done and the test ends here: exit the course. */
  | { kind: 'exit' }
  /** Press the LMS's Continue or Previous button. */
  | { kind: 'navigate'; request: 'continue' | 'previous' }
  /** Pick this activity (by title) in the table of contents. */
  | { kind: 'choice'; activityTitle: string }
  /**
   * A step written for a person, specific to one test package (relaunch the
   * course, suspend it, wait for the LMS to end the session…). `code` is the
   * key into ADL's instruction bundle, `argument` what followed a `~`.
   */
  | { kind: 'special'; code: string; argument?: string };
