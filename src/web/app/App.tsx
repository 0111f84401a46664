import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Loading } from '../components/Loading';
import { NotFoundPage } from '../components/States';
import { MunicipalityAdminPage } from '../features/admin/MunicipalityAdminPage';
import { NetworkAdminPage } from '../features/admin/NetworkAdminPage';
import { AssessmentPage, CodeEntryPage } from '../features/assessments/AssessmentPage';
import { MyAssessmentsPage } from '../features/assessments/MyAssessmentsPage';
import { AuditPage } from '../features/audit/AuditPage';
import { CampaignPage } from '../features/campaigns/CampaignPage';
import { CampaignsPage, NewCampaignPage } from '../features/campaigns/CampaignsPage';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { FrameworksPage } from '../features/frameworks/FrameworksPage';
import { FrameworkVersionPage } from '../features/frameworks/FrameworkVersionPage';
import { HomePage } from '../features/home/HomePage';
import { ImportPage } from '../features/imports/ImportPage';
import { LrsCredentialsPage } from '../features/lrs/LrsCredentialsPage';
import { LrsGuard } from '../features/lrs/LrsGuard';
import { LrsStatementsPage } from '../features/lrs/LrsStatementsPage';
import { PackagesGuard } from '../features/packages/PackagesGuard';
import { PackagesRoutes } from '../features/packages/PackagesRoutes';
import { PeopleListPage } from '../features/people/PeopleListPage';
import { CataloguePage } from '../features/learning/catalogue/CataloguePage';
import { ItemDetailPage } from '../features/learning/catalogue/ItemDetailPage';
import { EditItemPage, NewItemPage } from '../features/learning/catalogue/ItemEditorPage';
import { SessionsPage } from '../features/learning/events/SessionsPage';
import { AssignmentPage } from '../features/learning/assignments/AssignmentPage';
import { AssignmentsPage } from '../features/learning/assignments/AssignmentsPage';
import { NewAssignmentPage } from '../features/learning/assignments/NewAssignmentPage';
import { MyLearningPage } from '../features/learning/my-learning/MyLearningPage';
import { IssuerKeysPage } from '../features/learning/certificates/IssuerKeysPage';
import { MyCertificatesPage } from '../features/learning/certificates/MyCertificatesPage';
import { VerifyPage } from '../features/learning/certificates/VerifyPage';
import { CoursesPage } from '../features/player/CoursesPage';
import { PlayerPage } from '../features/player/PlayerPage';
import { NewPersonPage, PersonPage } from '../features/people/PersonPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { NewFromTemplatePage, NewRoleProfilePage } from '../features/role-profiles/NewRoleProfilePages';
import { RoleProfilePage } from '../features/role-profiles/RoleProfilePage';
import { RoleProfilesPage } from '../features/role-profiles/RoleProfilesPage';
import { UnitsPage } from '../features/units/UnitsPage';
import { AuthProvider } from './auth';
import { PublicOnly, RequireAuth, RequirePermission } from './guards';
import { Layout } from './Layout';
import { MunicipalityProvider } from './municipality';
import type { Permissions } from './permissions';

