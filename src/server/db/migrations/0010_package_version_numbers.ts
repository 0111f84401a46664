import { sql, type Kysely } from 'kysely';

// Package version numbers are handed out before a version's files are stored,
// so that storing (an upload of every file to S3-compatible storage) happens
// outside any transaction. reserved_version is the highest number ever handed
// out and only grows, so a number is never reused, not even after its version
// is deleted or its upload failed. latest_version is now the highest version
// that exists (0 while the first one is still being stored).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table packages add column reserved_version integer not null default 0`.execute(db);
  await sql`update packages set reserved_version = latest_version`.execute(db);
  // Earlier, deleting the latest version left latest_version pointing at it.
  await sql`update packages p set latest_version = coalesce((select max(v.version) from package_versions v
    where v.municipality_id = p.municipality_id and v.package_id = p.id), 0)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
