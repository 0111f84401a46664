import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
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
import { PeopleListPage } from '../features/people/PeopleListPage';
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

type TitleKey = 'nav.campaigns' | 'nav.people' | 'nav.import' | 'nav.units' | 'nav.roleProfiles' | 'nav.audit' | 'nav.municipality' | 'nav.network';

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
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/assessments" element={<MyAssessmentsPage />} />
          <Route path="/campaigns" element={<Guarded permission="readCampaigns" titleKey="nav.campaigns"><CampaignsPage /></Guarded>} />
          <Route path="/campaigns/new" element={<Guarded permission="manageCampaigns" titleKey="nav.campaigns"><NewCampaignPage /></Guarded>} />
          <Route path="/campaigns/:campaignId" element={<Guarded permission="readCampaigns" titleKey="nav.campaigns"><CampaignPage /></Guarded>} />
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
