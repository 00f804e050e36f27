// The newest real batches (issue 14) must not repeat an earlier fixture: real-i, real-j, real-k,
// real-l, real-m, real-o, real-q, real-r, real-s, real-t and real-u were deduplicated by address and headline (letters and digits, lower-case) against every earlier
// fixture and within themselves, and this test is the check. Earlier batches share a few items
// (fixtures README), so each later batch adds its own row. Split out of eval.test.ts (max-lines).
import { describe, expect, it } from 'vitest';
import { loadDevSet, loadRealBatches, type LabelledStory } from '../eval/eval-tagging.js';

describe('the newest real batches repeat no earlier fixture', () => {
  const headline = (s: LabelledStory): string => s.title.toLowerCase().replace(/[^a-z0-9]/g, '');
  const address = (s: LabelledStory): string =>
    (s.url ?? '')
      .toLowerCase()
      .replace(/^https?:\/\/(www\.)?/, '')
      .replace(/\/$/, '');

  it.each([
    ['real-i.jsonl', 'ri-', ['rj-', 'rk-', 'rl-', 'rm-', 'rn-', 'ro-']],
    ['real-j.jsonl', 'rj-', ['rk-', 'rl-', 'rm-', 'rn-', 'ro-']],
    ['real-k.jsonl', 'rk-', ['rl-', 'rm-', 'rn-', 'ro-']],
    ['real-l.jsonl', 'rl-', ['rm-', 'rn-', 'ro-']],
    ['real-m.jsonl', 'rm-', ['rn-', 'ro-']],
    // real-n (evaln): deduplicated the same way against every file before it, and within itself.
    ['real-n.jsonl', 'rn-', ['ro-']],
    // real-o (evalo) was collected beside real-n (evaln): this row also checks that the two share
    // no item (real-n counts as earlier here).
    ['real-o.jsonl', 'ro-', []],
    // real-p (evalp): deduplicated the same way against every file before it and within itself;
    // checked here against every other file, real-q included (evalq drops what real-p holds).
    ['real-p.jsonl', 'rp-', []],
    // real-q (evalq) was collected beside real-p (evalp) and checked against real-p as it stood
    // before real-q's labels were committed: no shared item (real-p counts as earlier here).
    ['real-q.jsonl', 'rq-', []],
    // real-r (evalr): deduplicated the same way against every file before it and within itself,
    // and against real-s (evals, collected beside it) as it stood before real-r's labels were
    // committed (no real-s file existed then); real-s counts as earlier here once merged.
    ['real-r.jsonl', 'rr-', []],
    // real-s (evals) was collected beside real-r (evalr), from other outlets, and checked against
    // real-r as it stood just before real-s's labels were committed (96 items): no shared item.
    ['real-s.jsonl', 'rs-', []],
    // real-t (evalt): items published 2014-2019 (and traps), deduplicated the same way against
    // every file before it and within itself, and against real-u (evalu, collected beside it on
    // 2020-2026 ground) as it stood just before real-t's labels were committed (no real-u file
    // existed then); real-u counts as earlier here once merged.
    ['real-t.jsonl', 'rt-', []],
    // real-u (evalu, items published 2020-2026) was collected beside real-t (evalt, 2014-2019) and
    // checked against real-t as it stood just before real-u's labels were committed (93 items): no
    // shared item (real-t counts as earlier here once merged).
    ['real-u.jsonl', 'ru-', []],
  ] as const)(
    '%s shares no address or headline with an earlier file, nor within itself',
    (name, prefix, later) => {
      const batch = loadRealBatches().get(name)!;
      const earlier = loadDevSet().filter(
        (s) => !s.id.startsWith(prefix) && !later.some((p) => s.id.startsWith(p)),
      );
      const seenHeadlines = new Set(earlier.map(headline));
      const seenAddresses = new Set(earlier.filter((s) => s.url).map(address));
      const repeated = batch.filter(
        (s) => seenHeadlines.has(headline(s)) || seenAddresses.has(address(s)),
      );
      expect(repeated.map((s) => s.id)).toEqual([]);
      expect(new Set(batch.map(headline)).size).toBe(batch.length);
      expect(new Set(batch.map(address)).size).toBe(batch.length);
    },
  );
});
