import { resolve } from 'node:path';
import { z } from 'zod';

// The only module that reads process.env. It validates everything at boot and
// refuses to start with a list of every problem, instead of failing later.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MESTRING_DATA_DIR: z.string().default('./data'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Mestring <no-reply@mestring.example>'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  /** Set when behind a reverse proxy: 'true', a hop count, or a list of proxy addresses. */
  TRUST_PROXY: z.string().default('false'),
  /** Comparisons: the fewest municipalities (besides the viewer's own) behind a group figure. */
  BENCHMARK_MIN_MUNICIPALITIES: z.coerce.number().int().min(2).default(5),
  /** Origin that serves e-learning content; must be a different host from PUBLIC_URL so content never sees the session cookie. */
  CONTENT_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
  CONTENT_TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(480),
  PACKAGE_MAX_UPLOAD_MB: z.coerce.number().positive().default(1024),
  PACKAGE_MAX_UNPACKED_MB: z.coerce.number().positive().default(4096),
  PACKAGE_MAX_FILES: z.coerce.number().int().positive().default(20000),
  PACKAGE_MAX_RATIO: z.coerce.number().min(2).default(200),
  /** How often the sweep that e-mails learning reminders (due soon, overdue) runs. */
  LEARNING_REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** Package files in S3-compatible storage instead of under MESTRING_DATA_DIR: see packageS3Settings below. */
  S3_ENDPOINT: optionalText(
    z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).refine((u) => !/[?#]/.test(u), 'must not have a query or fragment'),
  ),
  S3_REGION: optionalText(z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a region name such as us-east-1')),
  S3_BUCKET: optionalText(z.string().regex(/^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3 to 63 lower-case letters, digits, dots, hyphens or underscores')),
  S3_ACCESS_KEY_ID: optionalText(z.string()),
  S3_SECRET_ACCESS_KEY: optionalText(z.string()),
  S3_PREFIX: optionalText(
    z
      .string()
      .transform((p) => p.replace(/^\/+|\/+$/g, ''))
      .refine((p) => p.split('/').every((s) => /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(s) && s !== '..'), 'must be folder names of letters, digits, ".", "_" or "-" separated by "/"'),
  ),
  S3_FORCE_PATH_STYLE: optionalText(z.enum(['true', 'false'])),
});

/** An optional setting where an empty value means unset (as env files often write it). */
function optionalText<T extends z.ZodType<string | undefined, string>>(inner: T) {
  return z.literal('').transform(() => undefined).or(inner.optional());
}

/** S3-compatible storage for package files (AWS S3, MinIO, Ceph, Garage, …). */
export type PackageS3Config = {
  /** Base URL of the service, no trailing slash: the configured endpoint, or AWS's regional one. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Key prefix ending in "/", or "" for the bucket's root. */
  prefix: string;
  /** https://endpoint/bucket/key rather than https://bucket.endpoint/key (what MinIO and most self-hosted servers want). */
  forcePathStyle: boolean;
};

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  cookieSecure: 'auto' | boolean;
  sessionTtlMs: number;
  loginMaxFailures: number;
  loginLockMs: number;
  logLevel: string;
  seedDemo: boolean;
  trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  benchmarkMinMunicipalities: number;
  /** Where package content is served (no trailing slash); null when it cannot be derived and is not set. */
  contentUrl: string | null;
  contentTokenTtlMs: number;
  packageLimits: { maxUploadBytes: number; maxUnpackedBytes: number; maxFiles: number; maxRatio: number };
  /** Where package files live when not under dataDir; null keeps them on the local disk. */
  packageS3: PackageS3Config | null;
  /** Interval of the learning reminder sweep. */
  learningReminderIntervalMs: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Mestring cannot start; fix the environment:\n${problems}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const contentUrl = e.CONTENT_URL ? e.CONTENT_URL.replace(/\/$/, '') : swappedLocalHost(publicUrl);
  if (contentUrl && new URL(contentUrl).hostname === new URL(publicUrl).hostname) {
    throw new Error(`Mestring cannot start; fix the environment:\n  - CONTENT_URL: must use another host name than PUBLIC_URL (${new URL(publicUrl).hostname}), or content could read the session cookie`);
  }
  const packageS3 = packageS3Settings(e);
  const mb = 1024 * 1024;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.MESTRING_DATA_DIR),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO === 'auto',
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    benchmarkMinMunicipalities: e.BENCHMARK_MIN_MUNICIPALITIES,
    contentUrl,
    contentTokenTtlMs: e.CONTENT_TOKEN_TTL_MINUTES * 60_000,
    packageLimits: {
      maxUploadBytes: Math.floor(e.PACKAGE_MAX_UPLOAD_MB * mb),
      maxUnpackedBytes: Math.floor(e.PACKAGE_MAX_UNPACKED_MB * mb),
      maxFiles: e.PACKAGE_MAX_FILES,
      maxRatio: e.PACKAGE_MAX_RATIO,
    },
    packageS3,
    learningReminderIntervalMs: e.LEARNING_REMINDER_INTERVAL_MINUTES * 60_000,
  };
}

// Any S3_ setting asks for S3; then a bucket and both keys are required, since
// silently falling back to the local disk would scatter packages over two places.
function packageS3Settings(e: z.infer<typeof schema>): PackageS3Config | null {
  const given = { S3_ENDPOINT: e.S3_ENDPOINT, S3_REGION: e.S3_REGION, S3_BUCKET: e.S3_BUCKET, S3_ACCESS_KEY_ID: e.S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: e.S3_SECRET_ACCESS_KEY, S3_PREFIX: e.S3_PREFIX, S3_FORCE_PATH_STYLE: e.S3_FORCE_PATH_STYLE };
  if (Object.values(given).every((v) => v === undefined)) return null;
  const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((name) => given[name] === undefined);
  if (missing.length > 0) {
    const set = Object.keys(given).filter((name) => given[name as keyof typeof given] !== undefined);
    throw new Error(
      `Mestring cannot start; fix the environment:\n  - ${missing.join(', ')}: package storage in S3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set); unset every S3_ setting to keep packages under MESTRING_DATA_DIR`,
    );
  }
  const region = e.S3_REGION ?? 'us-east-1';
  return {
    endpoint: (e.S3_ENDPOINT ?? `https://s3.${region}.amazonaws.com`).replace(/\/+$/, ''),
    region,
    bucket: e.S3_BUCKET!,
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
    prefix: e.S3_PREFIX ? `${e.S3_PREFIX}/` : '',
    // Self-hosted servers rarely have a DNS name per bucket; AWS prefers virtual-hosted names.
    forcePathStyle: e.S3_FORCE_PATH_STYLE ? e.S3_FORCE_PATH_STYLE === 'true' : e.S3_ENDPOINT !== undefined,
  };
}

// Cookies are scoped by host name, not port: locally the content is served
// from the other spelling of the loopback host, so the app's cookies never
// reach it. Any other host needs CONTENT_URL (e.g. https://content.example.no).
function swappedLocalHost(publicUrl: string): string | null {
  const url = new URL(publicUrl);
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
  else if (url.hostname === '127.0.0.1' || url.hostname === '[::1]') url.hostname = 'localhost';
  else return null;
  return url.href.replace(/\/$/, '');
}

// Off by default: trusting X-Forwarded-For from anyone would let a client pick
// its own address and walk around the sign-in rate limit.
function parseTrustProxy(value: string): Config['trustProxy'] {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value;
}
