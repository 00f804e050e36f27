// Packs a list of already-escaped markdown lines into as few cards as the size budget allows,
// under a bold title (repeated with "(continued)"). Pure.
import {
  CARD_BYTE_BUDGET,
  createCard,
  createSizeCounter,
  text,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card.js';
import { fitCardText } from './card-markdown.js';

export function packCards(
  title: string,
  lines: readonly string[],
  budget: number = CARD_BYTE_BUDGET,
): AdaptiveCard[] {
  const heading = (continued: boolean): CardElement =>
    text(fitCardText(continued ? `${title} (continued)` : title, 200), {
      size: 'Medium',
      weight: 'Bolder',
    });
  const cards: CardElement[][] = [[heading(false)]];
  const size = createSizeCounter();
  size.add(cards[0]!);
  if (lines.length === 0) cards[0]!.push(text('Nothing to show.'));
  for (const line of lines) {
    const block = text(line, { separator: true });
    let open = cards[cards.length - 1]!;
    if (size.bytesWith([block]) > budget && open.length > 1) {
      open = [heading(true)];
      cards.push(open);
      size.reset();
      size.add(open);
    }
    open.push(block);
    size.add([block]);
  }
  return cards.map((body) => createCard(body));
}
