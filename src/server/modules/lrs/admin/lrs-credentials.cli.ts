import type { Kysely } from 'kysely';
import { createLrsCredentialBody } from '../../../../shared/api/lrs.js';
import type { DB } from '../../../db/schema.js';
import { issueCredential } from './lrs-credentials.service.js';

// `npm run cli -- lrs:credentials --municipality <code> --name <label>`: a
// credential for learning content without a browser (an installation script,
// a test rig). Prints the endpoint, key and secret; the secret is shown once.

export const LRS_CREDENTIALS_USAGE =
  'lrs:credentials --municipality <code|NO-code> --name <label>   an xAPI credential for learning content; prints {"endpoint","key","secret"}';

/** `--flag value` and `--flag=value`; anything else is a mistake worth reporting. */
export function parseFlags(args: string[], allowed: readonly string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m || !allowed.includes(m[1]!)) throw new Error(`unexpected argument "${arg}"; usage: ${LRS_CREDENTIALS_USAGE}`);
    const value = m[2] ?? args[++i];
    if (value === undefined || (m[2] === undefined && value.startsWith('--'))) throw new Error(`--${m[1]} needs a value`);
    if (m[1]! in flags) throw new Error(`--${m[1]} is given twice`);
    flags[m[1]!] = value;
  }
  return flags;
}

/**
 * The municipality by its official code ("9901"), or by country and code
 * ("NO-9901") where the same code exists in more than one country.
 */
export async function municipalityByCode(db: Kysely<DB>, input: string): Promise<{ id: string; name: string; country: string; code: string }> {
  const m = /^(?:([A-Za-z]{2})-)?(\d{1,6})$/.exec(input.trim());
  if (!m) throw new Error(`"${input}" is not a municipality code; give the official code, e.g. 9901 or NO-9901`);
  let query = db.selectFrom('municipalities').select(['id', 'name', 'country', 'code']).where('code', '=', m[2]!);
  if (m[1]) query = query.where('country', '=', m[1].toUpperCase());
  const found = await query.orderBy('country').execute();
  if (found.length === 0) throw new Error(`no municipality has the code ${input}`);
  if (found.length > 1) {
    throw new Error(`the code ${input} is ambiguous (${found.map((f) => `${f.country}-${f.code} ${f.name}`).join(', ')}); give it with the country, e.g. ${found[0]!.country}-${found[0]!.code}`);
  }
  return found[0]!;
}

/** The command's arguments, checked before any database is opened. */
export function parseCredentialArgs(args: string[]): { municipality: string; name: string } {
  const flags = parseFlags(args, ['municipality', 'name']);
  if (!flags.municipality) throw new Error(`give --municipality <code>; usage: ${LRS_CREDENTIALS_USAGE}`);
  const name = createLrsCredentialBody.safeParse({ name: flags.name ?? '' });
  if (!name.success) throw new Error(`give --name <label> (1–200 characters); usage: ${LRS_CREDENTIALS_USAGE}`);
  return { municipality: flags.municipality, name: name.data.name };
}

export async function createCredentialFromCli(db: Kysely<DB>, publicUrl: string, args: { municipality: string; name: string }): Promise<{ endpoint: string; key: string; secret: string }> {
  const municipality = await municipalityByCode(db, args.municipality);
  const issued = await issueCredential(db, publicUrl, municipality.id, args.name, { userId: null, label: 'cli' });
  return { endpoint: issued.endpoint, key: issued.key, secret: issued.secret };
}
