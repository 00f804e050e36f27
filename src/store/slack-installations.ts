// Slack installations (OAuth mode: one bot, many workspaces), one row per workspace (team id).
// The tokens are sealed with AES-256-GCM under SLACK_INSTALL_KEY (sealed-box.ts), bound to the
// team id so a row's ciphertext opens only as that row; the rest of Slack's installation record
// is stored in clear for operators. A key that cannot open a row is an expected failure
// (`unreadable`, with the reason), never a crash and never a token in a message.
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';
import { openSealed, sealText } from './sealed-box.js';

export interface SlackInstallationInput {
  teamId: string;
  enterpriseId: string | null;
  teamName: string | null;
  /** Slack's installation record without its tokens (JSON). */
  details: Record<string, unknown>;
  /** The tokens (bot, and user if any), sealed at rest. */
  secrets: Record<string, string>;
}

export interface SlackInstallation extends SlackInstallationInput {
  installedAt: string;
  updatedAt: string;
}

export type SlackInstallationLookup =
  | { status: 'found'; installation: SlackInstallation }
  | { status: 'missing' }
  | { status: 'unreadable'; reason: string };

/** What `list` shows: no secrets. */
export interface SlackInstallationSummary {
  teamId: string;
  teamName: string | null;
  installedAt: string;
}

interface Row {
  team_id: string;
  enterprise_id: string | null;
  team_name: string | null;
  details: string;
  sealed_secrets: string;
  installed_at: string;
  updated_at: string;
}

/** Binds each ciphertext to its row: copied into another team's row, it does not open. */
const boundTo = (teamId: string) => `slack_installations:${teamId}`;

/** Inserts or replaces a workspace's installation (a re-install keeps its first installed_at). */
export function saveSlackInstallation(
  db: Db,
  key: Buffer,
  input: SlackInstallationInput,
  now: Date,
): void {
  prepareCached<[Record<string, string | null>], unknown>(
    db,
    `INSERT INTO slack_installations (team_id, enterprise_id, team_name, details, sealed_secrets,
       installed_at, updated_at)
     VALUES (@team, @enterprise, @name, @details, @sealed, @at, @at)
     ON CONFLICT (team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id,
       team_name = excluded.team_name, details = excluded.details,
       sealed_secrets = excluded.sealed_secrets, updated_at = excluded.updated_at`,
  ).run({
    team: input.teamId,
    enterprise: input.enterpriseId,
    name: input.teamName,
    details: JSON.stringify(input.details),
    sealed: sealText(key, JSON.stringify(input.secrets), boundTo(input.teamId)),
    at: now.toISOString(),
  });
}

export function findSlackInstallation(
  db: Db,
  key: Buffer,
  teamId: string,
): SlackInstallationLookup {
  const row = prepareCached<[{ team: string }], Row>(
    db,
    `SELECT team_id, enterprise_id, team_name, details, sealed_secrets, installed_at, updated_at
     FROM slack_installations WHERE team_id = @team`,
  ).get({ team: teamId });
  if (!row) return { status: 'missing' };
  const opened = openSealed(key, row.sealed_secrets, boundTo(row.team_id));
  if (!opened.ok) {
    return {
      status: 'unreadable',
      reason: `the tokens of Slack workspace ${teamId} cannot be opened with SLACK_INSTALL_KEY: ${opened.reason} (was the key changed?)`,
    };
  }
  return {
    status: 'found',
    installation: {
      teamId: row.team_id,
      enterpriseId: row.enterprise_id,
      teamName: row.team_name,
      details: JSON.parse(row.details) as Record<string, unknown>,
      secrets: JSON.parse(opened.text) as Record<string, string>,
      installedAt: row.installed_at,
      updatedAt: row.updated_at,
    },
  };
}

export function deleteSlackInstallation(db: Db, teamId: string): boolean {
  return (
    prepareCached<[{ team: string }], unknown>(
      db,
      'DELETE FROM slack_installations WHERE team_id = @team',
    ).run({ team: teamId }).changes > 0
  );
}

export function listSlackInstallations(db: Db): SlackInstallationSummary[] {
  return prepareCached<[], { team_id: string; team_name: string | null; installed_at: string }>(
    db,
    'SELECT team_id, team_name, installed_at FROM slack_installations ORDER BY team_id',
  )
    .all()
    .map((r) => ({ teamId: r.team_id, teamName: r.team_name, installedAt: r.installed_at }));
}
