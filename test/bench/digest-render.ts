// Digest rendering benchmark: one week's digest (generated archive, 5 stories per theme) rendered
// for Slack (Block Kit messages) and Discord (embeds), median milliseconds over repeated runs.
// Rendering happens once per subscribed channel, so it multiplies with the fan-out.
import { renderDiscordDigest } from '../../src/platforms/discord/render-digest.js';
import { renderSlackDigest } from '../../src/platforms/slack/render-digest.js';
import { buildBenchDigest } from './fanout.js';
import { median } from './measure.js';

export interface DigestRenderResult {
  digest_entries: number;
  digest_render_slack_ms: number;
  digest_render_slack_messages: number;
  digest_render_discord_ms: number;
  digest_render_discord_messages: number;
}

export async function measureDigestRendering(options: {
  runs: number;
}): Promise<DigestRenderResult> {
  const digest = buildBenchDigest(600);
  const time = (render: () => unknown[]): { ms: number; messages: number } => {
    let messages = render().length; // warm-up
    const times: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const start = performance.now();
      messages = render().length;
      times.push(performance.now() - start);
    }
    return { ms: median(times), messages };
  };
  const slack = time(() => renderSlackDigest(digest));
  const discord = time(() => renderDiscordDigest(digest));
  return {
    digest_entries: digest.sections.reduce((n, s) => n + s.entries.length, 0),
    digest_render_slack_ms: slack.ms,
    digest_render_slack_messages: slack.messages,
    digest_render_discord_ms: discord.ms,
    digest_render_discord_messages: discord.messages,
  };
}
