// Per-workspace installations: a platform app installed by OAuth into many workspaces (Slack's
// "Add to Slack") gets each workspace's tokens here. The composition root builds this over the
// store (store/slack-installations.ts, tokens sealed with SLACK_INSTALL_KEY) and hands it in
// through PlatformStores, because platform code never opens the store itself.

export interface WorkspaceInstallation {
  /** Slack team id. */
  workspaceId: string;
  enterpriseId: string | null;
  workspaceName: string | null;
  /** The platform's installation record without its secrets (kept in clear). */
  details: Record<string, unknown>;
  /** Tokens (sealed at rest). */
  secrets: Record<string, string>;
}

export type InstallationLookup =
  | { status: 'found'; installation: WorkspaceInstallation }
  | { status: 'missing' }
  /** The row exists but the key cannot open it (key changed, row altered): `reason` says so. */
  | { status: 'unreadable'; reason: string };

export interface WorkspaceInstallations {
  save(installation: WorkspaceInstallation, now: Date): void;
  find(workspaceId: string): InstallationLookup;
  remove(workspaceId: string): boolean;
  list(): { workspaceId: string; workspaceName: string | null; installedAt: string }[];
  /** Pauses the workspace's active subscriptions with `reason`; returns how many. */
  pauseWorkspace(workspaceId: string, reason: string, now: Date): number;
  /** Lifts the pauses `isOwnPause` recognises; returns how many. */
  resumeWorkspace(workspaceId: string, isOwnPause: (reason: string) => boolean, now: Date): number;
}

/** What the composition root opens for platforms besides CommandDeps. */
export interface PlatformStores {
  /** Slack's OAuth installations; absent unless SLACK_INSTALL_KEY is set. */
  installations?: WorkspaceInstallations;
}
