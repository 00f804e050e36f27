// Slack installations at rest: tokens sealed with AES-256-GCM under SLACK_INSTALL_KEY, bound to
// their row. A wrong key, an altered ciphertext or a ciphertext moved to another workspace's row
// is refused as `unreadable` with a reason an operator can act on, never with a token in it.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { parseInstallKey } from '../../src/config/install-key.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { openSealed, sealText } from '../../src/store/sealed-box.js';
import {
  deleteSlackInstallation,
  findSlackInstallation,
  listSlackInstallations,
  saveSlackInstallation,
  type SlackInstallationInput,
} from '../../src/store/slack-installations.js';

const KEY = randomBytes(32);
const NOW = new Date('2026-12-03T10:00:00Z');
const BOT_TOKEN = 'xoxb-111-222-secret-bot-token';

const install = (teamId: string, token = BOT_TOKEN): SlackInstallationInput => ({
  teamId,
  enterpriseId: null,
  teamName: `Workspace ${teamId}`,
  details: { team: { id: teamId }, bot: { userId: 'UBOT', scopes: ['chat:write'] } },
  secrets: { bot: token, user: 'xoxp-user-secret' },
});

let db: Db;
afterEach(() => db?.close());

function rawRows(): string {
  return JSON.stringify(db.prepare('SELECT * FROM slack_installations').all());
}

describe('slack installations store', () => {
  it('stores the tokens sealed and gives them back with the key', () => {
    db = openDatabase(':memory:');
    saveSlackInstallation(db, KEY, install('T0AAA'), NOW);
    expect(rawRows()).not.toContain(BOT_TOKEN);
    expect(rawRows()).not.toContain('xoxp-');
    expect(rawRows()).toContain('Workspace T0AAA');
    const found = findSlackInstallation(db, KEY, 'T0AAA');
    expect(found.status).toBe('found');
    if (found.status !== 'found') return;
    expect(found.installation.secrets).toEqual({ bot: BOT_TOKEN, user: 'xoxp-user-secret' });
    expect(found.installation.details).toEqual(install('T0AAA').details);
    expect(listSlackInstallations(db)).toEqual([
      { teamId: 'T0AAA', teamName: 'Workspace T0AAA', installedAt: NOW.toISOString() },
    ]);
  });

  it('replaces a re-install in place, keeping the first install time', () => {
    db = openDatabase(':memory:');
    saveSlackInstallation(db, KEY, install('T0AAA'), NOW);
    saveSlackInstallation(
      db,
      KEY,
      install('T0AAA', 'xoxb-new-secret'),
      new Date('2026-12-04T00:00:00Z'),
    );
    const found = findSlackInstallation(db, KEY, 'T0AAA');
    expect(found.status === 'found' && found.installation.secrets.bot).toBe('xoxb-new-secret');
    expect(found.status === 'found' && found.installation.installedAt).toBe(NOW.toISOString());
    expect(deleteSlackInstallation(db, 'T0AAA')).toBe(true);
    expect(findSlackInstallation(db, KEY, 'T0AAA')).toEqual({ status: 'missing' });
  });

  it('refuses a wrong key with a clear reason and no token', () => {
    db = openDatabase(':memory:');
    saveSlackInstallation(db, KEY, install('T0AAA'), NOW);
    const found = findSlackInstallation(db, randomBytes(32), 'T0AAA');
    expect(found.status).toBe('unreadable');
    const reason = found.status === 'unreadable' ? found.reason : '';
    expect(reason).toMatch(/T0AAA cannot be opened with SLACK_INSTALL_KEY/);
    expect(reason).not.toContain('secret');
  });

  it('refuses tampered ciphertext and ciphertext moved to another workspace', () => {
    db = openDatabase(':memory:');
    saveSlackInstallation(db, KEY, install('T0AAA'), NOW);
    saveSlackInstallation(db, KEY, install('T0BBB', 'xoxb-bbb-secret'), NOW);
    const sealed = (team: string) =>
      (
        db
          .prepare('SELECT sealed_secrets FROM slack_installations WHERE team_id = ?')
          .get(team) as {
          sealed_secrets: string;
        }
      ).sealed_secrets;
    // One flipped byte in the ciphertext part.
    const parts = sealed('T0AAA').split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    db.prepare('UPDATE slack_installations SET sealed_secrets = ? WHERE team_id = ?').run(
      parts.join('.'),
      'T0AAA',
    );
    expect(findSlackInstallation(db, KEY, 'T0AAA').status).toBe('unreadable');
    // T0BBB's (valid) ciphertext copied into T0AAA's row: bound to T0BBB, so refused.
    db.prepare('UPDATE slack_installations SET sealed_secrets = ? WHERE team_id = ?').run(
      sealed('T0BBB'),
      'T0AAA',
    );
    expect(findSlackInstallation(db, KEY, 'T0AAA').status).toBe('unreadable');
    expect(findSlackInstallation(db, KEY, 'T0BBB').status).toBe('found');
  });
});

describe('sealed box', () => {
  it('round-trips, uses a fresh IV each time and rejects garbage', () => {
    const a = sealText(KEY, 'hello', 'row-1');
    expect(a).not.toBe(sealText(KEY, 'hello', 'row-1'));
    expect(openSealed(KEY, a, 'row-1')).toEqual({ ok: true, text: 'hello' });
    expect(openSealed(KEY, a, 'row-2').ok).toBe(false);
    expect(openSealed(KEY, 'v1.x.y', 'row-1').ok).toBe(false);
    expect(openSealed(KEY, 'plain text', 'row-1').ok).toBe(false);
  });
});

describe('SLACK_INSTALL_KEY', () => {
  const hex = randomBytes(32).toString('hex');
  const b64 = randomBytes(32).toString('base64');

  it.each([
    ['64 hex characters', hex, 32],
    ['base64 with padding', b64, 32],
    ['base64url without padding', randomBytes(32).toString('base64url'), 32],
    ['too short (16 bytes)', randomBytes(16).toString('hex'), null],
    ['a passphrase', 'correct horse battery staple', null],
  ])('%s', (_name, text, bytes) => {
    expect(parseInstallKey(text)?.length ?? null).toBe(bytes);
  });

  it('is refused at start-up with a hint, without echoing the value', () => {
    const loaded = loadEnv({ SLACK_INSTALL_KEY: 'not-a-key-but-secret' });
    expect(loaded.ok).toBe(false);
    const errors = loaded.ok ? [] : loaded.errors;
    expect(errors.join('\n')).toMatch(/SLACK_INSTALL_KEY: must be 32 random bytes/);
    expect(errors.join('\n')).not.toContain('not-a-key-but-secret');
    expect(loadEnv({ SLACK_INSTALL_KEY: b64 }).ok).toBe(true);
  });
});
