import { SELF_COMPLETED_KINDS, type LearningItemKind } from '../../../../shared/api/learning.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../../http/context.js';
import { assertMunicipalityVisible } from '../../access/access.policy.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { withStatementTransaction } from '../../lrs/statements.service.js';
import { recordLearning } from '../records/learning-records.js';
import { catalogueAuthority, markedDoneStatement } from './catalogue-statements.js';
import { cataloguePolicy } from './catalogue.policy.js';
import { conflict, readableItem } from './catalogue.service.js';

// A film or an external link has no runtime to report back, so the learner
// says when they are done. Every other kind is completed by its own source
// (the course, the player, cmi5, xAPI statements, attendance). The progress,
// the completion and the xAPI statement that describes it commit in ONE
// transaction (withStatementTransaction): the LRS and "my learning" never
// disagree. Saying it again adds no completion and no statement.

const isSelfCompleted = (kind: LearningItemKind): kind is (typeof SELF_COMPLETED_KINDS)[number] => (SELF_COMPLETED_KINDS as readonly string[]).includes(kind);

export async function markDone(ctx: RequestContext, municipalityId: string, itemId: string) {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  const personId = cataloguePolicy.learnerPersonId(p, municipalityId);
  if (!personId) throw AppError.forbidden('Only employees of this municipality record their own learning here.');
  const publicUrl = ctx.config.publicUrl;
  return withStatementTransaction(ctx.db, municipalityId, '1.0.3', async (tx, store) => {
    const item = await readableItem(tx, p, municipalityId, itemId);
    if (item.status !== 'published') throw conflict('NOT_PUBLISHED', 'This item is not in the catalogue now, so it cannot be marked as done.', { status: item.status });
    if (!isSelfCompleted(item.kind)) throw conflict('NOT_SELF_COMPLETABLE', 'Only films and external links are marked as done by hand; this item records completion itself.', { kind: item.kind });
    const at = new Date();
    const statement = markedDoneStatement({ publicUrl, personId, personName: p.displayName, item: { id: item.id, kind: item.kind, titles: item.titles }, at });
    const result = await recordLearning(
      tx,
      municipalityId,
      personId,
      { id: item.id, municipalityId: item.municipality_id, certificateEnabled: item.certificate_enabled },
      { status: 'completed', at, source: item.kind, statementId: statement.id },
    );
    if (result.newCompletion) {
      await store(catalogueAuthority(publicUrl, municipalityId), [statement]);
      await recordAudit(tx, municipalityId, actorOf(ctx), {
        action: 'learning_item.complete',
        entityType: 'learning_item',
        entityId: item.id,
        after: { personId, source: item.kind, completionId: result.completionId, statementId: statement.id },
      });
    }
    return { myStatus: result.status };
  });
}