// Results, profiles and comparisons load on demand (their charts bring ECharts along).
const ResultsPage = lazy(() => import('../features/results/ResultsPage').then((m) => ({ default: m.ResultsPage })));
const TrendPage = lazy(() => import('../features/results/TrendPage').then((m) => ({ default: m.TrendPage })));
const RespondentsPage = lazy(() => import('../features/competence-profile/ProfilePages').then((m) => ({ default: m.RespondentsPage })));
const PersonProfilePage = lazy(() => import('../features/competence-profile/ProfilePages').then((m) => ({ default: m.PersonProfilePage })));
const MyCompetencePage = lazy(() => import('../features/competence-profile/ProfilePages').then((m) => ({ default: m.MyCompetencePage })));
const BenchmarksPage = lazy(() => import('../features/benchmarks/BenchmarksPage').then((m) => ({ default: m.BenchmarksPage })));
const AnalysisPage = lazy(() => import('../features/analysis/AnalysisPage').then((m) => ({ default: m.AnalysisPage })));
// Built-in courses bring the Markdown renderer along.
const CourseEditorPage = lazy(() => import('../features/learning/courses/CourseEditorPage').then((m) => ({ default: m.CourseEditorPage })));
const LearnCoursePage = lazy(() => import('../features/learning/courses/LearnCoursePage').then((m) => ({ default: m.LearnCoursePage })));
const LearningReportsPage = lazy(() => import('../features/learning/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const LearningPersonReportPage = lazy(() => import('../features/learning/reports/PersonReportPage').then((m) => ({ default: m.PersonReportPage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

type TitleKey =
  | 'nav.campaigns'
  | 'nav.results'
  | 'nav.benchmarks'
  | 'nav.analysis'
  | 'nav.people'
  | 'nav.import'
  | 'nav.units'
  | 'nav.roleProfiles'
  | 'nav.audit'
  | 'nav.municipality'
  | 'nav.network'
  | 'nav.issuerKeys'
  | 'nav.learningReports'
  | 'nav.assignments';

function Guarded({ permission, titleKey, children }: { permission: keyof Permissions; titleKey: TitleKey; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <RequirePermission permission={permission} title={t(titleKey)}>
      {children}
    </RequirePermission>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/login" element={<PublicOnly><LoginPage /></PublicOnly>} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/assess" element={<CodeEntryPage />} />
        <Route path="/assess/:key" element={<AssessmentPage />} />
        {/* Certificate verification is public: employers and authorities check a code without an account. */}
        <Route path="/verify" element={<VerifyPage />} />
        <Route path="/verify/:code" element={<VerifyPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/assessments" element={<MyAssessmentsPage />} />
          <Route path="/learn" element={<CoursesPage />} />
          <Route path="/learn/play/:packageId" element={<PlayerPage />} />
          <Route path="/catalogue" element={<CataloguePage />} />
          <Route path="/learning/certificates" element={<MyCertificatesPage />} />
          <Route path="/my-learning" element={<MyLearningPage />} />
          <Route path="/learning/assignments" element={<Guarded permission="assignLearning" titleKey="nav.assignments"><AssignmentsPage /></Guarded>} />
          <Route path="/learning/assignments/new" element={<Guarded permission="assignLearning" titleKey="nav.assignments"><NewAssignmentPage /></Guarded>} />
          <Route path="/learning/assignments/:assignmentId" element={<Guarded permission="assignLearning" titleKey="nav.assignments"><AssignmentPage /></Guarded>} />
          <Route path="/catalogue/new" element={<NewItemPage />} />
          <Route path="/learning/items/:itemId" element={<ItemDetailPage />} />
          <Route path="/learning/items/:itemId/edit" element={<EditItemPage />} />
          <Route path="/learning/items/:itemId/course/edit" element={<Lazy><CourseEditorPage /></Lazy>} />
          <Route path="/learning/items/:itemId/learn" element={<Lazy><LearnCoursePage /></Lazy>} />
          <Route path="/learning/items/:itemId/sessions" element={<SessionsPage />} />
          <Route path="/campaigns" element={<Guarded permission="readCampaigns" titleKey="nav.campaigns"><CampaignsPage /></Guarded>} />
          <Route path="/campaigns/new" element={<Guarded permission="manageCampaigns" titleKey="nav.campaigns"><NewCampaignPage /></Guarded>} />
          <Route path="/campaigns/:campaignId" element={<Guarded permission="readCampaigns" titleKey="nav.campaigns"><CampaignPage /></Guarded>} />
          <Route path="/campaigns/:campaignId/results" element={<Guarded permission="readResults" titleKey="nav.results"><Lazy><ResultsPage /></Lazy></Guarded>} />
          <Route path="/campaigns/:campaignId/people" element={<Guarded permission="readResults" titleKey="nav.results"><Lazy><RespondentsPage /></Lazy></Guarded>} />
          <Route path="/campaigns/:campaignId/people/:personId" element={<Guarded permission="readResults" titleKey="nav.results"><Lazy><PersonProfilePage /></Lazy></Guarded>} />
          <Route path="/results/trend" element={<Guarded permission="readResults" titleKey="nav.results"><Lazy><TrendPage /></Lazy></Guarded>} />
          <Route path="/benchmarks" element={<Guarded permission="readBenchmarks" titleKey="nav.benchmarks"><Lazy><BenchmarksPage /></Lazy></Guarded>} />
          <Route path="/analysis" element={<Guarded permission="viewAnalysis" titleKey="nav.analysis"><Lazy><AnalysisPage /></Lazy></Guarded>} />
          <Route path="/learning/reports" element={<Guarded permission="readLearningReports" titleKey="nav.learningReports"><Lazy><LearningReportsPage /></Lazy></Guarded>} />
          <Route path="/learning/reports/people/:personId" element={<Guarded permission="readLearningReports" titleKey="nav.learningReports"><Lazy><LearningPersonReportPage /></Lazy></Guarded>} />
          <Route path="/my-competence" element={<Lazy><MyCompetencePage /></Lazy>} />
          <Route path="/people" element={<Guarded permission="readPeople" titleKey="nav.people"><PeopleListPage /></Guarded>} />
          <Route path="/people/new" element={<Guarded permission="managePeople" titleKey="nav.people"><NewPersonPage /></Guarded>} />
          <Route path="/people/import" element={<Guarded permission="importPeople" titleKey="nav.import"><ImportPage /></Guarded>} />
          <Route path="/people/:personId" element={<Guarded permission="readPeople" titleKey="nav.people"><PersonPage /></Guarded>} />
          <Route path="/units" element={<Guarded permission="readUnits" titleKey="nav.units"><UnitsPage /></Guarded>} />
          <Route path="/role-profiles" element={<Guarded permission="readRoleProfiles" titleKey="nav.roleProfiles"><RoleProfilesPage /></Guarded>} />
          <Route path="/role-profiles/new" element={<Guarded permission="manageRoleProfiles" titleKey="nav.roleProfiles"><NewRoleProfilePage /></Guarded>} />
          <Route path="/role-profiles/new/template" element={<Guarded permission="manageRoleProfiles" titleKey="nav.roleProfiles"><NewFromTemplatePage /></Guarded>} />
          <Route path="/role-profiles/:profileId" element={<Guarded permission="readRoleProfiles" titleKey="nav.roleProfiles"><RoleProfilePage /></Guarded>} />
          <Route path="/frameworks" element={<FrameworksPage />} />
          <Route path="/frameworks/:versionId" element={<FrameworkVersionPage />} />
          <Route path="/audit" element={<Guarded permission="viewAudit" titleKey="nav.audit"><AuditPage /></Guarded>} />
          <Route path="/admin/municipality" element={<Guarded permission="adminMunicipality" titleKey="nav.municipality"><MunicipalityAdminPage /></Guarded>} />
          <Route path="/admin/issuer-keys" element={<Guarded permission="createAccounts" titleKey="nav.issuerKeys"><IssuerKeysPage /></Guarded>} />
          <Route path="/admin/lrs" element={<LrsGuard need="manageCredentials"><LrsCredentialsPage /></LrsGuard>} />
          <Route path="/lrs/statements" element={<LrsGuard need="readStatements"><LrsStatementsPage /></LrsGuard>} />
          <Route path="/packages/*" element={<PackagesGuard need="read"><PackagesRoutes /></PackagesGuard>} />
          <Route path="/admin/network" element={<Guarded permission="adminNetwork" titleKey="nav.network"><NetworkAdminPage /></Guarded>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <MunicipalityProvider>
          <AppRoutes />
        </MunicipalityProvider>
      </AuthProvider>
    </BrowserRouter>
  );
}
