// real-o.jsonl (evalo, issue 14), held out against round 14 (rules-before-real-o.yaml) and not
// tuned on: its seven failed traps, listed as found for the next tuning round to decide, and
// spread into KNOWN_HONEST_MISSES in eval.test.ts (kept here for its max-lines):
// Indian "sewerage treatment plants ... STPs" read as the NHS plans (ro-002); a 2009 Principia
// slide deck whose APMS contract reads as procurement (ro-012, years before Principia was a
// vanguard); the Modality Partnership vanguard named by its programme alone (ro-029, rg-141's
// case); a Vanguard fund-fee guide (ro-039), two multi-chip package (MCP) pages (ro-046, ro-047)
// and the battleship HMS Vanguard (ro-071) read as the new care models.
export const REAL_O_HONEST_MISSES: readonly string[] = [
  'ro-002',
  'ro-012',
  'ro-029',
  'ro-039',
  'ro-046',
  'ro-047',
  'ro-071',
];
