import { type AuditEvent, auditPage } from '../../../shared/api/audit';
import { useCursorPages } from '../../api/useCursorPages';

/** Audit events page by page; loadMore appends the next page via its cursor. */
export function useAuditLog(path: string, query: Record<string, string | undefined>) {
  return useCursorPages<AuditEvent>(path, auditPage, query);
}
