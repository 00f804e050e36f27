// Turns the ODS "etr" register of NHS trusts (CSV, no header, upper-case names) into gazetteer
// entries: proper-cased canonical names, ODS codes, open/close dates and the spelling variants
// journalists use ("Dudley Group FT", "Dudley Group Foundation Trust"). Pure: assemble-gazetteer.ts
// joins them with the other kinds, and the script build-gazetteer.ts reads and writes.
import type { OrganisationEntry } from '../config/organisations.js';
import { parseCsv, unique } from './parse-csv.js';

export { parseCsv };

const LOWER_WORDS = new Set(['and', 'of', 'the', 'for', 'upon', 'on', 'in', 'with', 'at']);
const UPPER_WORDS = new Set(['NHS', 'UK']);

/** "THE DUDLEY GROUP NHS FOUNDATION TRUST" -> "The Dudley Group NHS Foundation Trust". */
export function properCaseName(upper: string): string {
  const words = upper.trim().replace(/\s+/g, ' ').split(' ');
  return words
    .map((word, i) => {
      if (UPPER_WORDS.has(word)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && LOWER_WORDS.has(lower)) return lower;
      // Capitalise each hyphen part ("Stoke-on-Trent" keeps "on" lower) and after "(".
      return lower
        .split('-')
        .map((part, j) =>
          j > 0 && LOWER_WORDS.has(part)
            ? part
            : part.replace(/^([("]?)(\p{L})/u, (_, p: string, c: string) => p + c.toUpperCase()),
        )
        .join('-');
    })
    .join(' ');
}

const INSTITUTION_WORDS =
  /\b(?:Hospitals?|Healthcare|Health|Group|Care|Centre|Clinic|Infirmary|Service|Services|Alliance|Teaching|Children's|Women's|Orthopaedic|Eye)\b/;

/** Spelling variants of a trust name, the canonical name first. */
export function trustVariants(name: string): string[] {
  const base = name.replace(/^The /, '');
  const variants = [name, base];
  const ft = base.match(/^(.*) NHS Foundation Trust$/);
  const trust = base.match(/^(.*) NHS Trust$/);
  const core = (ft?.[1] ?? trust?.[1])?.replace(/,$/, '') ?? null;
  if (core !== null) {
    if (ft) {
      variants.push(`${core} Foundation Trust`, `${core} NHS FT`, `${core} FT`, `${core} Trust`);
    } else {
      variants.push(`${core} Trust`);
    }
    // The bare name only when it cannot be a place alone: "Dudley Group", "Barts Health",
    // "Guy's and St Thomas'", "Royal Free London"; never "Somerset" or "Medway".
    const distinctive = INSTITUTION_WORDS.test(core) || /\bRoyal\b|'s\b|'$|\bSt\b/.test(core);
    if (distinctive && core.split(' ').length >= 2) variants.push(core);
  }
  return unique(variants);
}

function toIsoDate(yyyymmdd: string | undefined): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Trusts from the register (column 1 code, 2 name, 11 opened, 12 closed). */
export function trustsFromRegister(csvText: string): OrganisationEntry[] {
  return parseCsv(csvText)
    .filter((row) => row.length >= 12 && row[0] && row[1])
    .map((row) => {
      const name = properCaseName(row[1]!);
      return {
        id: row[0]!.trim(),
        name,
        kind: 'trust' as const,
        variants: trustVariants(name).slice(1),
        acronyms: [],
        ambiguous: [],
        opened: toIsoDate(row[10]),
        closed: toIsoDate(row[11]),
        successors: [],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
