// The digest a channel receives with its workspace's readers' corrections (issue 14): the
// period's shared digest (the rules' view, which digests/ archives), or, when the workspace has
// corrected stories published in the period, the same period rebuilt with those corrections.
// The one path for the weekly job (each channel due), `briefing digest --channel` (the preview)
// and `briefing digest --post` (each target), so what a channel is shown is what it is sent.
import type { Digest } from '../domain.js';
import type { Db } from '../store/database.js';
import {
  hasCorrectionsBetween,
  listThemeOverrides,
  type WorkspaceKey,
} from '../store/corrections.js';
import type { ThemeOverrides } from '../tagging/apply-corrections.js';

export interface WorkspaceDigestInput {
  db: Db;
  workspace: WorkspaceKey;
  /** The period (week or day): its label keys `cache`; corrections of its stories count. */
  period: { label: string; startsAt: Date; endsAt: Date };
  /** The period's digest for every channel (built or read from the archive by the caller). */
  shared: () => Digest;
  /** The period built with a workspace's corrections. */
  rebuild: (overrides: ThemeOverrides) => Digest;
  /** Corrected digests already built in this run, by period and workspace. */
  cache?: Map<string, Digest>;
}

export function digestForWorkspace(input: WorkspaceDigestInput): Digest {
  const { db, workspace, period, cache } = input;
  const range = [period.startsAt.toISOString(), period.endsAt.toISOString()] as const;
  if (!hasCorrectionsBetween(db, workspace, ...range)) return input.shared();
  const key = `${period.label} ${workspace.platform}:${workspace.workspaceId}`;
  const known = cache?.get(key);
  if (known) return known;
  const corrected = input.rebuild(listThemeOverrides(db, workspace));
  cache?.set(key, corrected);
  return corrected;
}
