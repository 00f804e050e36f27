// Email as a registry entry (src/platforms/index.ts): configured by SMTP_URL. A delivery-only
// platform: the channel id is the recipient address, the workspace is always `email`; new
// addresses confirm first (double opt-in, confirmation-mail.ts). `briefing email confirm|
// unsubscribe <token>` acts on the signed tokens. nodemailer loads only through load().
import type { PlatformPlugin } from '../plugin.js';
import { emailSettingsProblems } from './email-settings.js';
import { AWAITING_CONFIRMATION } from './opt-in-reason.js';

export const emailPlugin: PlatformPlugin = {
  id: 'email',
  label: 'Email',
  isConfigured: (env) => env.SMTP_URL !== undefined,
  // Adding an outside address to a channel's reach is an admin's decision on every platform.
  subscribeRule: () => 'admins',
  configProblems: emailSettingsProblems,
  fixedWorkspace: 'email',
  optIn: { pausedReason: AWAITING_CONFIRMATION },
  // One plain address (no display name, no list): what RCPT TO will get.
  normaliseChannel: (id) => {
    const address = id.trim().toLowerCase();
    return /^[^\s@<>",;:()[\]\\]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/.test(
      address,
    )
      ? address
      : null;
  },
  load: async () => (await import('./runtime.js')).emailRuntime,
  cli: {
    summary: 'Email tools: confirm, unsubscribe (signed tokens)',
    load: async () => (await import('./cli.js')).emailCli,
  },
};
