import { lrsStatementPage, type LrsStatementRow } from '../../../shared/api/lrs';
import { useCursorPages } from '../../api/useCursorPages';

/** Statements page by page; loadMore appends the next page via its cursor. */
export function useStatements(path: string, query: Record<string, string | undefined>) {
  return useCursorPages<LrsStatementRow>(path, lrsStatementPage, query, { clearOnError: true });
}
