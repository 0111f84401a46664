import { createPublicKey, createVerify, X509Certificate } from 'node:crypto';
import { sameStatement } from './statement-equivalence.js';
import { xapiError } from './xapi-error.js';

// Signed statements (xAPI Data "Signed Statements"): the signature attachment
// holds a JWS whose payload is the statement as it was before the signature
// was attached. A malformed signature is refused with 400; when the JWS
// carries an X.509 chain (x5c) the signature itself is verified too.

export const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature';
const ALGORITHMS: Record<string, string> = { RS256: 'RSA-SHA256', RS384: 'RSA-SHA384', RS512: 'RSA-SHA512' };

function decodeJson(part: string, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // fall through
  }
  throw xapiError.bad(`The statement signature's ${what} is not a JSON object.`);
}

/** Throws 400 unless `jws` is a well-formed RS256/384/512 signature of `statement`. */
export function checkStatementSignature(statement: Record<string, unknown>, jws: string): void {
  const pieces = jws.trim().split('.');
  if (pieces.length !== 3 || pieces.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || !pieces[0] || !pieces[1] || !pieces[2]) {
    throw xapiError.bad('The statement signature is not a JWS in compact serialisation.');
  }
  const [headerPart, payloadPart, signaturePart] = pieces as [string, string, string];
  const header = decodeJson(headerPart, 'header');
  const algorithm = ALGORITHMS[String(header.alg)];
  if (!algorithm) throw xapiError.bad('A statement signature must use RS256, RS384 or RS512.');
  const payload = decodeJson(payloadPart, 'payload');
  // The signed statement is the statement without the signature attachment.
  const unsigned: Record<string, unknown> = { ...statement };
  const attachments = Array.isArray(statement.attachments) ? (statement.attachments as { usageType?: string }[]).filter((a) => a.usageType !== SIGNATURE_USAGE) : [];
  if (attachments.length > 0) unsigned.attachments = attachments;
  else delete unsigned.attachments;
  const payloadUnsigned = { ...payload };
  if (Array.isArray(payloadUnsigned.attachments)) {
    const rest = (payloadUnsigned.attachments as { usageType?: string }[]).filter((a) => a.usageType !== SIGNATURE_USAGE);
    if (rest.length > 0) payloadUnsigned.attachments = rest;
    else delete payloadUnsigned.attachments;
  }
  const withoutId = (s: Record<string, unknown>) => {
    const { id: _id, ...rest } = s;
    return rest;
  };
  const comparable = payloadUnsigned.id === undefined ? sameStatement(withoutId(unsigned), payloadUnsigned) : sameStatement(unsigned, payloadUnsigned);
  if (!comparable) throw xapiError.bad('The statement signature does not sign this statement.');
  if (Array.isArray(header.x5c) && typeof header.x5c[0] === 'string') {
    let key;
    try {
      key = new X509Certificate(Buffer.from(header.x5c[0], 'base64')).publicKey;
    } catch {
      throw xapiError.bad('The certificate in the statement signature (x5c) cannot be read.');
    }
    const ok = createVerify(algorithm).update(`${headerPart}.${payloadPart}`).verify(createPublicKey(key), Buffer.from(signaturePart, 'base64url'));
    if (!ok) throw xapiError.bad('The statement signature does not verify against its certificate.');
  }
}
