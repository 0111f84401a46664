// ADL packages that do not pass yet, each with the reason as far as it is
// known. The suite test expects these to fail: when a change makes one pass,
// that test goes red until the entry is removed here.
//
// Causes:
// - scorm-again bug: the library deviates from SCORM 2004 4th Ed. and
//   sequencing/scorm-again-fixes.ts does not correct it (yet).
// - driver gap: the script needs a tester action this driver does not model
//   (ADL's instruction bundle, which says what each step asks of the tester,
//   is not published with the data).
// - not yet diagnosed: the first deviation is given; whether the adapter or
//   scorm-again is at fault has not been worked out.
export const ADL_EXPECTED_FAILURES: Readonly<Record<string, string>> = {
  'API':
    'driver gap: the tester instruction "APIt1" (from ADL\'s unpublished instruction bundle) is not modelled',
  'CM-03a':
    'not yet diagnosed (sequencing): Act7V2: the LMS delivered nothing after Act7V2',
  'CM-03b':
    'not yet diagnosed (sequencing): Act8V1: the LMS delivered nothing after Act8V1',
  'CM-04b':
    'not yet diagnosed (sequencing; probably the CM-04c cause: choice refused on a target with a skip rule): Act14V1: expected activity_14, the LMS delivered activity_12',
  'CM-04c':
    'scorm-again bug: a Choice request whose target holds a skip pre-condition (cluster "Activity", rule: attempted → skip) is refused with SB.2.9-5; the Check Activity Process (UP.5) weighs only disabled rules and limit conditions, skip belongs to flow',
  'CM-06':
    'scorm-again bug (as ADL reads UP.4): after the SCO sets cmi.completion_status = unknown, End Attempt completes the attempt anyway, so the post-condition "activityProgressKnown → retry" fires; ADL expects the progress to stay unknown',
  'CM-07a':
    'scorm-again bug (navigation look-ahead): Previous is offered from activity_6 although backward flow enters cluster activity_2 at its last child, activity_5, which a disabled rule stops (SB.2.2); the look-ahead accepts a cluster when any of its children is deliverable',
  'CM-07b':
    'not yet diagnosed (navigation UI): Act3V1: "the activity that corresponds to the root of "LMS Test Content Package CM-07b"" selectable in the table of contents? expected no: the LMS answers yes',
  'CM-07c':
    'not yet diagnosed (navigation UI): Act3V1: previous disabled? expected yes: the LMS answers no',
  'CM-07d':
    'not yet diagnosed (navigation UI): Act3V1: "Activity 13" selectable in the table of contents? expected no: the LMS answers yes',
  'CM-07e':
    'not yet diagnosed (navigation UI): Act1V1: "Activity 4" selectable in the table of contents? expected yes: the LMS answers no',
  'CM-07f':
    'scorm-again bug (choice look-ahead): stopForwardTraversal on activity_1 is evaluated on the target (activity_1 is never selectable) instead of on the activities passed from the current one (activity_2, activity_3 stay selectable from activity_1)',
  'CM-10':
    'driver gap: after "RelaunchCM10" the course (no flow) delivers nothing at launch; the tester is presumably told to pick Activity 4 (ADL\'s instruction bundle is not published)',
  'CM-16':
    'scorm-again bug (probable): after Resume All, the SCO\'s Choice of the next sibling (activity_3) under constrainChoice = true is refused with NB.2.1-11',
  'CM-17a':
    'not yet diagnosed (navigation UI): Act8V1: "Activity 4" selectable in the table of contents? expected no: the LMS answers yes',
  'CM-17b':
    'not yet diagnosed (navigation UI): Act3V1: "Activity 4" selectable in the table of contents? expected yes: the LMS answers no',
  'CO-04c':
    'not yet diagnosed (sequencing; completed by measure from a global objective is corrected in scorm-again-fixes.ts, CO-04a/b pass): Act3V1: expected activity_3, the LMS delivered activity_2',
  'CO-07b':
    'driver gap: reads the global objectives gObj-CO07-obj1/obj2 that CO-07a leaves (objectives global to system outlive the package; ADL runs CO-07a first); the driver runs every package with a fresh learner state: activity_1 and activity_2 are not skipped',
  'CO-10':
    'not yet diagnosed (run-time data): with completed by measure corrected for the primary objective read and transferred (scorm-again-fixes.ts), Act2V1 GetValue("cmi.objectives.0.completion_status") returns "completed" where ADL expects "incomplete", and Act1V2 expects progress_measure 0.39 where the LMS keeps 0.3',
  'CO-13a':
    'not yet diagnosed (sequencing): Act3V1: expected activity_3, the LMS delivered activity_2',
  'DDMa':
    'driver gap: DDM.properties scripts both packages at once (activities 1a…2b, relaunches between DDMa and DDMb); the driver runs one package at a time',
  'DDMb':
    'driver gap: DDM.properties scripts both packages at once (activities 1a…2b, relaunches between DDMa and DDMb); the driver runs one package at a time',
  'DMB':
    'driver gap: the data-model behaviour SCO is visited again (Act1V2…Act1V5) with no tester instruction between visits; what its page does to come back (ADL\'s DMBEHAVIOR content is not published) is not modelled',
  'DMI':
    'scorm-again bug: SetValue("cmi", "illegal") replaces the API\'s whole cmi object instead of failing with 401, and the next Terminate throws',
  'MS-07':
    'not yet diagnosed (navigation UI): Act4V1: "Activity 5" shown in the table of contents? expected no: the LMS answers yes',
  'OB-03c':
    'driver gap: reads the global objectives gObj-OB03-1…3 that OB-03a and OB-03b leaves (objectives global to system outlive the package; ADL runs OB-03a and OB-03b first); the driver runs every package with a fresh learner state: expected activity_9, the LMS delivered activity_4',
  'OB-09b':
    'driver gap: reads the global objectives gObj-OB09-obj1/obj2 that OB-09a leaves (objectives global to system outlive the package; ADL runs OB-09a first); the driver runs every package with a fresh learner state: activity_1 and activity_2 are not skipped',
  'RU-13d':
    'not yet diagnosed (sequencing): Act6V1: expected activity_6, the LMS delivered activity_2',
  'RU-15b':
    'not yet diagnosed (sequencing): Act1V2: expected activity_1, the LMS delivered activity_6',
  'RU-19b':
    'scorm-again bug (as ADL reads UP.4, see CM-06): Act4 sets cmi.completion_status = unknown, End Attempt completes it, and "activityProgressKnown → retry" redelivers activity_2 instead of continuing to activity_5',
  'SX-11c':
    'driver gap: reads the global objective gObj-SX11 that SX-11a left (objectives global to system outlive the package); the driver runs every package with a fresh learner state',
  'T-01b':
    'not yet diagnosed (sequencing; the attempt-limit deviation of T-01a is corrected in scorm-again-fixes.ts and Act1…Act15 pass): Act18V1: expected activity_18, the LMS delivered activity_15',
};
