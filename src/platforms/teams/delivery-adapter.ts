// DeliveryAdapter for the Teams bot: renders the digest as Adaptive Cards (render-digest.ts) and
// posts each part proactively with the Agents SDK (CloudAdapter.continueConversation, then the
// turn's ConnectorClient: POST {serviceUrl}/v3/conversations/{id}/activities, a new post in a channel).
// The conversation reference is the subscription's channel: workspaceId = tenant id,
// channelId = conversation id (the channel's, without ";messageid="), serviceUrl from
// TEAMS_SERVICE_URL (Microsoft's documented endpoint for proactive messages).
// Pacing (Teams: per bot per conversation 7 messages/s, 8 per 2 s, 60 per 30 s): at least 500 ms
// between two posts to one conversation keeps inside all three; 20 posts a second in all stays
// well under the 50 requests/s per app per tenant. A 429 also backs the conversation off.
// findSent: the Bot Connector gives a bot no way to read a channel's messages, so a crash between
// Teams accepting a part and the outbox recording it cannot be detected (null: resent).
import { HttpError, type CloudAdapter, type ConnectorClient } from '@microsoft/agents-hosting';
import { Activity } from '@microsoft/agents-activity';
import type { DeliveryAdapter, OutboundPart, SendOutcome } from '../../delivery/adapter.js';
import { createPacer, type Pacer } from '../../delivery/pace.js';
import type { ChannelRef, Digest } from '../../domain.js';
import { toAttachment, type AdaptiveCard } from './adaptive-card.js';
import { classifyHttpFailure, classifyNetworkFailure } from './classify-error.js';
import { describePart, renderTeamsDigest } from './render-digest.js';
import { TEAMS_PACE } from './teams-limits.js';

export interface TeamsDeliveryInit {
  adapter: CloudAdapter;
  appId: string;
  serviceUrl: string;
  /** "@Briefing" in "and N more" hints. */
  commandPrefix: string;
  pacer?: Pacer;
  now?: () => number;
}

export function createTeamsDeliveryAdapter(init: TeamsDeliveryInit): DeliveryAdapter {
  const pacer = init.pacer ?? createPacer(TEAMS_PACE);
  const now = init.now ?? Date.now;
  return {
    platform: 'teams',
    render(view: Digest): OutboundPart[] {
      const cards = renderTeamsDigest(view, { commandPrefix: init.commandPrefix });
      return cards.map((payload, index) => ({
        index,
        total: cards.length,
        payload,
        text: describePart(view, index, cards.length),
      }));
    },
    async send(channel, part): Promise<SendOutcome> {
      const key = `${channel.workspaceId}/${channel.channelId}`;
      await pacer.acquire(key);
      try {
        const id = await postCard(init, channel, part.payload as AdaptiveCard, part.text);
        return { status: 'sent', messageId: id };
      } catch (error) {
        const outcome =
          error instanceof HttpError
            ? classifyHttpFailure(
                'Teams',
                error.status,
                error.response.headers.get('retry-after'),
                now(),
              )
            : classifyNetworkFailure('Teams', error);
        if (outcome.status === 'retry' && outcome.retryAfterMs !== null)
          pacer.backOff(key, outcome.retryAfterMs);
        return outcome;
      } finally {
        pacer.release(key);
      }
    },
    findSent: () => Promise.resolve(null),
  };
}

async function postCard(
  init: TeamsDeliveryInit,
  channel: ChannelRef,
  card: AdaptiveCard,
  summary: string,
): Promise<string> {
  const reference = {
    channelId: 'msteams',
    serviceUrl: init.serviceUrl,
    conversation: { id: channel.channelId, tenantId: channel.workspaceId, isGroup: true },
    agent: { id: `28:${init.appId}`, name: 'Briefing' },
  };
  let id = '';
  // Errors thrown inside the turn would go to the adapter's onTurnError (which posts an apology
  // into the conversation); they are carried out of the turn instead and classified by send().
  let failure: unknown = null;
  await init.adapter.continueConversation(
    init.appId,
    reference as Parameters<CloudAdapter['continueConversation']>[1],
    async (context) => {
      // The connector client directly, not context.sendActivity: the SDK's continuation turn has
      // a random activity id that sendActivity would turn into replyToId (a reply to a message
      // that does not exist); a digest is a new post in the conversation.
      const activity = Activity.fromObject({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: init.serviceUrl,
        from: reference.agent,
        conversation: reference.conversation,
        summary: summary.slice(0, 200),
        attachments: [toAttachment(card)],
        channelData: { tenant: { id: channel.workspaceId } },
      });
      try {
        const client = context.turnState.get<ConnectorClient>(init.adapter.ConnectorClientKey);
        const response = await client.sendToConversation(channel.channelId, activity);
        id = response?.id ?? '';
      } catch (error) {
        failure = error;
      }
    },
  );
  if (failure !== null) throw failure;
  if (id === '') throw new Error('teams: the Bot Connector returned no message id');
  return id;
}
