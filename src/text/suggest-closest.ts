// "Did you mean ...?" for mistyped theme ids, source ids, subcommands and option names.
// Optimal string alignment distance (Levenshtein plus adjacent transpositions), case-insensitive.

/** Longest word compared; longer input is never a typo of a short id. */
const MAX_COMPARED = 64;

export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = [];
  for (let i = 0; i <= s.length; i++) rows.push([i]);
  for (let j = 1; j <= t.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = best;
    }
  }
  return rows[s.length]![t.length]!;
}

/** The closest candidate within a typo's reach (about one edit per three letters), or null. */
export function suggestClosest(word: string, candidates: readonly string[]): string | null {
  if (word.length === 0 || word.length > MAX_COMPARED) return null;
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate.length > MAX_COMPARED) continue;
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== null && bestDistance <= limit) return best;
  // A clear prefix ("proc" for "procurement") also counts when it picks out exactly one.
  const lower = word.toLowerCase();
  const prefixed = candidates.filter((c) => lower.length >= 3 && c.toLowerCase().startsWith(lower));
  return prefixed.length === 1 ? prefixed[0]! : null;
}

/** " — did you mean 'x'?" or the empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = suggestClosest(word, candidates);
  return suggestion === null ? '' : ` — did you mean '${suggestion}'?`;
}
