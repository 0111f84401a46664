import type { TenantTx } from '../../../db/tenant.js';
import type { PublicEd25519Jwk } from './issuer-key-crypto.js';

// A municipality's badge signing keys. At most one is active (a partial
// unique index); retired keys stay so badges signed with them still verify.

export async function listIssuerKeys(tx: TenantTx, municipalityId: string) {
  return tx
    .selectFrom('issuer_keys')
    .select(['id', 'algorithm', 'public_jwk', 'created_at', 'retired_at'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function findActiveIssuerKey(tx: TenantTx, municipalityId: string) {
  return tx
    .selectFrom('issuer_keys')
    .select(['id', 'public_jwk', 'private_key_encrypted'])
    .where('municipality_id', '=', municipalityId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

export async function findIssuerKey(tx: TenantTx, municipalityId: string, keyId: string) {
  return tx.selectFrom('issuer_keys').select(['id', 'public_jwk', 'retired_at']).where('municipality_id', '=', municipalityId).where('id', '=', keyId).executeTakeFirst();
}

/** Inserts the key as the active one unless another process just did; true when this one was stored. */
export async function insertActiveIssuerKey(tx: TenantTx, municipalityId: string, keyId: string, publicJwk: PublicEd25519Jwk, privateKeyEncrypted: Buffer): Promise<boolean> {
  const row = await tx
    .insertInto('issuer_keys')
    .values({ municipality_id: municipalityId, id: keyId, algorithm: 'Ed25519', public_jwk: JSON.stringify(publicJwk), private_key_encrypted: privateKeyEncrypted })
    .onConflict((oc) => oc.column('municipality_id').where('retired_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

export async function retireActiveIssuerKey(tx: TenantTx, municipalityId: string, at: Date): Promise<string | null> {
  const row = await tx
    .updateTable('issuer_keys')
    .set({ retired_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('retired_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
