// Runs the tagging evaluation (test/eval/eval-tagging.ts) over the labelled development set with
// the shipped config/themes.yaml and holds the issue-3 targets, so a regression fails CI. The real
// published batches (real-*.jsonl, issue 14) also hold the figures round 5 reached on them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EVALUATED_THEMES,
  FROZEN_RULES,
  TARGETS,
  evaluateTagging,
  loadDevSet,
  formatFullReport,
  loadRealBatches,
} from '../eval/eval-tagging.js';
import { HELD_OUT_BATCHES, HELD_OUT_POOLS, NEW_BATCH, POOLED_ALL } from '../eval/eval-new-batch.js';
import { evaluateAllHeldOut, rulesBeforeBatch } from '../eval/eval-pooled.js';
import { REAL_O_HONEST_MISSES } from './eval-real-o.js';

const evaluation = evaluateTagging();

// The full report scores every batch with every frozen rules file: built once for the whole file
// (each section test only reads it), so a tenth batch does not make each of those tests slower.
let report = '';
beforeAll(() => {
  report = formatFullReport();
}, 120_000);

describe('tagging evaluation on the development set', () => {
  it('has at least 200 items, 40% of them without any of the five themes', () => {
    expect(evaluation.items).toBeGreaterThanOrEqual(200);
    expect(evaluation.withoutFiveThemes / evaluation.items).toBeGreaterThanOrEqual(0.4);
  });

  it('covers every theme with at least 15 positive items', () => {
    const stories = loadDevSet();
    for (const theme of EVALUATED_THEMES) {
      expect(stories.filter((s) => s.labels.includes(theme)).length, theme).toBeGreaterThanOrEqual(
        15,
      );
    }
  });

  it('covers every trap DOMAIN.md lists', () => {
    const kinds = new Set(evaluation.traps.map((t) => t.trap));
    for (const kind of [
      'carter-legal-aid',
      'carter-prisons',
      'carter-other',
      'girft-alone',
      'environmental-sustainability',
      'stp-chemistry',
      'stp-networking',
      'icb-passing',
      'mcp-protocol',
      'mcp-microsoft',
      'mcp-joint',
      'us-accountable-care',
      'vanguard-fund',
      'tender-sore',
      'employment-contract',
      'gp-contract',
      'covid-vaccine',
      'cip-before-2020',
      'cip-after-2022',
    ]) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });

  it(`reaches macro F1 >= ${TARGETS.macroF1}`, () => {
    expect(evaluation.macroF1).toBeGreaterThanOrEqual(TARGETS.macroF1);
  });

  it.each(EVALUATED_THEMES.map((t) => [t]))(`%s has F1 >= ${TARGETS.minThemeF1}`, (theme) => {
    const score = evaluation.themes.find((s) => s.theme === theme)!;
    expect(
      score.f1,
      `FP ${score.falsePositives.join(',')} FN ${score.falseNegatives.join(',')}`,
    ).toBeGreaterThanOrEqual(TARGETS.minThemeF1);
  });

  // Round 6 (evald, real-d.jsonl): the traps of the fourth real batch the rules still miss after
  // tuning, each an honest miss rather than a rule worth writing (see each item's reason): a
  // vanguard named only by place or programme with no care-model word near (rd-019, rd-065,
  // rd-071, rd-072, rd-099), a CIP story that cites Lord Carter for a figure (rd-194), a 2019-20
  // efficiency programme published in 2020 (rd-204), and a Covid cost-claims story labelled
  // finance only (rd-228: "arrangements for payment"). rd-198 left the list in round 7: Covid
  // money alone no longer makes covid_cip (the written rule in test/fixtures/tagging/README.md).
  // Round 7 (evale, real-e.jsonl): Covid funding named in both title and summary of a Northern
  // Ireland briefing (re-051; stopping it costs regime stories told without a regime word, see
  // config/themes.yaml), and five ICSs named as the partners of a care-home digital project
  // beside "transformation plans" (re-119). Round 8 (evalg, real-g.jsonl): ICSs named only as
  // the funders of a patient-record contract (rg-050) or as a trust's aim (rg-126); a PACS
  // imaging contract that says only "supplier" (rg-052); the Fylde Coast vanguard named by its
  // place alone (rg-141, rg-142, like rd-019); a trust's 2020/21 surplus headlined "financial
  // recovery despite Covid" (rg-081) and Welsh Covid money in title and summary (rg-119), both
  // finance only by the written rule and both re-051's case. Round 9 (evalh, real-h.jsonl): rd-071
  // and rg-119 left the list (Morecambe Bay's "Better Care Together" and "NHS Wales" now count);
  // a patient transport award notice whose headline and standfirst carry no award or tender word
  // (rh-013) and a trust joining the EMRAD radiology consortium without naming it (rh-086) are
  // honest misses. real-i.jsonl (evali, held out against round 9 and not tuned on this round):
  // its six failed traps are listed as found, for the next tuning round to decide: Welsh Covid
  // money read as the regime (ri-035, re-051's and rg-119's case), the Fylde Coast vanguard named
  // by its place alone (ri-066, like rg-141), and four stories on procuring practices' APMS
  // contracts that the GP-contract guard keeps out of procurement (ri-078, ri-080, ri-081,
  // ri-082). Round 10 (tune10, tuned on real-i.jsonl): ri-035 and the four APMS stories left the
  // list (Welsh boards are not the English regime; APMS contracts and contracts opened to private
  // providers are procurement); ri-066 stays, the Fylde Coast named by place alone as rg-141.
  // real-j.jsonl (evalj, held out against round 10, not tuned on): two failed traps, listed as found
  // for the next round: US accountable care with no Medicare word for the veto (rj-003, Vermont),
  // and a council's 2020/21 Covid grant money read as the regime (rj-079, ri-017's case). Round 11
  // (tune11, tuned on real-j.jsonl): both left the list (the US "all-payer" models are vetoed; a
  // council's own budget is council finance, not the regime).
  // real-k.jsonl (evalk, held out against round 11, not tuned on): three failed traps, listed as
  // found for the next round: Vanguard the fund company's "cost of investing" read as a care model
  // (rk-020), the National Orthopaedic Alliance (a vanguard) backing a GIRFT report (rk-041), and a
  // Vermont ACO's board agenda with no Medicare or all-payer word for the US veto (rk-092, rj-003's
  // case). Round 12 (evalk, tuned on real-k.jsonl): all three left the list (personal-investing
  // words and US LLCs are vetoed for mcp; a GIRFT story offsets a lone vanguard name).
  // real-l.jsonl (evall, held out against round 12, not tuned on): four failed traps, listed as
  // found for the next round: a Covid PPE story that names the NAO's findings on "procuring" PPE
  // but no contract or tender word the procurement rules count (rl-050), and three PACS imaging
  // stories about contracts ("completes final contract", "contract ... extended", "strike PACS
  // gold" as preferred bidder) that the PACS guard or the missing award word keeps out of
  // procurement (rl-087, rl-091, rl-093; rg-052's case). Round 13 (evall, tuned on real-l.jsonl):
  // rl-050, rl-087 and rl-091 left the list (the verbs procure/procuring count in full; a contract
  // completed or due to expire is procurement); rl-093 stays, "strike PACS gold" meets the
  // procurement negative for "strike" (industrial action).
  // real-m.jsonl (evalm, held out against round 13, not tuned on): eight failed traps, listed as
  // found for the next round: four vanguards named by their place or programme alone, the Erewash
  // and Sunderland vanguard funding and Salford's integrated care organisation (rm-022, rm-052,
  // rm-072, rm-073; rg-141's case); a US city's Capital Improvements Program (CIP) budget dated
  // 2020 and a council's own 2020/21 Covid financial recovery plan read as the regime (rm-004, rm-091;
  // rj-079's case); a Model Context Protocol tutorial whose headline says only "MCP" beside
  // "Claude" (rm-090); and "tender, bleeding gums" read as procurement (rm-094). Round 14 (tune14,
  // tuned on real-m.jsonl): all but rm-072 left the list (an integrated care organisation, "NHS
  // pilot programme" or "transformation programme" with a vanguard place near counts for mcp; the
  // Claude tutorial, sore gums, a council's revenue budget and a capital improvement programme are
  // vetoed); rm-072 stays, Salford's "'pioneering' new organisation" names no care-model word.
  // Every other trap, and any new one, must be right; a listed one that starts passing
  // must leave here.
  const KNOWN_HONEST_MISSES = [
    'rd-019',
    'rd-065',
    'rd-072',
    'rd-099',
    'rd-194',
    'rd-204',
    'rd-228',
    're-051',
    're-119',
    'rg-050',
    'rg-052',
    'rg-081',
    'rg-126',
    'rg-141',
    'rg-142',
    'rh-013',
    'rh-086',
    'ri-066',
    'rl-093',
    'rm-072',
    ...REAL_O_HONEST_MISSES,
  ];

  it('gets every trap right (but the listed misses in real-d, real-e, real-g, real-h, real-i, real-l, real-m and real-o)', () => {
    const failed = evaluation.traps.filter((t) => !t.ok).map((t) => t.id);
    expect(failed.filter((id) => !KNOWN_HONEST_MISSES.includes(id))).toEqual([]);
    expect(KNOWN_HONEST_MISSES.filter((id) => !failed.includes(id))).toEqual([]);
  });
});

