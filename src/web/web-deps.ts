// What the web server needs from the rest of the bot, as values and functions (the composition
// root builds them), so src/web never opens the database or loads configuration itself.
export interface ReadinessCheck {
  name: string;
  ok: boolean;
  /** Why not, or what was seen, in words an operator can act on. */
  detail: string;
}

export interface WebDeps {
  /** Every readiness check, run now. */
  readiness(): ReadinessCheck[];
  /** The Prometheus exposition text and its content type. */
  metrics(): Promise<{ contentType: string; body: string }>;
  /** Email unsubscribe/confirm by signed token (email-routes.ts); absent without email set up. */
  emailToken?(action: EmailTokenAction, token: string): { ok: boolean; message: string };
}

export type EmailTokenAction = 'unsubscribe' | 'confirm';

export interface WebAccess {
  /** Bearer token (WEB_TOKEN); null when sign-in is off. */
  token: string | null;
}
