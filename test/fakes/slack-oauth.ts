// The OAuth side of the fake Slack Web API (slack-api.ts): workspaces that can install the app.
// A test grants a code for a workspace (what Slack's authorize page would hand the browser);
// oauth.v2.access exchanges it once, checking client_id and client_secret like Slack
// (https://docs.slack.dev/reference/methods/oauth.v2.access), and answers with a bot token of
// that workspace. Tokens issued here are accepted by every other method, as that workspace;
// auth.revoke (or revoke()) kills one, after which Slack answers token_revoked.

export interface FakeWorkspace {
  teamId: string;
  teamName: string;
}

export interface IssuedToken extends FakeWorkspace {
  token: string;
  revoked: boolean;
}

export class FakeSlackInstalls {
  readonly clientId = '1111.2222';
  readonly clientSecret = 'fake-client-secret-for-tests';
  readonly botUserId: string;
  private readonly grants = new Map<string, { workspace: FakeWorkspace; token: string }>();
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(botUserId: string) {
    this.botUserId = botUserId;
  }

  /** A one-time code that installs the app in `workspace` with bot token `token`. */
  grant(code: string, workspace: FakeWorkspace, token: string): void {
    this.grants.set(code, { workspace, token });
  }

  /** The workspace a token issued here belongs to (undefined when not issued here). */
  lookup(token: string | null): IssuedToken | undefined {
    return token === null ? undefined : this.tokens.get(token);
  }

  revoke(token: string): boolean {
    const issued = this.tokens.get(token);
    if (!issued || issued.revoked) return false;
    issued.revoked = true;
    return true;
  }

  exchange(p: Record<string, unknown>): Record<string, unknown> {
    if (p.client_id !== this.clientId) return { ok: false, error: 'invalid_client_id' };
    if (p.client_secret !== this.clientSecret) return { ok: false, error: 'bad_client_secret' };
    const grant = typeof p.code === 'string' ? this.grants.get(p.code) : undefined;
    if (!grant) return { ok: false, error: 'invalid_code' };
    this.grants.delete(p.code as string);
    this.tokens.set(grant.token, { ...grant.workspace, token: grant.token, revoked: false });
    return {
      ok: true,
      access_token: grant.token,
      token_type: 'bot',
      scope:
        'commands,chat:write,channels:join,channels:read,groups:read,channels:history,groups:history,users:read',
      bot_user_id: this.botUserId,
      app_id: 'AFAKE1',
      team: { id: grant.workspace.teamId, name: grant.workspace.teamName },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: 'U0INSTALLER' },
    };
  }
}
