import type { Permissions } from './permissions';

export type NavItem = {
  to: string;
  key:
    | 'home'
    | 'assessments'
    | 'learn'
    | 'myCompetence'
    | 'campaigns'
    | 'results'
    | 'benchmarks'
    | 'analysis'
    | 'people'
    | 'import'
    | 'units'
    | 'roleProfiles'
    | 'frameworks'
    | 'audit'
    | 'municipality'
    | 'network'
    | 'lrs'
    | 'lrsStatements'
    | 'packages'
    | 'learningReports'
    | 'myLearning'
    | 'assignments'
    | 'profile'
    | 'certificates'
    | 'issuerKeys';
  visible: (can: Permissions) => boolean;
};

/** Main navigation, filtered by what the user's roles allow in the chosen municipality. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', key: 'home', visible: () => true },
  { to: '/people', key: 'people', visible: (can) => can.readPeople },
  { to: '/people/import', key: 'import', visible: (can) => can.importPeople },
  { to: '/units', key: 'units', visible: (can) => can.readUnits },
  { to: '/role-profiles', key: 'roleProfiles', visible: (can) => can.readRoleProfiles },
  { to: '/campaigns', key: 'campaigns', visible: (can) => can.readCampaigns },
  { to: '/results/trend', key: 'results', visible: (can) => can.readResults },
  { to: '/benchmarks', key: 'benchmarks', visible: (can) => can.readBenchmarks },
  { to: '/analysis', key: 'analysis', visible: (can) => can.viewAnalysis },
  // A learner's own page comes first among the learner's items: what to do, by when.
  { to: '/my-learning', key: 'myLearning', visible: (can) => can.learn },
  { to: '/assessments', key: 'assessments', visible: () => true },
  // The learning catalogue is open to everyone in the municipality; /learn (the SCORM course list) still works.
  { to: '/catalogue', key: 'learn', visible: () => true },
  { to: '/learning/certificates', key: 'certificates', visible: () => true },
  { to: '/my-competence', key: 'myCompetence', visible: () => true },
  { to: '/learning/assignments', key: 'assignments', visible: (can) => can.assignLearning },
  { to: '/learning/reports', key: 'learningReports', visible: (can) => can.readLearningReports },
  { to: '/frameworks', key: 'frameworks', visible: () => true },
  { to: '/audit', key: 'audit', visible: (can) => can.viewAudit },
  { to: '/admin/municipality', key: 'municipality', visible: (can) => can.adminMunicipality },
  // The learning record store: credentials for municipal administrators, the
  // statement browser also for competence advisors (createAccounts and
  // managePeople hold exactly those roles; the pages check lrsAccess too).
  { to: '/admin/lrs', key: 'lrs', visible: (can) => can.createAccounts },
  { to: '/lrs/statements', key: 'lrsStatements', visible: (can) => can.managePeople },
  // E-learning packages: readPeople holds exactly the roles packagesPolicy.read allows
  // (admins, competence advisors, leaders); the page checks packagesAccess too.
  { to: '/packages', key: 'packages', visible: (can) => can.readPeople },
  // Badge signing keys: municipal administrators (createAccounts holds exactly that role, as certificatesPolicy.manageKeys).
  { to: '/admin/issuer-keys', key: 'issuerKeys', visible: (can) => can.createAccounts },
  { to: '/admin/network', key: 'network', visible: (can) => can.adminNetwork },
  { to: '/profile', key: 'profile', visible: () => true },
];
