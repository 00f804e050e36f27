// The traps the rules still miss, each an honest miss rather than a rule worth writing (see each
// item's reason), split out of eval.test.ts (max-lines), which checks that exactly these fail.
//
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
// real-n.jsonl (evaln, held out against round 14, not tuned on): fifteen failed traps, listed as
// found for the next round: buying outside health read as procurement (council waste and
// recycling contracts rn-017 to rn-021, defence procurement rn-026, rn-028, rn-029, rn-031,
// share tender offers rn-080, rn-081) and the employment contract of a university president
// named Carter (rn-014, rn-015); and two ICB tender notices whose titles name the integrated
// care system or board only as buyer, read as stp (rn-042, rn-043; icb-passing).
// real-o.jsonl (evalo, held out against round 14, not tuned on): seven failed traps, listed as
// found for the next round: Indian "sewerage treatment plants ... STPs" read as the NHS plans
// (ro-002); a 2009 Principia slide deck whose APMS contract reads as procurement (ro-012, years
// before Principia was a vanguard); the Modality Partnership vanguard named by its programme
// alone (ro-029, rg-141's case); a Vanguard fund-fee guide (ro-039), two multi-chip package (MCP)
// pages (ro-046, ro-047) and the battleship HMS Vanguard (ro-071) read as the new care models.
// Round 15 (tune15, tuned on real-n.jsonl and real-o.jsonl): real-n's fifteen and six of
// real-o's seven left the list (defence buying, councils' waste and highways services, share
// tender offers and a university president's contract are negatives for procurement; an ICB's
// procurement process offsets the system's name for stp; sewerage plants and crore sums veto stp;
// multi-chip packages, HMS Vanguard and the fund's "costs of investing" veto mcp; NHS England's
// "Supporting new NHS care models" heading counts for it). ro-012 stays: the Principia deck's
// "APMS contract with the commissioning PCT" is a contract held, not let, but the APMS rule
// cannot tell (a 2009 slide deck, an honest miss).
// real-p.jsonl (evalp, held out against round 15, not tuned on): nine failed traps, listed as
// found for the next round: an academy (school) trust's Covid cash read as the regime (rp-027,
// like ri-071 but with "balancing books"); councils' highways and roads contracts and tenders
// (rp-032, rp-035, rp-036, rp-037) and a 2012 general public-procurement law article (rp-060)
// read as NHS procurement; and three NHS deals with private hospitals for Covid capacity that
// the rules miss as procurement because they say "partnership" or "deal" with no contract word
// (rp-039, rp-040, rp-084; rd-052's case, labelled procurement there too).
// real-q.jsonl (evalq, held out against round 15, not tuned on): one failed trap, listed as found
// for the next tuning round: Hyderabad's "39 new STPs under AMRUT" whose standfirst says only
// "sewage management", with no sewage-plant, sewerage or crore word for the veto (rq-077).
// Round 16 (tune16, tuned on real-p.jsonl and real-q.jsonl): eight of real-p's nine and real-q's
// one left the list (academies and DfE money are negatives for covid_cip; carriageways,
// footways, resurfacing and roading are a second roads negative for procurement; a deal,
// partnership or agreement with the independent or private sector counts for it; "sewage" and
// AMRUT veto stp). rp-060 stays: a 2012 article on public procurement law in general names no
// sector the rules could take as outside health, and "public procurement" is NHS buying too.
// real-r.jsonl (evalr, held out against round 16, not tuned on): four failed traps, listed as
// found for the next tuning round: a comment headlined "Financial recovery" whose standfirst says
// only that Covid-19 cases are declining, read as the regime (rr-025, rg-081's case); a King's Fund
// blog of November 2022 on "the next NHS efficiency drive", inside the covid_cip window but about
// the drive to come (rr-037); Dudley's multispecialty community provider contract named by the
// place alone (rr-046, rg-141's case); and NHS England's 2025 "fundamental reset" of the financial
// regime, whose headline names the ICBs only as the letter's addressees, read as stp (rr-069,
// icb-passing).
// real-s.jsonl (evals, held out against round 16, not tuned on): eight failed traps, listed as
// found for the next tuning round: a council report and a Bill committee naming the ICB or ICP
// only in passing (rs-019, rs-065); Covid money for care providers and for Wales with no regime
// word (rs-024, rs-068); the Vanguard rocket and satellite programme (rs-053); Tower Hamlets
// Together, a vanguard's programme name, on pages that name no vanguard or care model (rs-101,
// rs-103); and a CCG's alliance agreement with three providers, labelled procurement, that the
// rules miss (rs-102).
// Round 17 (tune17, tuned on real-r.jsonl and real-s.jsonl): rs-053 and rs-068 left the list (the
// Vanguard rocket's satellite programme vetoes mcp; Wales by name is a negative for covid_cip).
// The other ten stay, honest misses: a "Financial recovery" headline with Covid-19 named
// (rr-025, rg-081's case) and Covid money for care providers (rs-024, re-051's case) carry no
// regime word to tell them from regime stories told without one; a blog on the efficiency drive
// to come, inside the window (rr-037); a vanguard named by its place or programme alone (rr-046,
// rs-101, rs-103, rg-141's case); the ICB or ICP named only as a letter's addressees, a report's
// recipients or a Bill clause's subject (rr-069, rs-019, rs-065, icb-passing: the ICB alias
// already counts little, and these name it with planning or finance words the system's own
// stories use); and a CCG's alliance agreement with three providers (rs-102: "signed an
// alliance partnership agreement" with no contract, tender or buying word).
// real-t.jsonl (evalt, held out against round 17, not tuned on): six failed traps, listed as found
// for the next tuning round: Better Care Together's 2015 strategy, before it was a vanguard, read
// as mcp by the programme name alone (rt-014, rs-101's case); a Model Context
// Protocol tutorial that names neither the protocol nor any AI word the veto knows (rt-055);
// Dudley's MCP contract told as "the first voluntary GP contract" put out to tender (rt-021) and
// the Fylde Coast's work named by place and the Five Year Forward View (rt-039), both missed
// (rr-046's and rg-141's case); shielded twisted pair cable and Bengaluru's apartment sewage
// plants, "STPs" with no sewage, sewerage or crore word for the vetoes (rt-075, rt-086).
// real-u.jsonl (evalu, items published 2020-2026, held out against round 17, not tuned on): eight
// failed traps, listed as found for the next tuning round: procurement law and practice outside
// the NHS read as NHS buying (ru-003 and ru-005, Procurement Act 2023 direct-award guidance; ru-049,
// the US Army's ventilator contest: tender-other); Covid-era buying told without a buying word
// (ru-036, the Nightingales' contracts published and £350m "earmarked"; ru-051, ru-052, ru-053,
// PPE "written off" and "losses"); and a construction firm that "secured the job" of building the
// Harrogate Nightingale (ru-039). Each passes its own trap (no covid_cip, no mcp); each fails on
// procurement.
// Round 18 (tune18, tuned on real-t.jsonl and real-u.jsonl): rt-021, rt-055, rt-075, rt-086,
// ru-051, ru-052 and ru-053 left the list (the STP and MCP acronyms are no longer their own
// context, so a cable's, an apartment block's and a tutorial's second "STP" or "MCP" does not
// make the first count; the voluntary GP contract is the MCP contract's first name; PPE told with
// a sterling sum is procurement). The other seven stay, honest misses: Better Care Together's
// strategy before it was a vanguard (rt-014) and the Fylde Coast named by place (rt-039), as
// rs-101 and rg-141; procurement law and practice outside the NHS (ru-003, ru-005, ru-049):
// "procurement", "direct award" and "contract awarded" count whoever buys, and a config rule
// cannot ask for NHS context only when the law words fire (an unconditional procurement rule
// gives every conditional one its context), so it needs a change in src/tagging; the
// Nightingales' contracts "published" and "earmarked" (ru-036) and a construction "job" won
// (ru-039), one-headline wordings.
// Every other trap, and any new one, must be right; a listed one that starts passing
// must leave here.
export const KNOWN_HONEST_MISSES: readonly string[] = [
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
  'ro-012',
  // real-p (evalp), held out against round 15; left untuned by round 16:
  'rp-060',
  // real-r (evalr), held out against round 16; left untuned by round 17:
  'rr-025',
  'rr-037',
  'rr-046',
  'rr-069',
  // real-s (evals), held out against round 16; left untuned by round 17:
  'rs-019',
  'rs-024',
  'rs-065',
  'rs-101',
  'rs-102',
  'rs-103',
  // real-t (evalt), held out against round 17; left untuned by round 18:
  'rt-014',
  'rt-039',
  // real-u (evalu), held out against round 17; left untuned by round 18:
  'ru-003',
  'ru-005',
  'ru-036',
  'ru-039',
  'ru-049',
];
