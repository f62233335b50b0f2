import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { CliError } from '../errors.ts';
import type { Context } from './context.ts';

export const DEFAULT_BASE_URL = 'http://data.gdeltproject.org/gdeltv2';
export const CONFIG_FILE = 'peacebell.config.json';

const positiveInt = z.coerce.number().int().positive();
const feeds = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(['events', 'mentions', 'gkg', 'translation'])).min(1));

/** Settings of the long-running commands; every field can come from a flag, the environment or the config file. */
export const Settings = z
  .object({
    db: z.string().min(1).optional(),
    baseUrl: z.url().default(DEFAULT_BASE_URL),
    feeds: feeds.default(['events']),
    concurrency: positiveInt.max(32).default(4),
    cache: z.string().min(1).optional(),
    pollSeconds: z.coerce.number().positive().default(15),
    backfillHours: z.coerce.number().nonnegative().default(24),
    missingRetryHours: z.coerce.number().nonnegative().default(24),
    /** Days of raw GKG records kept, back from the newest (the threat rollups are kept for good). */
    gkgRetentionDays: z.coerce.number().int().nonnegative().default(7),
    port: positiveInt.max(65535).default(8080),
    host: z.string().min(1).default('127.0.0.1'),
    apiKey: z.string().min(16, 'an API key needs at least 16 characters').optional(),
    corsOrigins: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.url()))
      .default([]),
    rateLimit: z.coerce.number().int().nonnegative().default(0),
    acledUrl: z.url().default('https://acleddata.com'),
    acledUsername: z.string().min(1).optional(),
    acledPassword: z.string().min(1).optional(),
    ucdpUrl: z.url().default('https://ucdpapi.pcr.uu.se'),
    ucdpToken: z.string().min(1).optional(),
    /** Where users open the dashboard, for the links in alerts (default: the server's own address). */
    publicUrl: z.url().optional(),
    /** `smtp://[user:pass@]host[:port]` or `smtps://...` for alerts by e-mail. */
    smtpUrl: z
      .url({ protocol: /^smtps?$/, error: 'must be smtp://host[:port] or smtps://host[:port]' })
      .optional(),
    smtpFrom: z.email().default('peacebell@localhost'),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

const ENV: Record<string, keyof Settings> = {
  PEACEBELL_DB: 'db',
  PEACEBELL_BASE_URL: 'baseUrl',
  PEACEBELL_FEEDS: 'feeds',
  PEACEBELL_CONCURRENCY: 'concurrency',
  PEACEBELL_CACHE: 'cache',
  PEACEBELL_POLL_SECONDS: 'pollSeconds',
  PEACEBELL_BACKFILL_HOURS: 'backfillHours',
  PEACEBELL_MISSING_RETRY_HOURS: 'missingRetryHours',
  PEACEBELL_GKG_RETENTION_DAYS: 'gkgRetentionDays',
  PEACEBELL_PORT: 'port',
  PEACEBELL_HOST: 'host',
  PEACEBELL_API_KEY: 'apiKey',
  PEACEBELL_CORS_ORIGINS: 'corsOrigins',
  PEACEBELL_RATE_LIMIT: 'rateLimit',
  PEACEBELL_ACLED_URL: 'acledUrl',
  PEACEBELL_ACLED_USERNAME: 'acledUsername',
  PEACEBELL_ACLED_PASSWORD: 'acledPassword',
  PEACEBELL_UCDP_URL: 'ucdpUrl',
  PEACEBELL_UCDP_TOKEN: 'ucdpToken',
  PEACEBELL_PUBLIC_URL: 'publicUrl',
  PEACEBELL_SMTP_URL: 'smtpUrl',
  PEACEBELL_SMTP_FROM: 'smtpFrom',
};

function readConfig(path: string, required: boolean): Record<string, unknown> {
  if (!existsSync(path)) {
    if (required) throw new CliError(`config file ${path} does not exist`);
    return {};
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(`config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Merges, lowest first: defaults, the config file (--config, PEACEBELL_CONFIG or
 * ./peacebell.config.json), environment variables, command-line flags.
 */
export function loadSettings(
  ctx: Context,
  flags: Partial<Record<keyof Settings | 'config', unknown>>,
): Settings {
  const { config, ...given } = flags;
  const path = (config as string | undefined) ?? ctx.env.PEACEBELL_CONFIG ?? CONFIG_FILE;
  const file = readConfig(path, config !== undefined || ctx.env.PEACEBELL_CONFIG !== undefined);
  const env = Object.fromEntries(
    Object.entries(ENV).flatMap(([name, key]) => (ctx.env[name] === undefined ? [] : [[key, ctx.env[name]]])),
  );
  const cli = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  const parsed = Settings.safeParse({ ...file, ...env, ...cli });
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`)
      .join('; ');
    throw new CliError(`invalid settings (${path}, environment or flags): ${issues}`);
  }
  return parsed.data;
}
