import { z } from 'zod';
import { frameworkStatement, frameworkSummary, frameworkVersionDetail } from '../../../shared/api/frameworks';
import { useApi } from '../../api/useApi';

export const frameworkList = z.array(frameworkSummary);
export const statementList = z.array(frameworkStatement);

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function useFrameworks() {
  return useApi('/frameworks', frameworkList);
}

/** One framework version with its scale, areas and competences; `null` skips loading. */
export function useFrameworkVersion(versionId: string | null) {
  return useApi(versionId ? `/frameworks/versions/${versionId}` : null, frameworkVersionDetail);
}
