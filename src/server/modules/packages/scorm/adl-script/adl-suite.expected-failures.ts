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
  'CM-07b':
    'not yet diagnosed (navigation UI): Act3V1: "the activity that corresponds to the root of "LMS Test Content Package CM-07b"" selectable in the table of contents? expected no: the LMS answers yes',
  'CM-07c':
    'not yet diagnosed (navigation UI): Act3V1: previous disabled? expected yes: the LMS answers no',
  'CM-07d':
    'scorm-again bug (same cause as CM-16): the table of contents applies Constrain Choice to the children of the flagged cluster, and Prevent Activation to the target instead of to the inactive clusters on the path from the common ancestor (ADL reference: an inactive activity with preventActivation cannot be entered by Choice). Act3V1: "Activity 13" (below inactive activity_12 with preventActivation) and "Activity 18" (below inactive activity_16) are offered; Act13V1: "Activity 10" and "Activity 14" are refused although activity_11 is the constrained activity and activity_10 its previous step',
  'CM-07e':
    'not yet diagnosed (navigation UI): Act1V1: "Activity 4" selectable in the table of contents? expected yes: the LMS answers no',
  'CM-07f':
    'scorm-again bug (choice look-ahead): stopForwardTraversal on activity_1 is evaluated on the target (activity_1 is never selectable) instead of on the activities passed from the current one (activity_2, activity_3 stay selectable from activity_1)',
  'CM-10':
    'driver gap: after "RelaunchCM10" the course (no flow) delivers nothing at launch; the tester is presumably told to pick Activity 4 (ADL\'s instruction bundle is not published)',
  'CM-16':
    'scorm-again bug: Constrain Choice is read as constraining the children of the cluster that carries it. ADL\'s reference sequencer (ADLSequencer doChoice, case 5; SB.2.9) takes as constrained activity the nearest ancestor of the current activity below the common ancestor with constrainChoice, and allows only the activity one choice-flow step before or after it (and its children). Here the root carries it, so nothing is constrained. scorm-again\'s NB.2.1 check (validateConstrainChoice) refuses the Choice activity_2 → activity_3 after Resume All with NB.2.1-11, and its SB.2.9 check (validateConstraintsAtLevel) would refuse activity_3 → activity_1 (target not completed). Not corrected yet: both checks and the table-of-contents look-ahead need the reference semantics, together with Prevent Activation (see CM-07d)',
  'CM-17a':
    'not yet diagnosed (navigation UI): Act8V1: "Activity 4" selectable in the table of contents? expected no: the LMS answers yes',
  'CM-17b':
    'not yet diagnosed (navigation UI): Act3V1: "Activity 4" selectable in the table of contents? expected yes: the LMS answers no',
  'CO-04c':
    'not yet diagnosed (sequencing; completed by measure from a global objective is corrected in scorm-again-fixes.ts, CO-04a/b pass): Act3V1: expected activity_3, the LMS delivered activity_2',
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
    'scorm-again bugs, then a driver gap. Corrected: SetValue/GetValue of a name that holds elements ("cmi", "cmi.score") now fails with 401 (scorm-again-fixes.ts), and _children lists compare as sets. Still wrong in Act1V1: SetValue("cmi.location", "") fails with 406; GetValue of cmi.objectives.N.* beyond _count answers 403 where ADL expects 301, and a SetValue of cmi.objectives.N.id that failed still creates the entry (GetValue then answers 0, not 301); SetValue("cmi.objectives.2.id", "urn:") is accepted (ADL: 406); some invalid cmi.session_time values are accepted; adl.data.N.store of 64000 characters fails with 404. Then the tester instruction "DMIt2" (ADL\'s unpublished instruction bundle) is not modelled',
  'MS-07':
    'not yet diagnosed (navigation UI): Act4V1: "Activity 5" shown in the table of contents? expected no: the LMS answers yes',
  'RU-13d':
    'not yet diagnosed (sequencing): Act6V1: expected activity_6, the LMS delivered activity_2',
  'T-01b':
    'not yet diagnosed (sequencing; the attempt-limit deviation of T-01a is corrected in scorm-again-fixes.ts and Act1…Act15 pass): Act18V1: expected activity_18, the LMS delivered activity_15',
};
