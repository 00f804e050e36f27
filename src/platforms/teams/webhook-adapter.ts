// DeliveryAdapter for Teams channels that cannot have a bot: a Teams Workflows (Power Automate)
// webhook per channel, made from the "Post to a channel when a webhook request is received"
// template. The subscription's channel id is the webhook URL (workspace "webhook"); each digest
// part is POSTed as {type: "message", attachments: [Adaptive Card]}, the body that template
// expects (https://learn.microsoft.com/connectors/teams/?tabs=text1#microsoft-teams-webhook),
// and the same cards as the bot's, without "@Briefing" hints (nobody can type to a webhook).
// Workflows answers 202 Accepted with no message id and offers no way to read the channel, so
// the part's idempotency key stands in for the id and findSent cannot tell (null).
import type { DeliveryAdapter, OutboundPart, SendOutcome } from '../../delivery/adapter.js';
import { createPacer, type Pacer } from '../../delivery/pace.js';
import type { Digest } from '../../domain.js';
import { CARD_CONTENT_TYPE, type AdaptiveCard } from './adaptive-card.js';
import { classifyHttpFailure, classifyNetworkFailure } from './classify-error.js';
import { TEAMS_PACE } from './teams-limits.js';
import { checkWebhookUrl } from './webhook-url.js';
import { describePart, renderTeamsDigest } from './render-digest.js';

export interface WebhookDeliveryInit {
  pacer?: Pacer;
  timeoutMs?: number;
  now?: () => number;
}

export function createWebhookDeliveryAdapter(init: WebhookDeliveryInit = {}): DeliveryAdapter {
  const pacer = init.pacer ?? createPacer(TEAMS_PACE);
  const now = init.now ?? Date.now;
  return {
    platform: 'teams-webhook',
    render(view: Digest): OutboundPart[] {
      const cards = renderTeamsDigest(view, { commandPrefix: null });
      return cards.map((payload, index) => ({
        index,
        total: cards.length,
        payload,
        text: describePart(view, index, cards.length),
      }));
    },
    async send(channel, part, context): Promise<SendOutcome> {
      const checked = checkWebhookUrl(channel.channelId);
      if (!checked.ok) return { status: 'permanent', reason: checked.message };
      await pacer.acquire(checked.url);
      try {
        const response = await fetch(checked.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message',
            attachments: [
              {
                contentType: CARD_CONTENT_TYPE,
                contentUrl: null,
                content: part.payload as AdaptiveCard,
              },
            ],
          }),
          redirect: 'error',
          signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
        });
        await response.arrayBuffer();
        if (response.ok) return { status: 'sent', messageId: `webhook:${context.key}` };
        const outcome = classifyHttpFailure(
          'the Teams webhook',
          response.status,
          response.headers.get('retry-after'),
          now(),
        );
        if (outcome.status === 'retry' && outcome.retryAfterMs !== null)
          pacer.backOff(checked.url, outcome.retryAfterMs);
        return outcome;
      } catch (error) {
        return classifyNetworkFailure('the Teams webhook', error);
      } finally {
        pacer.release(checked.url);
      }
    },
    findSent: () => Promise.resolve(null),
  };
}
