// Turns the ODS "etr" register of NHS trusts (CSV, no header, upper-case names) into gazetteer
// entries: proper-cased canonical names, ODS codes, open/close dates and the spelling variants
// journalists use ("Dudley Group FT", "Dudley Group Foundation Trust"). Pure: the script
// build-gazetteer.ts does the reading and writing. A variant two organisations would share is
// kept only for the one whose canonical name it is, or the only open one, or dropped.
import type { OrganisationEntry } from '../config/organisations.js';
import { INTEGRATED_CARE_BOARDS, NATIONAL_BODIES } from './gazetteer-bodies.js';

/** RFC 4180-style CSV: quoted fields, "" as an escaped quote, commas and newlines in quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

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
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

function complete(body: (typeof NATIONAL_BODIES)[number]): OrganisationEntry {
  return {
    id: body.id,
    name: body.name,
    kind: body.kind,
    variants: body.variants ?? [],
    acronyms: body.acronyms ?? [],
    ambiguous: body.ambiguous ?? [],
    opened: body.opened ?? null,
    closed: body.closed ?? null,
  };
}

export interface GazetteerBuild {
  entries: OrganisationEntry[];
  /** Variants dropped because two organisations would share them. */
  dropped: { variant: string; ids: string[] }[];
}

export function buildGazetteer(csvText: string): GazetteerBuild {
  const entries = [
    ...NATIONAL_BODIES.map(complete),
    ...INTEGRATED_CARE_BOARDS.map(complete),
    ...trustsFromRegister(csvText),
  ];
  const key = (s: string) =>
    s
      .toLowerCase()
      .replace(/&/g, 'and')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const owners = new Map<string, OrganisationEntry[]>();
  for (const entry of entries) {
    for (const form of [entry.name, ...entry.variants]) {
      const list = owners.get(key(form)) ?? [];
      if (!list.includes(entry)) list.push(entry);
      owners.set(key(form), list);
    }
  }
  const dropped: GazetteerBuild['dropped'] = [];
  for (const entry of entries) {
    entry.variants = entry.variants.filter((variant) => {
      const list = owners.get(key(variant))!;
      if (list.length === 1) return true;
      const named = list.filter((e) => key(e.name) === key(variant));
      const open = list.filter((e) => e.closed === null);
      const winner = named.length === 1 ? named[0] : open.length === 1 ? open[0] : undefined;
      if (winner === entry) return true;
      if (winner === undefined && !dropped.some((d) => d.variant === variant)) {
        dropped.push({ variant, ids: list.map((e) => e.id) });
      }
      return false;
    });
    // Variants equal to the name (ignoring case) add nothing.
    entry.variants = unique(entry.variants.filter((v) => v !== entry.name));
  }
  return { entries, dropped };
}

export function formatGazetteerYaml(build: GazetteerBuild, source: string): string {
  const counts = (kind: string) => build.entries.filter((e) => e.kind === kind).length;
  const header = [
    '# Organisation gazetteer: GENERATED, do not edit by hand.',
    '# Regenerate with:',
    '#   node --import tsx src/build-data/build-gazetteer.ts ../shared/data/nhs-trusts-etr.csv > config/organisations.yaml',
    `# Trusts (${counts('trust')}, open and closed) come from the ODS register (${source}, Open`,
    '# Government Licence v3.0). National bodies and the 42 integrated care boards are hand-maintained',
    '# in src/build-data/gazetteer-bodies.ts: edit them there, then regenerate.',
    '# variants: matched case-insensitively on whole words ("&" reads as "and");',
    '# acronyms: matched case-sensitively; ambiguous: case-sensitive names that are also ordinary',
    '# words (counted unless the next word shows the ordinary sense).',
    '# The body is JSON (JSON is YAML too), one organisation per line: it loads in a millisecond',
    '# where a YAML parse of this file took hundreds (see src/config/yaml-file.ts).',
    ...(build.dropped.length > 0
      ? [
          '# Variants shared by several organisations were dropped:',
          ...build.dropped.map((d) => `#   "${d.variant}" (${d.ids.join(', ')})`),
        ]
      : []),
  ];
  const lines = build.entries.map((entry) => `  ${JSON.stringify(entry)}`);
  return `${header.join('\n')}\n{"organisations": [\n${lines.join(',\n')}\n]}\n`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
