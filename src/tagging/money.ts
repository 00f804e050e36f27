// Sums of money in pounds as UK health-policy writing spells them: £10,000; £200m; £1.2bn;
// "£5 billion"; £3.5 million; £500k; £2tn; ranges "£1-2bn" / "£1bn to £2bn". A range reports its
// lower bound in `pounds` (the text keeps the whole range), so totals never overstate. Each sum
// carries what it is when its sentence says (money-context.ts): "£5bn savings target".
import type { MoneyMention } from '../domain.js';
import { describeSumContext } from './money-context.js';

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
  tn: 1e12,
  trillion: 1e12,
};

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const UNIT = String.raw`k|thousand|mn|m|million|bn|billion|tn|trillion`;
// £<n>[unit] optionally followed by "-", "–", "to" and a second [£]<n>[unit].
const MONEY = new RegExp(
  String.raw`£\s?(${NUMBER})(?:\s?(${UNIT}))?(?:\s?(?:-|–|to)\s?£?(${NUMBER})(?:\s?(${UNIT}))?)?(?![\p{L}\d])`,
  'giu',
);

function toNumber(digits: string): number {
  // Most sums have no thousands separator: no copy of the digits for them (issue 18, tag6).
  return Number(digits.includes(',') ? digits.replaceAll(',', '') : digits);
}

export function findMoney(text: string): MoneyMention[] {
  // Every sum starts with "£": a story without one skips the (unicode, case-folding) regex, and
  // the regex starts at each "£" in turn (indexOf), not trying every position on its way.
  const from = text.indexOf('£');
  if (from < 0) return [];
  const found: MoneyMention[] = [];
  // An exec loop on the one global regex, not matchAll: matchAll copies the regex and builds an
  // iterator per field (issue 18). describeSumContext never touches MONEY, so its lastIndex holds.
  MONEY.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = MONEY.exec(text)) !== null) {
    const [whole, first, firstUnit, second, secondUnit] = m;
    // "£1-2bn": the first number borrows the unit of the second.
    const unit = (firstUnit ?? (second !== undefined ? secondUnit : undefined))?.toLowerCase();
    const pounds = toNumber(first!) * (unit ? MULTIPLIERS[unit]! : 1);
    const sumText = whole.trim();
    const rounded = Math.round(pounds * 100) / 100;
    const context = describeSumContext(text, m.index, m.index + whole.trimEnd().length);
    // One literal per sum, not a bare sum spread into a second object (same keys, same order).
    found.push(
      context === undefined
        ? { text: sumText, pounds: rounded }
        : { text: sumText, pounds: rounded, context },
    );
    // Never empty (a "£" and a digit), so lastIndex has moved past this sum.
    const next = text.indexOf('£', MONEY.lastIndex);
    if (next < 0) break;
    MONEY.lastIndex = next;
  }
  return found;
}
