// The 50 new care models vanguards of 2015 (../shared/data/vanguards.csv) as gazetteer entries:
// id `vanguard-<n>` (NHS England's numbering), the vanguard type, its places, and the names a
// journalist writes: the programme's name ("Stockport Together"), "<place> vanguard" ("Fylde
// Coast vanguard") and, by type, "<place> MCP" or "<place> PACS". A vanguard never counts on a
// place alone, and never takes a name that is already another organisation's ("Royal Free
// London" is the trust, "Harrogate and Rural District Clinical Commissioning Group" the CCG): such
// a vanguard is named "<name> vanguard" instead.
import type { OrganisationEntry } from '../config/organisations.js';
import { readCsvRecords, unique } from './parse-csv.js';

const COLUMNS = ['vanguard_number', 'name', 'name_variants', 'type', 'places', 'announced_date'];

const VANGUARD_PROGRAMME_END = '2018-03-31';

/** Names too ordinary to count alone ("better local care" is a phrase in any NHS story). */
const ORDINARY_NAMES = new Set([
  'better care together',
  'better local care',
  'better care in care homes',
  'working together partnership',
  'encompass',
  'moorfields',
  'merit',
]);

/** Places too wide to name one vanguard ("London vanguard" is any of several). */
const BROAD_PLACES = new Set(['London', 'North East', 'West Midlands', 'East Midlands']);

/** Extra spellings by vanguard type, after "<place> ". */
const TYPE_FORMS: Record<string, readonly string[]> = {
  'integrated primary and acute care systems': [
    'PACS',
    'PACS vanguard',
    'primary and acute care system',
  ],
  'multispecialty community provider': [
    'MCP',
    'MCP vanguard',
    'multispecialty community provider',
    'multi-specialty community provider',
  ],
  'enhanced health in care homes': ['care homes vanguard', 'care home vanguard'],
  'urgent and emergency care': ['urgent and emergency care vanguard', 'urgent care vanguard'],
  'acute care collaboration': ['acute care vanguard', 'acute care collaboration vanguard'],
};

/**
 * `taken`: keys (see `formKey`) of every other organisation's names and variants, and bare place
 * names; a vanguard spelling with one of these keys is left out.
 */
export function vanguardsFromCsv(text: string, taken: ReadonlySet<string>): OrganisationEntry[] {
  return readCsvRecords(text, 'vanguards.csv', COLUMNS).map((row) => {
    const places = splitList(row.places!);
    const names = unique([row.name!, ...splitList(row.name_variants!)].flatMap(nameForms));
    const free = (form: string) => !taken.has(formKey(form));
    // A name ending "Clinical Commissioning Group" names the CCG that led it, not the vanguard.
    const usable = names.filter(
      (n) => free(n) && !ORDINARY_NAMES.has(formKey(n)) && stripCommissioner(n) === n,
    );
    const core = stripCommissioner(withoutBrackets(row.name!));
    const name = usable[0] ?? withVanguard(core);
    const typeForms = TYPE_FORMS[row.type!] ?? [];
    const narrow = places.filter((p) => !BROAD_PLACES.has(p));
    const placeForms = [...narrow, ...(narrow.length === 2 ? [narrow.join(' and ')] : [])];
    const variants = [
      ...usable,
      ...names.filter((n) => !n.includes('(')).map((n) => withVanguard(stripCommissioner(n))),
      ...placeForms.flatMap((p) => [`${p} vanguard`, ...typeForms.map((t) => `${p} ${t}`)]),
    ].filter(free);
    return {
      id: `vanguard-${row.vanguard_number!}`,
      name,
      kind: 'vanguard' as const,
      variants: unique(variants).filter((v) => v !== name),
      acronyms: unique([row.name!, row.name_variants!].flatMap(bracketAcronyms)),
      ambiguous: [],
      opened: row.announced_date || null,
      // The vanguards' transformation funding ran to March 2018, when NHS England closed the new
      // care models programme (not in vanguards.csv): they are no longer open organisations.
      closed: VANGUARD_PROGRAMME_END,
      successors: [],
      vanguardType: row.type || null,
      places,
    };
  });
}

/** Case-folded, "&" as "and", punctuation as spaces: how the matcher compares spellings. */
export function formKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

function withVanguard(name: string): string {
  return /\bvanguard$/i.test(name) ? name : `${name} vanguard`;
}

/** "Encompass (Whitstable, Faversham, ...)" -> both the whole name and "Encompass". */
function nameForms(name: string): string[] {
  const plain = withoutBrackets(name);
  return plain === name ? [name] : [name, plain];
}

function withoutBrackets(name: string): string {
  return name
    .replace(/\([^()]*\)/g, ' ')
    .split(' ')
    .filter((word) => word !== '')
    .join(' ');
}

/** "Nottingham City Clinical Commissioning Group" -> "Nottingham City". */
function stripCommissioner(name: string): string {
  for (const end of [' Clinical Commissioning Group', ' CCG']) {
    if (name.toLowerCase().endsWith(end.toLowerCase())) return name.slice(0, -end.length).trim();
  }
  return name;
}

/** "East Midlands Radiology Consortium (EMRAD)" -> ["EMRAD"]: capitals only, 4+ letters. */
function bracketAcronyms(text: string): string[] {
  return [...text.matchAll(/\(([A-Z]{4,})\)/g)].map((m) => m[1]!);
}

function splitList(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
