import { randomUUID } from 'node:crypto';
import { LANGUAGES, type Language } from '../../../../shared/domain.js';
import type { TenantTx } from '../../../db/tenant.js';
import { newVerificationCode } from './verification-code.js';

// Issues the certificate for a new completion, in the completion's
// transaction (recordLearning calls this), so a completion never exists
// without its certificate when the item gives one.
//
// The texts are frozen at issue time (the holder's name and the item's title
// in the holder's language), because a certificate says what was true when it
// was issued. The Open Badge is signed on first request instead of here: the
// signing key is encrypted under an app secret that tenant transactions (as
// mestring_app) cannot read by design, and recordLearning runs in many places
// (courses, the SCORM player, cmi5, the LRS, seeds) that have no config to
// build the issuer's URLs from. See badge-signing.ts.

const CODE_ATTEMPTS = 5;

export async function issueCertificateForCompletion(tx: TenantTx, municipalityId: string, completionId: string): Promise<void> {
  const completion = await tx
    .selectFrom('learning_completions')
    .select(['person_id', 'item_id', 'item_municipality_id'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', completionId)
    .executeTakeFirst();
  if (!completion) throw new Error(`completion ${completionId} does not exist in ${municipalityId}`);
  const existing = await tx.selectFrom('certificates').select('id').where('municipality_id', '=', municipalityId).where('completion_id', '=', completionId).executeTakeFirst();
  if (existing) return;

  const person = await tx
    .selectFrom('persons')
    .select(['given_name', 'family_name', 'preferred_language'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', completion.person_id)
    .executeTakeFirstOrThrow();
  // An item held by another member of the network is not readable in this
  // tenant's transaction; certificates for shared items come with sharing.
  const item = await tx
    .selectFrom('learning_items')
    .select(['titles', 'languages'])
    .where('municipality_id', '=', completion.item_municipality_id)
    .where('id', '=', completion.item_id)
    .executeTakeFirst();
  if (!item) return;

  const language = certificateLanguage(person.preferred_language, item.titles, item.languages);
  const certificateId = randomUUID();
  const code = await reserveCode(tx, municipalityId, certificateId);
  await tx
    .insertInto('certificates')
    .values({
      municipality_id: municipalityId,
      id: certificateId,
      person_id: completion.person_id,
      item_id: completion.item_id,
      completion_id: completionId,
      verification_code: code,
      language,
      holder_name: `${person.given_name} ${person.family_name}`.trim(),
      item_title: item.titles[language] ?? Object.values(item.titles)[0] ?? '',
    })
    .execute();
}

/** The learner's language when the item has a title in it, else the item's first language that has one. */
export function certificateLanguage(preferred: string, titles: Record<string, string>, languages: string[]): Language {
  const isLanguage = (l: string): l is Language => (LANGUAGES as readonly string[]).includes(l);
  if (isLanguage(preferred) && titles[preferred]) return preferred;
  const first = [...languages, ...Object.keys(titles)].find((l) => isLanguage(l) && titles[l]);
  return (first as Language | undefined) ?? (isLanguage(languages[0] ?? '') ? (languages[0] as Language) : 'nb');
}

/** A fresh code in the global table; a collision (80 random bits, so never in practice) draws again. */
async function reserveCode(tx: TenantTx, municipalityId: string, certificateId: string): Promise<string> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const code = newVerificationCode();
    const row = await tx
      .insertInto('certificate_codes')
      .values({ code, municipality_id: municipalityId, certificate_id: certificateId })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('code')
      .executeTakeFirst();
    if (row) return row.code;
  }
  throw new Error('could not draw an unused verification code');
}
