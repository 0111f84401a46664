import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';

// Ed25519 signing keys of a municipality and the JWS (EdDSA) operations on
// them, with node:crypto alone. The private key is kept as PKCS#8 encrypted
// with AES-256-GCM under an app secret; the authenticated data names the
// municipality and key id, so a ciphertext copied onto another row (or
// another tenant) does not decrypt.

export type PublicEd25519Jwk = { kty: 'OKP'; crv: 'Ed25519'; x: string };
export type NewIssuerKey = { publicJwk: PublicEd25519Jwk; privateKeyEncrypted: Buffer };

const IV_BYTES = 12;
const TAG_BYTES = 16;
const aad = (municipalityId: string, keyId: string) => Buffer.from(`issuer-key|${municipalityId}|${keyId}`);

export function generateIssuerKey(encryptionKey: Buffer, municipalityId: string, keyId: string): NewIssuerKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const { kty, crv, x } = publicKey.export({ format: 'jwk' });
  if (kty !== 'OKP' || crv !== 'Ed25519' || !x) throw new Error('unexpected Ed25519 public key export');
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
  cipher.setAAD(aad(municipalityId, keyId));
  const body = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  pkcs8.fill(0);
  return { publicJwk: { kty, crv, x }, privateKeyEncrypted: Buffer.concat([iv, cipher.getAuthTag(), body]) };
}

export function decryptIssuerKey(encryptionKey: Buffer, municipalityId: string, keyId: string, stored: Buffer): KeyObject {
  const iv = stored.subarray(0, IV_BYTES);
  const tag = stored.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv);
  decipher.setAAD(aad(municipalityId, keyId));
  decipher.setAuthTag(tag);
  const pkcs8 = Buffer.concat([decipher.update(stored.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  try {
    return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  } finally {
    pkcs8.fill(0);
  }
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** A compact JWS over the JSON payload (RFC 7515 §7.1), signed with EdDSA (RFC 8037). */
export function signCompactJws(header: Record<string, unknown>, payload: Record<string, unknown>, privateKey: KeyObject): string {
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${signingInput}.${b64url(sign(null, Buffer.from(signingInput), privateKey))}`;
}

export type DecodedJws = { header: Record<string, unknown>; payload: Record<string, unknown>; signingInput: string; signature: Buffer };

/** Splits and parses a compact JWS without trusting it; null when it is not one. */
export function decodeCompactJws(jws: string): DecodedJws | null {
  const parts = jws.trim().split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    if (!isObject(header) || !isObject(payload)) return null;
    return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2]!, 'base64url') };
  } catch {
    return null;
  }
}

export function verifyEdDsa(decoded: DecodedJws, jwk: PublicEd25519Jwk): boolean {
  if (decoded.header.alg !== 'EdDSA') return false;
  const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  return verify(null, Buffer.from(decoded.signingInput), key, decoded.signature);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
