// Adaptive Cards as the Teams bot and the Workflows webhook send them, and the size rule for one
// message. Only the few elements we use are typed (TextBlock, Container); schema 1.5, the newest
// version Teams renders on every client
// (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference).
// Size: Teams refuses bot messages above about 100 KB and older pages say 28 KB, so a card is
// kept under CARD_BYTE_BUDGET bytes of JSON, leaving room for the activity envelope.
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Bytes of one message we design for (Teams: "28 KB" on its older limits pages). */
export const MESSAGE_BYTE_LIMIT = 28_000;
/** The card's own JSON; the rest of the 28 KB is the activity around it. */
export const CARD_BYTE_BUDGET = 26_000;

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  weight?: 'Default' | 'Bolder';
  isSubtle?: boolean;
  separator?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large';
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  separator?: boolean;
  style?: 'default' | 'emphasis' | 'attention' | 'warning';
}

export type CardElement = TextBlock | Container;

/** A button whose `data` comes back to the bot as a message activity's `value`. */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: Record<string, string | number>;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof CARD_SCHEMA;
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: SubmitAction[];
  /** Full width in Teams, so digests are not squeezed into a narrow bubble. */
  msteams: { width: 'Full' };
}

/** What a card is sent as, in a bot activity or a Workflows webhook body. */
export interface CardAttachment {
  contentType: typeof CARD_CONTENT_TYPE;
  content: AdaptiveCard;
}

export function createCard(body: CardElement[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    msteams: { width: 'Full' },
  };
}

export function text(markdown: string, options: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}) {
  const block: TextBlock = { type: 'TextBlock', text: markdown, wrap: true, ...options };
  return block;
}

export function toAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: CARD_CONTENT_TYPE, content: card };
}

/** UTF-8 bytes of a value as JSON (what goes on the wire). */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * Running byte size of a card as elements are added, without serialising the whole card again:
 * the JSON of a body array is `[` + elements joined by `,` + `]`, so each element adds its own
 * bytes and a comma.
 */
export function createSizeCounter(): {
  bytesWith(extra: readonly CardElement[]): number;
  add(extra: readonly CardElement[]): void;
  reset(): void;
} {
  const empty = jsonBytes(createCard([]));
  let bytes = empty;
  let count = 0;
  const sizeOf = (extra: readonly CardElement[], n: number) =>
    extra.reduce((sum, el, i) => sum + jsonBytes(el) + (n + i > 0 ? 1 : 0), 0);
  return {
    bytesWith: (extra) => bytes + sizeOf(extra, count),
    add(extra) {
      bytes += sizeOf(extra, count);
      count += extra.length;
    },
    reset() {
      bytes = empty;
      count = 0;
    },
  };
}
