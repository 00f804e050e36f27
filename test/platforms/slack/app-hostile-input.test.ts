// Hostile slash-command input through the real Bolt app: FTS5 syntax, SQL fragments, 10,000
// characters, mentions, mrkdwn link injection, RTL and invisible characters. Every answer must be
// a valid Slack message that contains no working mention or disguised link, nothing may throw,
// and the bot must never post into the channel (a reply via response_url cannot ping anyone
// unless it contains mention markup, which the scan rules out).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackBlocks } from '../../fakes/slack-block-rules.js';
import { collectTexts, findUnsafeMarkup, HOSTILE_TEXTS } from './hostile-text.js';
import { startHarness, type Harness } from './slack-harness.js';
import { createAppFixture, FIXTURE_STORIES } from '../../helpers/app-fixture.js';

export const HOSTILE_COMMAND_INPUTS: readonly string[] = [
  ...HOSTILE_TEXTS,
  '"unterminated phrase',
  'NEAR(carter procurement, 3)',
  'carter OR stp AND NOT mcp',
  'title:carter* ^start {col1 col2}:x',
  "'; DROP TABLE stories; --",
  'carter" OR "1"="1',
  '*',
  '-',
  '',
  '   ',
  'x'.repeat(10_000),
  '<!channel> '.repeat(1000),
  '🏥💷 NHS ✨ emoji 👩🏽‍⚕️',
  'theme:<!here> source:<@U123> org:"<https://evil|NHS England>" since:yesterday until:2017-13-45',
  'day:funday time:25:99',
  '2017-W99',
];

/** The only links a reply may contain: the archive's own stories. */
const ALLOWED_URLS = new Set(FIXTURE_STORIES.flatMap((s) => (s.url ? [s.url] : [])));

const PREFIXES = ['', 'search ', 'subscribe ', 'explain ', 'digest ', 'help '];

describe('hostile command input (Slack)', () => {
  let h: Harness;
  const fx = createAppFixture();
  beforeAll(async () => {
    h = await startHarness({ mode: 'http', deps: fx.deps, now: fx.now });
    h.fake.addChannel('C0POLICY1');
  });
  afterAll(async () => {
    await h.stop();
    fx.close();
  });

  it(`answers ${PREFIXES.length * HOSTILE_COMMAND_INPUTS.length} hostile commands safely`, async () => {
    let answered = 0;
    for (const prefix of PREFIXES) {
      for (const input of HOSTILE_COMMAND_INPUTS) {
        const { ack, id } = await h.command(`${prefix}${input}`);
        const replies = ack === null ? await h.replies(id) : [ack];
        for (const reply of replies as { text?: unknown; blocks?: unknown[] }[]) {
          const label = `${prefix}${input.slice(0, 60)}`;
          expect(typeof reply.text === 'string' && reply.text.length > 0, label).toBe(true);
          expect(checkSlackBlocks(reply.blocks ?? []), label).toEqual([]);
          for (const text of collectTexts(reply)) {
            const links = ALLOWED_URLS;
            expect(findUnsafeMarkup(text, links), `${label}: ${text.slice(0, 200)}`).toEqual([]);
          }
          answered += 1;
        }
      }
    }
    expect(answered).toBeGreaterThanOrEqual(PREFIXES.length * HOSTILE_COMMAND_INPUTS.length);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('turns a 10,000-character command into a length error', async () => {
    const { ack } = await h.command(`search ${'carter '.repeat(1500)}`);
    expect(collectTexts(ack as { text: string }).join('\n')).toMatch(
      /characters long; the limit is/,
    );
  });
});
