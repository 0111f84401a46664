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
});

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
