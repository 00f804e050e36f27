// The small subset of Slack Block Kit this app sends, and Slack's published limits for it.
// Limits: https://api.slack.com/reference/block-kit/blocks (50 blocks per message, section text
// 3000, header 150, context 10 elements, button text 75, value 2000, action_id 255, block_id 255).
// Renderers build these values; every message also carries a plain `text` fallback, which Slack
// uses for notifications and screen readers.

export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  /** chat.postMessage truncates `text` beyond 40,000 characters; stay far below it. */
  fallbackText: 4000,
} as const;

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  /** False: Slack does not auto-link bare URLs or convert @names; we always escape anyway. */
  verbatim?: boolean;
}

export interface ButtonElement {
  type: 'button';
  text: PlainText;
  action_id: string;
  value?: string;
  style?: 'primary' | 'danger';
}

/** https://api.slack.com/reference/block-kit/block-elements#static_select */
export interface StaticSelectElement {
  type: 'static_select';
  action_id: string;
  placeholder: PlainText;
  options: { text: PlainText; value: string }[];
}

export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: Mrkdwn; accessory?: StaticSelectElement }
  | { type: 'context'; elements: (Mrkdwn | PlainText)[] }
  | { type: 'divider' }
  | { type: 'actions'; elements: ButtonElement[] };

/** One chat message: Block Kit plus the plain fallback. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
  /** Digests and result lists carry many links: previews would bury the text. */
  unfurl_links: false;
  unfurl_media: false;
}

/** A reply to a slash command or button, sent with ack() or respond(). */
export interface SlackResponse extends SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
  /** For "More results": replace the ephemeral message that held the button. */
  replace_original?: boolean;
}

export function createMessage(text: string, blocks: SlackBlock[]): SlackMessage {
  return { text, blocks, unfurl_links: false, unfurl_media: false };
}

/** Every limit above that a block or message can break, as readable problems (empty when valid). */
export function findLimitProblems(message: { text?: unknown; blocks?: unknown }): string[] {
  const problems: string[] = [];
  const text = message.text;
  if (typeof text !== 'string' || text.trim() === '') problems.push('missing text fallback');
  else if (text.length > SLACK_LIMITS.fallbackText) problems.push(`text is ${text.length} chars`);
  const blocks = Array.isArray(message.blocks) ? (message.blocks as SlackBlock[]) : [];
  if (blocks.length > SLACK_LIMITS.blocksPerMessage) problems.push(`${blocks.length} blocks`);
  blocks.forEach((block, i) => {
    if (block.type === 'header' && block.text.text.length > SLACK_LIMITS.headerText) {
      problems.push(`block ${i}: header is ${block.text.text.length} chars`);
    }
    if (block.type === 'section' && block.text.text.length > SLACK_LIMITS.sectionText) {
      problems.push(`block ${i}: section is ${block.text.text.length} chars`);
    }
    if (block.type === 'section' && block.text.text.trim() === '') {
      problems.push(`block ${i}: empty section`);
    }
    if (block.type === 'context') {
      if (block.elements.length > SLACK_LIMITS.contextElements) {
        problems.push(`block ${i}: ${block.elements.length} context elements`);
      }
      for (const el of block.elements) {
        if (el.text.length > SLACK_LIMITS.contextText) {
          problems.push(`block ${i}: context text is ${el.text.length} chars`);
        }
      }
    }
    if (block.type === 'actions') {
      for (const el of block.elements) {
        if (el.text.text.length > SLACK_LIMITS.buttonText) problems.push(`block ${i}: button text`);
        if ((el.value ?? '').length > SLACK_LIMITS.buttonValue) {
          problems.push(`block ${i}: button value is ${el.value?.length} chars`);
        }
      }
    }
  });
  return problems;
}
