// Corrections through the real Bolt app (HTTP mode) against the fake Slack on loopback: the slash
// command, the "Correct themes" menu on search hits (a static_select choice, as Slack sends it),
// the admins-only setting, and hostile notes that must come back inert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../../src/commands/run-command.js';
import { silentLogger } from '../../../src/logging.js';
import {
  createSlackDeliveryAdapter,
  createSlackDeliveryClient,
} from '../../../src/platforms/slack/delivery-adapter.js';
import { CORRECT_MENU_ACTION_ID } from '../../../src/platforms/slack/render-corrections.js';
import { checkSlackBlocks } from '../../fakes/slack-block-rules.js';
import { createAppFixture, type AppFixture } from '../../helpers/app-fixture.js';
import { collectTexts, findUnsafeMarkup } from './hostile-text.js';
import { startHarness, type Harness } from './slack-harness.js';

type Reply = { response_type?: string; text?: string; blocks?: unknown[] };

const textOf = (reply: unknown) => collectTexts(reply as Reply).join('\n');

describe('Slack corrections over HTTP', () => {
  let h: Harness;
  let fx: AppFixture;
  beforeAll(async () => {
    fx = createAppFixture();
    h = await startHarness({ mode: 'http', deps: fx.deps, now: fx.now });
    h.fake.addChannel('C0POLICY1');
  });
  afterAll(async () => {
    await h.stop();
    fx.close();
  });
  const team = () => ({ platform: 'slack' as const, workspaceId: h.fake.teamId });
  const themesHere = (id: string) =>
    fx.deps.corrections.find(id, team())?.themes ?? ['(not found)'];

  it('`/briefing correct` saves the correction and answers ephemerally', async () => {
    const { ack, id } = await h.command('correct fx-procurement-league -carter');
    expect(ack).toBeNull();
    const [reply] = await h.replies(id);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(checkSlackBlocks((reply as Reply).blocks)).toEqual([]);
    expect(textOf(reply)).toMatch(/Corrected fx-procure.*-carter/);
    expect(themesHere('fx-procurement-league')).toEqual(['procurement']);
  });

  it('search hits carry a valid "Correct themes" menu; choosing an option corrects', async () => {
    const { id } = await h.command('search theme:carter');
    const [page] = await h.replies(id);
    expect(checkSlackBlocks((page as Reply).blocks)).toEqual([]);
    const menus = JSON.stringify(page).match(/"action_id":"briefing_correct_theme"/g) ?? [];
    expect(menus.length).toBeGreaterThan(0);
    expect(JSON.stringify(page)).toContain('"value":"fx-model-hospital -carter"');

    const chosen = await h.choose(CORRECT_MENU_ACTION_ID, 'fx-model-hospital -carter');
    const [answer] = await h.replies(chosen.id);
    expect(textOf(answer)).toMatch(/Corrected fx-model-h.*-carter/);
    expect(themesHere('fx-model-hospital')).toEqual(['finance']);
    // The same search in this workspace no longer lists it.
    const again = runCommandText(
      'search theme:carter',
      fx.invocation({ workspaceId: h.fake.teamId }),
      fx.deps,
    );
    expect(again.kind === 'search' && again.page.hits.map((x) => x.id)).not.toContain(
      'fx-model-hospital',
    );
  });

  it('a forged menu value is refused without saving anything', async () => {
    const before = fx.db.prepare('SELECT count(*) AS n FROM corrections').get();
    for (const value of ['fx-covid-cip +nonsense', '<!channel> -carter', 'x'.repeat(500)]) {
      const chosen = await h.choose(CORRECT_MENU_ACTION_ID, value);
      const [answer] = await h.replies(chosen.id);
      expect(textOf(answer)).toMatch(/:warning:/);
    }
    expect(fx.db.prepare('SELECT count(*) AS n FROM corrections').get()).toEqual(before);
  });

  it('hostile notes and unknown themes come back inert, with suggestions', async () => {
    const note =
      '<!channel> @everyone *bold* `code` <https://evil.example|click> ' + 'x'.repeat(50);
    // A parse error is answered inside the ack (handle-command.ts).
    const { ack } = await h.command(`correct fx-covid-cip +procurment note:${note}`);
    expect(textOf(ack)).toMatch(/did you mean 'procurement'/);
    const saved = await h.command(`correct fx-covid-cip +procurement note:${note}`);
    const [ok] = await h.replies(saved.id);
    const list = await h.command('corrections');
    const [listed] = await h.replies(list.id);
    for (const reply of [ok, listed]) {
      expect(checkSlackBlocks((reply as Reply).blocks)).toEqual([]);
      for (const t of collectTexts(reply as Reply)) {
        expect(findUnsafeMarkup(t, new Set()).filter((p) => !p.startsWith('link to'))).toEqual([]);
      }
    }
    expect(textOf(listed)).toContain('&lt;!channel&gt;');
    const long = await h.command(`correct fx-covid-cip +mcp note:${'y'.repeat(300)}`);
    expect(textOf((long.ack ?? null) as unknown)).toMatch(/limit is 200/);
  });
});

describe('Slack corrections limited to admins', () => {
  it('refuses a member and accepts an admin, as subscribe does', async () => {
    const fx = createAppFixture({ subscribePermission: { slack: 'admins' } });
    const h = await startHarness({ mode: 'http', deps: fx.deps, now: fx.now });
    try {
      h.fake.addUser('U0MEMBER1');
      h.fake.addUser('U0ADMIN1', { isAdmin: true });
      const denied = await h.command('correct fx-covid-cip -finance');
      expect(textOf((await h.replies(denied.id))[0])).toMatch(/only workspace admins/);
      const menu = await h.choose(CORRECT_MENU_ACTION_ID, 'fx-covid-cip -finance');
      expect(textOf((await h.replies(menu.id))[0])).toMatch(/only workspace admins/);
      const allowed = await h.command('correct fx-covid-cip -finance', { userId: 'U0ADMIN1' });
      expect(textOf((await h.replies(allowed.id))[0])).toMatch(/Corrected/);
    } finally {
      await h.stop();
      fx.close();
    }
  });
});

describe('Slack digests carry the menu on every entry', () => {
  it('in the preview and in the delivered digest (when the app runs), within Block Kit rules', async () => {
    const fx = createAppFixture();
    const h = await startHarness({ mode: 'http', deps: fx.deps, now: fx.now });
    try {
      const { id } = await h.command('digest 2017-W07');
      const [preview] = await h.replies(id);
      expect(checkSlackBlocks((preview as Reply).blocks)).toEqual([]);
      expect(JSON.stringify(preview)).toContain('"value":"fx-procurement-league -carter"');
      const themes = fx.deps.themes().map((t) => ({ id: t.id, label: t.label }));
      const client = createSlackDeliveryClient({ token: h.fake.botToken, apiUrl: h.fake.apiUrl });
      const digest = fx.deps.buildDigest('2017-W07', fx.now);
      const parts = createSlackDeliveryAdapter({ client, logger: silentLogger, themes }).render(
        digest,
      );
      for (const part of parts) {
        expect(checkSlackBlocks((part.payload as Reply).blocks)).toEqual([]);
      }
      expect(JSON.stringify(parts)).toContain(CORRECT_MENU_ACTION_ID);
      const plain = createSlackDeliveryAdapter({ client, logger: silentLogger }).render(digest);
      expect(JSON.stringify(plain)).not.toContain(CORRECT_MENU_ACTION_ID);
    } finally {
      await h.stop();
      fx.close();
    }
  });
});
