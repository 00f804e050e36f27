// OAuth mode's Web API clients for delivery: the bot token of the workspace a subscription
// belongs to (its workspaceId is the Slack team id), looked up in the installations at each
// send, so an uninstall or re-install takes effect at once. One client per token is kept.
// Failures are outcomes the outbox understands: no installation is permanent (the channel pauses
// until the workspace installs the app, see install-pauses.ts); a key that cannot open the
// tokens is a retry (the operator fixes SLACK_INSTALL_KEY; nothing is lost meanwhile).
import type { webApi } from '@slack/bolt';
import type { SendOutcome } from '../../delivery/adapter.js';
import type { WorkspaceInstallations } from '../installations.js';
import { NOT_INSTALLED_REASON } from './install-pauses.js';

export type ClientLookup =
  | { ok: true; client: webApi.WebClient }
  | { ok: false; outcome: Exclude<SendOutcome, { status: 'sent' }> };

/** The client to post into one workspace. */
export type WorkspaceClients = (workspaceId: string) => ClientLookup;

export function createWorkspaceClients(
  installations: WorkspaceInstallations,
  createClient: (token: string) => webApi.WebClient,
): WorkspaceClients {
  const byToken = new Map<string, webApi.WebClient>();
  return (workspaceId) => {
    const found = installations.find(workspaceId);
    if (found.status === 'unreadable') {
      return { ok: false, outcome: { status: 'retry', reason: found.reason, retryAfterMs: null } };
    }
    const token = found.status === 'found' ? found.installation.secrets.bot : undefined;
    if (token === undefined)
      return { ok: false, outcome: { status: 'permanent', reason: NOT_INSTALLED_REASON } };
    let client = byToken.get(token);
    if (!client) {
      client = createClient(token);
      byToken.set(token, client);
    }
    return { ok: true, client };
  };
}

/** Single-token mode: every workspace gets the one client. */
export function singleClient(client: webApi.WebClient): WorkspaceClients {
  return () => ({ ok: true, client });
}
