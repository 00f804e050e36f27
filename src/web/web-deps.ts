// What the web server needs from the rest of the bot, as values and functions (the composition
// root builds them), so src/web never opens the database or loads configuration itself.
import type { CommandDeps, ThemeCorrection } from '../commands/types.js';
import type { WebUser } from '../config/web-users.js';
import type { Digest, SourceHealth } from '../domain.js';
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
  /** The archive pages (web/pages/); absent: only health, metrics and email routes. */
  archive?: ArchiveDeps;
}

/** What the archive's search and story pages ask of the chat commands' deps (the same code). */
export type ArchiveCommandDeps = Pick<
  CommandDeps,
  | 'themes'
  | 'sourceIds'
  | 'search'
  | 'explain'
  | 'resolveOrganisation'
  | 'suggestOrganisations'
  | 'organisationName'
  | 'organisationSuccession'
>;

/** A week's digest as archived in digests/YYYY/YYYY-Www.json, and when the file was written. */
export interface ArchivedWeek {
  digest: Digest;
  /** ISO UTC instant of the archive file's last write (the Atom entry's `updated`). */
  updatedAt: string;
}

export interface ArchiveDeps {
  /** The configured time zone (dates on pages). */
  timeZone: string;
  commands: ArchiveCommandDeps;
  /** Weeks with an archived digest ("2017-W07"), newest first. */
  listWeeks(): string[];
  /** One archived week, or null when none was archived (or the file is unreadable). */
  readWeek(week: string): ArchivedWeek | null;
  /** Configured source names by id. */
  sourceNames(): ReadonlyMap<string, string>;
  sourceHealth(): SourceHealth[];
  /** Every workspace's theme corrections of one story, oldest first. */
  storyCorrections(storyId: string): ThemeCorrection[];
  /** Public base URL for absolute links (the Atom feed); null: the request's own address. */
  publicUrl: string | null;
}

export type EmailTokenAction = 'unsubscribe' | 'confirm';

export interface WebAccess {
  /** Bearer token (WEB_TOKEN); null when sign-in is off. */
  token: string | null;
  /** Basic-auth users (WEB_USERS); absent or empty: none. */
  users?: readonly WebUser[];
}
