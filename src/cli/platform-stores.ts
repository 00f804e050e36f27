// PlatformStores over the database for `run`, `slack`, `deliver`, `digest --post`, `subscribe`
// and `doctor`: Slack's OAuth installations, sealed with SLACK_INSTALL_KEY. Without the key there
// is nothing to open (single-token mode needs no store), and the Slack platform refuses OAuth mode.
import type { Env } from '../config/env.js';
import { parseInstallKey } from '../config/install-key.js';
import type { PlatformStores, WorkspaceInstallations } from '../platforms/installations.js';
import type { Db } from '../store/database.js';
import {
  deleteSlackInstallation,
  findSlackInstallation,
  listSlackInstallations,
  saveSlackInstallation,
} from '../store/slack-installations.js';
import { pauseWorkspace, resumeWorkspace } from '../store/workspace-pauses.js';

export function openPlatformStores(env: Env, db: Db): PlatformStores {
  const key = env.SLACK_INSTALL_KEY === undefined ? null : parseInstallKey(env.SLACK_INSTALL_KEY);
  return key === null ? {} : { installations: slackInstallations(db, key) };
}

function slackInstallations(db: Db, key: Buffer): WorkspaceInstallations {
  return {
    save: (i, now) =>
      saveSlackInstallation(
        db,
        key,
        {
          teamId: i.workspaceId,
          enterpriseId: i.enterpriseId,
          teamName: i.workspaceName,
          details: i.details,
          secrets: i.secrets,
        },
        now,
      ),
    find(workspaceId) {
      const found = findSlackInstallation(db, key, workspaceId);
      if (found.status !== 'found') return found;
      const { teamId, enterpriseId, teamName, details, secrets } = found.installation;
      return {
        status: 'found',
        installation: {
          workspaceId: teamId,
          enterpriseId,
          workspaceName: teamName,
          details,
          secrets,
        },
      };
    },
    remove: (workspaceId) => deleteSlackInstallation(db, workspaceId),
    list: () =>
      listSlackInstallations(db).map((s) => ({
        workspaceId: s.teamId,
        workspaceName: s.teamName,
        installedAt: s.installedAt,
      })),
    pauseWorkspace: (workspaceId, reason, now) =>
      pauseWorkspace(db, 'slack', workspaceId, reason, now),
    resumeWorkspace: (workspaceId, isOwnPause, now) =>
      resumeWorkspace(db, 'slack', workspaceId, isOwnPause, now),
  };
}
