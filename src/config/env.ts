// Runtime settings and secrets from the environment (see .env.example for every variable).
// Validated once with zod; every problem is reported at once with its variable name.
import { z } from 'zod';
import { INSTALL_KEY_HINT, parseInstallKey } from './install-key.js';
import { parseWebUsers } from './web-users.js';

// zod 4 compiles an object schema into a specialised parser (new Function) on its first parse:
// worth it for parsing many values, a loss for a process that parses each schema once or a few
// times (every command parses the environment once: 6.5 ms of CPU compiled, 2.7 ms jitless;
// issue 17, cold start). Results are the same (zod docs: `z.config({ jitless: true })`).
z.config({ jitless: true });

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** A proxy is an http(s) URL with a host: "proxy.example.org:8080" alone is refused, not guessed. */
const proxyUrl = z
  .string()
  .optional()
  .refine((v) => v === undefined || isProxyUrl(v), {
    message: 'must be a URL such as http://proxy.example.org:8080',
  });

function isProxyUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const envSchema = z.object({
  DATABASE_PATH: z.string().default('data/briefing.db'),
  BRIEFING_CONFIG_DIR: z.string().default('config'),
  DIGESTS_DIR: z.string().default('digests'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** auto: human lines when stderr is a terminal, JSON lines otherwise; json or human force one. */
  LOG_FORMAT: z.enum(['auto', 'json', 'human']).default('auto'),
  /** Put in the User-Agent so publishers can reach the operator. */
  BRIEFING_CONTACT_URL: z.string().default('https://github.com/nhs-briefing-bot/nhs-briefing-bot'),
  /** http://host:port (credentials allowed); every fetch goes through it. */
  HTTPS_PROXY: optionalString.pipe(proxyUrl),
  HTTP_PROXY: optionalString.pipe(proxyUrl),
  NO_PROXY: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_API_URL: optionalString,
  SLACK_COMMAND: z.string().default('/briefing'),
  SLACK_SUBSCRIBE_PERMISSION: z.enum(['anyone', 'admins']).default('anyone'),
  /**
   * Who may add or remove email recipients from chat (`/briefing email add`). Mail goes to people
   * outside the channel, so the default is admins (Slack workspace admins, Discord members with
   * DISCORD_SUBSCRIBE_PERMISSION; Teams shows the bot no admin role, so there only the CLI adds).
   */
  EMAIL_CHAT_PERMISSION: z.enum(['anyone', 'admins']).default('admins'),
  /** Many workspaces ("Add to Slack", platforms/slack/oauth-env.ts): all four set OAuth mode on. */
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  /** Signs the OAuth state parameter and cookie (any long random string). */
  SLACK_STATE_SECRET: optionalString,
  /** AES-256-GCM key sealing each workspace's tokens in the database (config/install-key.ts). */
  SLACK_INSTALL_KEY: optionalString.refine((v) => v === undefined || parseInstallKey(v) !== null, {
    message: INSTALL_KEY_HINT,
  }),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString,
  DISCORD_API_URL: optionalString,
  /** Discord permission bit string required to subscribe/unsubscribe; default Manage Channels. */
  DISCORD_SUBSCRIBE_PERMISSION: z
    .string()
    .trim()
    .regex(/^\d{1,20}$/, {
      message:
        'a decimal permission bit string, e.g. 16 (Manage Channels), 8 (Administrator) or 0 (everyone)',
    })
    .default('16'),
  /** Microsoft Teams bot: the Entra app (client) id of the Azure Bot registration. */
  TEAMS_APP_ID: optionalString,
  /** Its client secret (Certificates & secrets in Entra). */
  TEAMS_APP_PASSWORD: optionalString,
  /** Instead of the secret: the app's certificate (PEM) and its private key (PEM), as files. */
  TEAMS_CERT_FILE: optionalString,
  TEAMS_CERT_KEY_FILE: optionalString,
  /** The tenant the single-tenant app is registered in (GUID). */
  TEAMS_TENANT_ID: optionalString,
  /** Port of the bot's messaging endpoint (POST /api/messages); 3978 is the Bot Framework default. */
  TEAMS_PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Interface it binds: loopback by default (put a TLS reverse proxy or tunnel in front). */
  TEAMS_HOST: z.string().default('127.0.0.1'),
  /** Bot Connector URL for proactive digests (Microsoft's public-cloud endpoint by default). */
  TEAMS_SERVICE_URL: z.string().default('https://smba.trafficmanager.net/teams/'),
  /** `on`: post digests to Teams Workflows webhooks subscribed with --platform teams-webhook. */
  TEAMS_WEBHOOKS: z.enum(['on', 'off']).default('off'),
  /** The web server (health, metrics, archive pages) listens only when this is set. */
  WEB_PORT: optionalString.pipe(
    z.coerce.number<string | undefined>().int().min(0).max(65535).optional(),
  ),
  /** Interface to bind; anything but loopback needs WEB_TOKEN. */
  WEB_HOST: z.string().default('127.0.0.1'),
  /** Bearer token for everything but /healthz and /readyz; unset = no sign-in (loopback only). */
  WEB_TOKEN: optionalString,
  /** Basic-auth users of the web archive, "alice:<scrypt hash>,bob:<hash>" (config/web-users.ts). */
  WEB_USERS: optionalString.transform((text, ctx) => {
    if (text === undefined) return [];
    const { users, problems } = parseWebUsers(text);
    for (const message of problems) ctx.addIssue({ code: 'custom', message });
    return users;
  }),
  /** Public address of the web archive (links and ids in its Atom feed); default: as requested. */
  WEB_PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** smtp://, smtps:// (implicit TLS, port 465) or smtp:// with STARTTLS; email delivery is on when set. */
  SMTP_URL: optionalString,
  /** The From address of digests and confirmation mails, e.g. "NHS briefing <briefing@example.org>". */
  EMAIL_FROM: optionalString,
  /** Key for the HMAC of unsubscribe and confirmation tokens (at least 32 characters). */
  EMAIL_UNSUBSCRIBE_SECRET: optionalString.pipe(z.string().min(32).optional()),
  /** Public https base of the web server's email routes, for one-click unsubscribe links. */
  EMAIL_PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
});

export type Env = Readonly<z.infer<typeof envSchema>>;

/** Names of variables whose values must never be logged or echoed in an error. */
export const SECRET_ENV_KEYS = [
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'SLACK_INSTALL_KEY',
  'DISCORD_TOKEN',
  'TEAMS_APP_PASSWORD',
  'WEB_TOKEN',
  'WEB_USERS',
  'SMTP_URL',
  'EMAIL_UNSUBSCRIBE_SECRET',
] as const;

export type EnvResult = { ok: true; env: Env } | { ok: false; errors: string[] };

function isBlank(value: string | undefined): boolean {
  return value !== undefined && value.trim() === '';
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): EnvResult {
  // Proxy variables are conventionally accepted in lower case too.
  const merged: Record<string, string | undefined> = { ...source };
  for (const key of ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY']) {
    if (merged[key] === undefined || isBlank(merged[key])) merged[key] = source[key.toLowerCase()];
  }
  // Empty (or blank) means unset for every variable, as `VAR=` in a .env file or compose file
  // usually intends: the default applies (DATABASE_PATH= is data/briefing.db, not a throwaway).
  for (const key of Object.keys(envSchema.shape)) {
    if (isBlank(merged[key])) delete merged[key];
  }
  const parsed = envSchema.safeParse(merged);
  if (parsed.success) return { ok: true, env: Object.freeze(parsed.data) };
  // Issue paths are variable names; values are never echoed (they may be secrets).
  const errors = parsed.error.issues.map((i) => `env ${i.path.join('.')}: ${i.message}`);
  return { ok: false, errors };
}