describe('tagging evaluation on the real published batches (issue 14)', () => {
  const real = [...loadRealBatches().values()].flat();

  it('has at least 160 real items, each with the URL it was published at', () => {
    expect(real.length).toBeGreaterThanOrEqual(160);
    for (const story of real) {
      expect(story.url ?? '', story.id).toMatch(/^https?:\/\//);
    }
  });

  it('reports the held-out section first, then the current rules, extra themes over every real item', () => {
    const sections = ['(a) HELD-OUT', '(b) Real batches', '(c) Whole set'].map((t) =>
      report.indexOf(t),
    );
    expect(sections.every((at, i) => at >= 0 && (i === 0 || at > sections[i - 1]!))).toBe(true);
    const extraCounts = [...report.matchAll(/Six extra themes \(over the (\d+) items/g)].map(
      (m) => m[1],
    );
    expect(extraCounts).toEqual([String(real.length), String(real.length), String(real.length)]);
  });

  it('keeps the frozen pre-tuning rules frozen, so the held-out figure stays honest', () => {
    // The bytes, not the rules version: that hash also moves when the schema's normalisation does.
    const digest = createHash('sha256').update(readFileSync(FROZEN_RULES)).digest('hex');
    expect(digest.slice(0, 16)).toBe('21327539b17f969a');
  });

  // What round 5 reached with the current rules on real-a.jsonl (carter 0.952, stp 0.989, mcp
  // 0.941, up from 0.800, 0.943 and 0.868 held out), with a little room for new batches.
  it.each([
    ['carter', 0.9],
    ['stp', 0.95],
    ['mcp', 0.9],
  ] as const)('%s has F1 >= %s on them with the current rules', (theme, floor) => {
    const score = evaluateTagging(undefined, real).themes.find((s) => s.theme === theme)!;
    expect(
      score.f1,
      `FP ${score.falsePositives.join(',')} FN ${score.falseNegatives.join(',')}`,
    ).toBeGreaterThanOrEqual(floor);
  });
});

// Each fresh batch, scored once with the rules frozen before anyone tuned on it (eval-new-batch.ts):
// its size, the bytes of those frozen rules, and the recorded figure must all still hold.
const HELD_OUT_EXPECTED: Record<string, { minItems: number; rulesDigest: string }> = {
  'real-d.jsonl': { minItems: 200, rulesDigest: 'fcec3b7c889618a2' },
  'real-e.jsonl': { minItems: 150, rulesDigest: 'fb353f193266f611' },
  'real-f.jsonl': { minItems: 90, rulesDigest: 'a80102b11917e277' },
  'real-g.jsonl': { minItems: 150, rulesDigest: 'a80102b11917e277' },
  'real-h.jsonl': { minItems: 130, rulesDigest: '22e917e6dec03b4a' },
  'real-i.jsonl': { minItems: 100, rulesDigest: '42f10b14bb66b1cd' },
  'real-j.jsonl': { minItems: 95, rulesDigest: 'eabceb440f5df667' },
  'real-k.jsonl': { minItems: 105, rulesDigest: 'd74648920e1b9e9b' },
  'real-l.jsonl': { minItems: 100, rulesDigest: '2bcf1524e9251fa5' },
  'real-m.jsonl': { minItems: 90, rulesDigest: 'f7ca44a7746f0df5' },
  'real-o.jsonl': { minItems: 90, rulesDigest: '3b45f8a6bd426afa' },
};

describe.each(HELD_OUT_BATCHES.map((h) => [h.batch, h] as const))(
  'the held-out figure for %s (scored before anyone tuned on it)',
  (name, held) => {
    it('recomputes the recorded figure from the rules frozen that day', () => {
      const expected = HELD_OUT_EXPECTED[name]!;
      const batch = loadRealBatches().get(name)!;
      expect(batch.length).toBeGreaterThanOrEqual(expected.minItems);
      const e = evaluateTagging(held.rules, batch);
      expect(e.rulesVersion).toBe(held.record.rulesVersion);
      expect(e.macroF1.toFixed(3)).toBe(held.record.macroF1.toFixed(3));
      const digest = createHash('sha256').update(readFileSync(held.rules)).digest('hex');
      expect(digest.slice(0, 16)).toBe(expected.rulesDigest);
    });

    it('prints it between the held-out section and the current rules', () => {
      const at = report.indexOf(held.title);
      expect(at).toBeGreaterThan(report.indexOf('(a) HELD-OUT'));
      expect(at).toBeLessThan(report.indexOf('(b) Real batches'));
      expect(report).toContain('never tuned on');
    });
  },
);

it('keeps a held-out record for every fresh batch since real-d', () => {
  expect(Object.keys(HELD_OUT_EXPECTED)).toEqual(HELD_OUT_BATCHES.map((h) => h.batch));
  expect(NEW_BATCH).toBe('real-d.jsonl');
});

// real-f and real-g were both scored against round 7 (nobody tuned between them): pooled, the
// held-out figure rests on enough positives to mean something (covid_cip above all).
describe.each(HELD_OUT_POOLS.map((p) => [p.batches.join(' + '), p] as const))(
  'the pooled held-out figure for %s',
  (_name, pool) => {
    it('recomputes the recorded figure over every pooled batch with the one frozen rules file', () => {
      const batches = loadRealBatches();
      const stories = pool.batches.flatMap((name) => batches.get(name) ?? []);
      expect(stories.length).toBe(pool.batches.reduce((n, b) => n + batches.get(b)!.length, 0));
      const e = evaluateTagging(pool.rules, stories);
      expect(e.rulesVersion).toBe(pool.record.rulesVersion);
      expect(e.macroF1.toFixed(3)).toBe(pool.record.macroF1.toFixed(3));
      for (const name of pool.batches) {
        expect(HELD_OUT_BATCHES.find((h) => h.batch === name)?.rules).toBe(pool.rules);
      }
      expect(report.indexOf(pool.title)).toBeLessThan(report.indexOf('(b) Real batches'));
    });
  },
);

// Every real batch against the rules that stood before anyone tuned on it, counts summed: the one
// figure that says how the rules generalise over all the real text collected so far.
describe('the pooled held-out figure over every real batch', () => {
  it('recomputes the recorded figure, each batch with its own freeze', () => {
    const batches = loadRealBatches();
    expect(rulesBeforeBatch('real-a.jsonl')).toBe(FROZEN_RULES);
    for (const h of HELD_OUT_BATCHES) expect(rulesBeforeBatch(h.batch)).toBe(h.rules);
    const e = evaluateAllHeldOut(batches);
    expect(e.items).toBe([...batches.values()].reduce((n, b) => n + b.length, 0));
    expect(e.rulesVersion).toBe(POOLED_ALL.record.rulesVersion);
    expect(e.macroF1.toFixed(3)).toBe(POOLED_ALL.record.macroF1.toFixed(3));
    expect(report.indexOf(POOLED_ALL.title)).toBeGreaterThan(report.indexOf('(a) HELD-OUT'));
    expect(report.indexOf(POOLED_ALL.title)).toBeLessThan(report.indexOf('(b) Real batches'));
  });

  it("pools a single batch into exactly that batch's figure", () => {
    const only = new Map([['real-h.jsonl', loadRealBatches().get('real-h.jsonl')!]]);
    const held = HELD_OUT_BATCHES.find((h) => h.batch === 'real-h.jsonl')!;
    expect(evaluateAllHeldOut(only).macroF1.toFixed(3)).toBe(held.record.macroF1.toFixed(3));
  });
});
