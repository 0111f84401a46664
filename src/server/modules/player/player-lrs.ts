import { withTenant } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import type { AppDeps } from '../../http/context.js';
import { mestringAuthority, type LrsAuth } from '../lrs/lrs-auth.js';
import { storeStatements } from '../lrs/statements.service.js';
import * as repo from './player.repository.js';

// Hands the statements a commit wrote to the outbox over to the LRS. They are
// validated and stored there like any client's statements, under the
// municipality's "Mestring player" authority. A failure leaves them in the
// outbox; the next commit of the attempt sends them again (same ids, same
// content, so the LRS stores each exactly once). A statement the LRS refuses
// as invalid (or as a conflicting id) would be refused forever: it is logged
// and dropped, so it does not hold back the statements after it.

const BATCH = 100;

export function playerAuthority(publicUrl: string, municipalityId: string): LrsAuth {
  return mestringAuthority(publicUrl, municipalityId, 'Mestring player', 'mestring-player');
}

const refusedForGood = (err: unknown) => err instanceof AppError && (err.code === 'VALIDATION' || err.code === 'CONFLICT');

export async function flushStatementOutbox(deps: AppDeps, municipalityId: string, attemptId: string): Promise<void> {
  const auth = playerAuthority(deps.config.publicUrl, municipalityId);
  for (let round = 0; round < 10; round++) {
    const rows = await withTenant(deps.db, municipalityId, (tx) => repo.readOutbox(tx, municipalityId, attemptId, BATCH));
    if (rows.length === 0) return;
    let done: string[];
    try {
      await storeStatements(deps, auth, '1.0.3', rows.map((r) => r.statement), new Map());
      done = rows.map((r) => r.statement_id);
    } catch (err) {
      if (!refusedForGood(err)) {
        deps.log.error({ err, municipalityId, attemptId }, 'the player could not store its statements; they stay in the outbox');
        return;
      }
      // One of them is refused: find it by storing one at a time.
      done = [];
      for (const row of rows) {
        try {
          await storeStatements(deps, auth, '1.0.3', [row.statement], new Map());
        } catch (one) {
          if (!refusedForGood(one)) break;
          deps.log.error({ err: one, municipalityId, attemptId, statementId: row.statement_id }, 'the LRS refused a player statement; it is dropped');
        }
        done.push(row.statement_id);
      }
    }
    await withTenant(deps.db, municipalityId, (tx) => repo.removeFromOutbox(tx, municipalityId, done));
    if (rows.length < BATCH || done.length < rows.length) return;
  }
}
