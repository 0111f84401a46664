import { z } from 'zod';
import { roleProfileSchema, roleProfileTemplateSchema } from '../../../shared/api/role-profiles';
import { useApi } from '../../api/useApi';

export const roleProfileList = z.array(roleProfileSchema);
export const templateList = z.array(roleProfileTemplateSchema);

export const profilesPath = (municipalityId: string) => `/municipalities/${municipalityId}/role-profiles`;
export const profilePath = (municipalityId: string, profileId: string) => `${profilesPath(municipalityId)}/${profileId}`;

export function useRoleProfiles(municipalityId: string) {
  return useApi(profilesPath(municipalityId), roleProfileList);
}

export function useTemplates() {
  return useApi('/role-profile-templates', templateList);
}
