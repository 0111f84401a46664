// ADL packages that do not pass yet, each with the reason as far as it is
// known. The suite test expects these to fail: when a change makes one pass,
// that test goes red until the entry is removed here.
//
// Causes:
// - scorm-again bug: the library deviates from SCORM 2004 4th Ed.
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
    'not yet diagnosed (sequencing): Act14V1: expected activity_14, the LMS delivered activity_12',
  'CM-04c':
    'not yet diagnosed (sequencing): Act12V1: the LMS delivered nothing after Act12V1',
  'CM-06':
    'not yet diagnosed (sequencing): Act3V1: expected activity_3, the LMS delivered activity_2',
  'CM-07a':
    'not yet diagnosed (navigation UI): table of contents enabled? expected no: the LMS answers yes',
  'CM-07b':
    'not yet diagnosed (navigation UI): "the activity that corresponds to the root of "LMS Test Content Package CM-07b"" selectable in the table of contents? expected no: the LMS answers yes',
  'CM-07c':
    'not yet diagnosed (navigation UI): previous disabled? expected yes: the LMS answers no',
  'CM-07d':
    'not yet diagnosed (navigation UI): "Activity 13" selectable in the table of contents? expected no: the LMS answers yes',
  'CM-07e':
    'not yet diagnosed (navigation UI): "Activity 4" selectable in the table of contents? expected yes: the LMS answers no',
  'CM-07f':
    'not yet diagnosed (navigation UI): "Activity 1" selectable in the table of contents? expected yes: the LMS answers no',
  'CM-08':
    'driver gap: the tester instruction "ContinueExitCM8" (from ADL\'s unpublished instruction bundle) is not modelled',
  'CM-09aa':
    'not yet diagnosed (sequencing): Act2V1: expected activity_2, the LMS delivered activity_3',
  'CM-09ab':
    'not yet diagnosed (sequencing): Act1V2: expected activity_1, the LMS delivered activity_4',
  'CM-09ba':
    'not yet diagnosed (sequencing): Act3V1: expected activity_3, the LMS delivered activity_1',
  'CM-09bb':
    'not yet diagnosed (sequencing): Act3V1: choice to activity_2 delivered nothing',
  'CM-09ca':
    'not yet diagnosed (sequencing): Act4V2: expected activity_4, the LMS delivered activity_3',
  'CM-09cb':
    'not yet diagnosed (sequencing): Act3V1: choice to activity_1 delivered nothing',
  'CM-10':
    'not yet diagnosed (sequencing): Act4V1: expected activity_4, but no activity is delivered',
  'CM-11':
    'not yet diagnosed (sequencing): Act1V1: expected activity_1, but no activity is delivered',
  'CM-16':
    'not yet diagnosed (sequencing): Act2V2: the LMS delivered nothing after Act2V2',
  'CM-17a':
    'not yet diagnosed (navigation UI): "Activity 4" selectable in the table of contents? expected no: the LMS answers yes',
  'CM-17b':
    'not yet diagnosed (navigation UI): "Activity 4" selectable in the table of contents? expected yes: the LMS answers no',
  'CO-02a':
    'not yet diagnosed (sequencing): Act3V1: expected activity_3, the LMS delivered activity_2',
  'CO-03':
    'not yet diagnosed (sequencing): Act7V1: expected activity_7, the LMS delivered activity_4',
  'CO-04a':
    'not yet diagnosed (sequencing): Act4V1: expected activity_4, the LMS delivered activity_2',
  'CO-04b':
    'not yet diagnosed (sequencing): Act4V1: expected activity_4, the LMS delivered activity_2',
  'CO-04c':
    'not yet diagnosed (sequencing): Act3V1: expected activity_3, the LMS delivered activity_2',
  'CO-05a':
    'not yet diagnosed (sequencing): Act3V1: expected activity_3, the LMS delivered activity_6',
  'CO-05b':
    'not yet diagnosed (sequencing): Act3V1: expected activity_3, the LMS delivered activity_6',
  'CO-07b':
    'not yet diagnosed (sequencing): Act3V1: expected activity_3, the LMS delivered activity_1',
  'CO-10':
    'not yet diagnosed (run-time data): Act3V1: GetValue("cmi.objectives.0.completion_status") returned "incomplete", expected "completed"',
  'CO-12d':
    'not yet diagnosed (sequencing): Act4V1: expected activity_4, the LMS delivered activity_3',
  'CO-13a':
    'not yet diagnosed (sequencing): Act3V1: expected activity_3, the LMS delivered activity_2',
  'DDMa':
    'driver gap: DDM.properties scripts both packages at once (activities 1a…2b, relaunches between DDMa and DDMb); the driver runs one package at a time',
  'DDMb':
    'driver gap: DDM.properties scripts both packages at once (activities 1a…2b, relaunches between DDMa and DDMb); the driver runs one package at a time',
  'DMB':
    'not yet diagnosed (sequencing): Act1V1: the LMS delivered nothing after Act1V1',
  'DMI':
    'scorm-again bug: SetValue("cmi", "illegal") replaces the API\'s whole cmi object instead of failing with 401, and the next Terminate throws',
  'MS-05a':
    'not yet diagnosed (sequencing): Act1V2: expected activity_1, the LMS delivered activity_5',
  'MS-05b':
    'not yet diagnosed (sequencing): Act5V1: expected activity_5, the LMS delivered activity_1',
  'MS-06':
    'not yet diagnosed (sequencing): Act6V1: expected activity_6, the LMS delivered activity_1',
  'MS-07':
    'not yet diagnosed (navigation UI): "Activity 5" shown in the table of contents? expected no: the LMS answers yes',
  'OB-02b':
    'not yet diagnosed (sequencing): Act3V1: expected activity_3, the LMS delivered activity_2',
  'OB-03c':
    'not yet diagnosed (sequencing): Act9V1: expected activity_9, the LMS delivered activity_4',
  'OB-09b':
    'not yet diagnosed (sequencing): Act3V1: expected activity_3, the LMS delivered activity_1',
  'OB-12a':
    'not yet diagnosed: the content cannot find objective "ob j 1" in cmi.objectives (an id with spaces)',
  'RU-04aa':
    'not yet diagnosed (sequencing): Act4V1: expected activity_4, the LMS delivered activity_1',
  'RU-04ab':
    'not yet diagnosed (sequencing): Act4V1: expected activity_4, the LMS delivered activity_1',
  'RU-04ba':
    'not yet diagnosed (sequencing): Act5V1: expected activity_5, the LMS delivered activity_1',
  'RU-04bb':
    'not yet diagnosed (sequencing): Act4V1: expected activity_4, the LMS delivered activity_1',
  'RU-04bc':
    'not yet diagnosed (sequencing): Act5V1: expected activity_5, the LMS delivered activity_1',
  'RU-04bd':
    'not yet diagnosed (sequencing): Act5V1: expected activity_5, the LMS delivered activity_1',
  'RU-05a':
    'not yet diagnosed (sequencing): Act4V1: expected activity_4, the LMS delivered activity_1',
  'RU-05b':
    'not yet diagnosed (sequencing): Act4V1: expected activity_4, the LMS delivered activity_6',
  'RU-07c':
    'not yet diagnosed (sequencing): Act2V2: the LMS delivered nothing after Act2V2',
  'RU-10':
    'not yet diagnosed (sequencing): Act6V1: expected activity_6, the LMS delivered activity_1',
  'RU-11':
    'not yet diagnosed (sequencing): Act1V2: expected activity_1, the LMS delivered activity_4',
  'RU-12a':
    'not yet diagnosed (sequencing): Act4V2: expected activity_4, the LMS delivered activity_3',
  'RU-13d':
    'not yet diagnosed (sequencing): Act6V1: expected activity_6, the LMS delivered activity_2',
  'RU-13e':
    'not yet diagnosed (sequencing): Act2V1: expected activity_2, the LMS delivered activity_3',
  'RU-14a':
    'not yet diagnosed (sequencing): Act4V1: expected activity_4, the LMS delivered activity_2',
  'RU-14b':
    'not yet diagnosed (sequencing): Act4V1: expected activity_4, the LMS delivered activity_2',
  'RU-14c':
    'not yet diagnosed (sequencing): Act4V1: expected activity_4, the LMS delivered activity_2',
  'RU-14d':
    'not yet diagnosed (sequencing): Act4V1: expected activity_4, the LMS delivered activity_2',
  'RU-15b':
    'not yet diagnosed (sequencing): Act1V2: expected activity_1, the LMS delivered activity_6',
  'RU-15d':
    'not yet diagnosed (sequencing): Act1V2: expected activity_1, the LMS delivered activity_6',
  'RU-19b':
    'not yet diagnosed (sequencing): Act5V1: expected activity_5, the LMS delivered activity_2',
  'SX-04b':
    'driver gap: the tester instruction "RootSX4b" (from ADL\'s unpublished instruction bundle) is not modelled',
  'SX-08a':
    'not yet diagnosed (sequencing): Act1V1: expected activity_1, but no activity is delivered',
  'SX-08b':
    'not yet diagnosed (sequencing): Act1V1: expected activity_1, but no activity is delivered',
  'SX-09':
    'not yet diagnosed (run-time data): Act1V1: SetValue("adl.nav.request", …) returned "false", expected "true" (error 406)',
  'SX-11c':
    'not yet diagnosed (run-time data): Act1V1: GetValue("cmi.objectives.0.score.raw") returned "", expected "7"',
  'T-01a':
    'not yet diagnosed (sequencing): Act5V1: the LMS delivered nothing after Act5V1',
  'T-01b':
    'not yet diagnosed (sequencing): Act5V1: the LMS delivered nothing after Act5V1',
};
