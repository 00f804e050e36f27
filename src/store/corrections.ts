// Readers' corrections (migration NNNN-corrections.sql): one row per theme added to or removed
// from a story in one workspace. An override layer read at query time by search, digests and
// explain; story_tags is never touched, so re-tagging cannot undo a correction.
// Rule: the latest row per (workspace, story, theme) is the effective one.
import type { ChannelPlatform } from '../domain.js';
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';

export type CorrectionAction = 'add' | 'remove';

export interface WorkspaceKey {
  platform: ChannelPlatform;
  workspaceId: string;
}

/** One stored correction (commands/types.ts ThemeCorrection has the same shape). */
export interface StoredCorrection extends WorkspaceKey {
  seq: number;
  storyId: string;
  theme: string;
  action: CorrectionAction;
  userId: string;
  channelId: string;
  createdAt: string;
  note: string | null;
}

export interface CorrectionInput extends WorkspaceKey {
  storyId: string;
  added: readonly string[];
  removed: readonly string[];
  userId: string;
  channelId: string;
  note: string | null;
}

interface CorrectionRow {
  seq: number;
  platform: string;
  workspace_id: string;
  story_id: string;
  theme: string;
  action: string;
  user_id: string;
  channel_id: string;
  created_at: string;
  note: string | null;
}

const COLUMNS = `seq, platform, workspace_id, story_id, theme, action, user_id, channel_id,
  created_at, note`;

function toCorrection(row: CorrectionRow): StoredCorrection {
  return {
    seq: row.seq,
    platform: row.platform as ChannelPlatform,
    workspaceId: row.workspace_id,
    storyId: row.story_id,
    theme: row.theme,
    action: row.action === 'add' ? 'add' : 'remove',
    userId: row.user_id,
    channelId: row.channel_id,
    createdAt: row.created_at,
    note: row.note,
  };
}

/** Stores one reader's correction (one row per theme), in one transaction; returns the rows. */
export function recordCorrection(db: Db, input: CorrectionInput, now: Date): StoredCorrection[] {
  const insert = prepareCached<unknown[], CorrectionRow>(
    db,
    `INSERT INTO corrections
       (platform, workspace_id, story_id, theme, action, user_id, channel_id, created_at, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
  );
  const at = now.toISOString();
  const changes: [string, CorrectionAction][] = [
    ...input.removed.map((t): [string, CorrectionAction] => [t, 'remove']),
    ...input.added.map((t): [string, CorrectionAction] => [t, 'add']),
  ];
  return db.transaction(() =>
    changes.map(([theme, action]) =>
      toCorrection(
        insert.get(
          input.platform,
          input.workspaceId,
          input.storyId,
          theme,
          action,
          input.userId,
          input.channelId,
          at,
          input.note,
        )!,
      ),
    ),
  )();
}

/** The workspace's corrections, newest first (at most `limit`). */
export function listRecentCorrections(
  db: Db,
  workspace: WorkspaceKey,
  limit: number,
): StoredCorrection[] {
  return prepareCached<[string, string, number], CorrectionRow>(
    db,
    `SELECT ${COLUMNS} FROM corrections WHERE platform = ? AND workspace_id = ?
     ORDER BY seq DESC LIMIT ?`,
  )
    .all(workspace.platform, workspace.workspaceId, limit)
    .map(toCorrection);
}

/** Every correction of one story in one workspace, oldest first (for `explain`). */
export function listCorrectionsOfStory(
  db: Db,
  workspace: WorkspaceKey,
  storyId: string,
): StoredCorrection[] {
  return prepareCached<[string, string, string], CorrectionRow>(
    db,
    `SELECT ${COLUMNS} FROM corrections
     WHERE platform = ? AND workspace_id = ? AND story_id = ? ORDER BY seq`,
  )
    .all(workspace.platform, workspace.workspaceId, storyId)
    .map(toCorrection);
}

/** Every correction (of one workspace, or of all when null), oldest first: export and report. */
export function listAllCorrections(db: Db, workspace: WorkspaceKey | null): StoredCorrection[] {
  if (workspace === null) {
    return prepareCached<[], CorrectionRow>(db, `SELECT ${COLUMNS} FROM corrections ORDER BY seq`)
      .all()
      .map(toCorrection);
  }
  return prepareCached<[string, string], CorrectionRow>(
    db,
    `SELECT ${COLUMNS} FROM corrections WHERE platform = ? AND workspace_id = ? ORDER BY seq`,
  )
    .all(workspace.platform, workspace.workspaceId)
    .map(toCorrection);
}

/**
 * The effective overrides of a workspace: story id -> themes added and removed (latest row per
 * theme). Small (one entry per corrected story), read whole for each search or digest.
 */
export function listThemeOverrides(
  db: Db,
  workspace: WorkspaceKey,
): Map<string, { added: string[]; removed: string[] }> {
  const rows = prepareCached<[string, string], { story_id: string; theme: string; action: string }>(
    db,
    `SELECT c.story_id, c.theme, c.action FROM corrections c
     WHERE c.platform = ? AND c.workspace_id = ?
       AND c.seq = (SELECT max(x.seq) FROM corrections x
                    WHERE x.platform = c.platform AND x.workspace_id = c.workspace_id
                      AND x.story_id = c.story_id AND x.theme = c.theme)
     ORDER BY c.story_id, c.theme`,
  ).all(workspace.platform, workspace.workspaceId);
  const overrides = new Map<string, { added: string[]; removed: string[] }>();
  for (const row of rows) {
    let entry = overrides.get(row.story_id);
    if (entry === undefined) {
      entry = { added: [], removed: [] };
      overrides.set(row.story_id, entry);
    }
    (row.action === 'add' ? entry.added : entry.removed).push(row.theme);
  }
  return overrides;
}

/** True when the workspace corrected a story published in [startIso, endIso). */
export function hasCorrectionsBetween(
  db: Db,
  workspace: WorkspaceKey,
  startIso: string,
  endIso: string,
): boolean {
  const row = prepareCached<[string, string, string, string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM corrections c JOIN stories s ON s.id = c.story_id
     WHERE c.platform = ? AND c.workspace_id = ? AND s.published_at >= ? AND s.published_at < ?
     LIMIT 1)`,
  ).get(workspace.platform, workspace.workspaceId, startIso, endIso);
  return (row?.n ?? 0) > 0;
}

/** The themes the rules gave each of these stories (story id -> theme ids; absent: none). */
export function listStoredThemes(db: Db, storyIds: readonly string[]): Map<string, string[]> {
  const themes = new Map<string, string[]>();
  if (storyIds.length === 0) return themes;
  const rows = prepareCached<[string], { id: string; theme: string }>(
    db,
    `SELECT s.id, t.theme FROM stories s JOIN story_tags t ON t.story_seq = s.seq
     WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY t.score DESC, t.theme`,
  ).all(JSON.stringify(storyIds));
  for (const row of rows) themes.set(row.id, [...(themes.get(row.id) ?? []), row.theme]);
  return themes;
}
