// The email platform's settings from the environment (config/env.ts validates their shape):
// the SMTP URL, the From address and its domain (for Message-IDs), the token secret and the
// public base URL of the one-click unsubscribe route. Missing pieces are a clear error here,
// once, instead of a failure on the first send.
import { ConfigError } from '../../config/config-error.js';
import type { Env } from '../../config/env.js';

export interface EmailSettings {
  smtpUrl: string;
  from: string;
  /** The bare From address, for the mailto: unsubscribe. */
  fromAddress: string;
  /** Right-hand side of Message-IDs. */
  domain: string;
  secret: string;
  /** e.g. https://briefing.example.org (the web server's /email/unsubscribe route), or null. */
  publicUrl: string | null;
}

export type EmailEnv = Pick<
  Env,
  'SMTP_URL' | 'EMAIL_FROM' | 'EMAIL_UNSUBSCRIBE_SECRET' | 'EMAIL_PUBLIC_URL'
>;

/** What is missing or malformed for sending email, one line each naming the variable. */
export function emailSettingsProblems(env: EmailEnv): string[] {
  const problems: string[] = [];
  const missing = (['SMTP_URL', 'EMAIL_FROM', 'EMAIL_UNSUBSCRIBE_SECRET'] as const).filter(
    (k) => env[k] === undefined,
  );
  if (missing.length > 0) problems.push(`email: set ${missing.join(', ')} to send email`);
  if (env.EMAIL_FROM !== undefined && fromParts(env.EMAIL_FROM) === null) {
    problems.push('email: EMAIL_FROM must be an address, e.g. "Briefing <briefing@example.org>"');
  }
  return problems;
}

function fromParts(from: string): { fromAddress: string; domain: string } | null {
  const fromAddress = /<([^<>\s@]+@[^<>\s@]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  const domain = fromAddress.split('@')[1];
  if (!domain || /[\s<>]/.test(fromAddress)) return null;
  return { fromAddress, domain };
}

/** The settings, or a thrown ConfigError listing every problem. */
export function readEmailSettings(env: EmailEnv): EmailSettings {
  const problems = emailSettingsProblems(env);
  if (problems.length > 0) throw new ConfigError(problems);
  const from = env.EMAIL_FROM!;
  const { fromAddress, domain } = fromParts(from)!;
  return {
    smtpUrl: env.SMTP_URL!,
    from,
    fromAddress,
    domain: domain.toLowerCase(),
    secret: env.EMAIL_UNSUBSCRIBE_SECRET!,
    publicUrl: env.EMAIL_PUBLIC_URL ? trimSlashes(env.EMAIL_PUBLIC_URL) : null,
  };
}

function trimSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
