// The vocabulary the storage benchmark's archive is written from (storage-corpus.ts): each
// theme's own phrases and acronyms from config/themes.yaml, organisation names from the generated
// gazetteer config/organisations.yaml, English places, people's roles and invented surnames (a
// long tail of rare words, as real names are). Word lists are ours; nothing is third-party text.
import { fileURLToPath } from 'node:url';
import { loadOrganisations, type OrganisationEntry } from '../../src/config/organisations.js';
import { loadThemes } from '../../src/config/themes.js';
import type { OrganisationKind } from '../../src/domain.js';

const CONFIG = fileURLToPath(new URL('../../config/', import.meta.url));

export interface CorpusOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** How outlets shorten it after the first mention (an acronym, a variant, or the name). */
  short: string;
}

export interface CorpusVocabulary {
  /** Theme id -> phrases and acronyms its rules list (positive rules only). */
  themePhrases: ReadonlyMap<string, readonly string[]>;
  organisations: readonly CorpusOrganisation[];
  places: readonly string[];
  roles: readonly string[];
  firstNames: readonly string[];
  surnames: readonly string[];
}

export const PLACES =
  `Dudley Walsall Wolverhampton Sandwell Birmingham Solihull Coventry Warwickshire Leeds
  Bradford Calderdale Kirklees Wakefield Sheffield Rotherham Barnsley Doncaster Manchester Salford
  Bolton Wigan Stockport Tameside Oldham Rochdale Bury Liverpool Wirral Sefton Cheshire Mersey
  Lancashire Cumbria Northumberland Durham Tees Newcastle Gateshead Sunderland Norfolk Suffolk
  Essex Kent Medway Sussex Surrey Hampshire Dorset Somerset Devon Cornwall Bristol Gloucestershire
  Oxfordshire Buckinghamshire Berkshire Hertfordshire Bedfordshire Cambridgeshire Peterborough
  Lincolnshire Nottinghamshire Derbyshire Leicestershire Northamptonshire Shropshire Staffordshire`
    .split(/\s+/)
    .filter((w) => w !== '');

const ROLES = [
  'chief executive',
  'finance director',
  'chief finance officer',
  'medical director',
  'chief nurse',
  'chair',
  'chief operating officer',
  'director of strategy',
  'workforce director',
  'health secretary',
  'health minister',
  'council leader',
  'director of adult social services',
  'regional director',
  'procurement lead',
  'clinical lead',
];

const FIRST_NAMES = `Sarah James Helen David Claire Mark Rachel Paul Emma Richard Louise Andrew
  Fiona Simon Karen Peter Joanne Stephen Amanda Michael Priya Rajesh Aisha Tom Kate Ian Sue
  Neil Anita Chris Julia Gareth Nadia Owen Ruth Graham Hannah Kevin Lucy Martin`
  .split(/\s+/)
  .filter((w) => w !== '');

/** Invented surnames from syllables: thousands of words each found in a few dozen stories. */
function inventSurnames(count: number): string[] {
  const head = ['Ash', 'Brad', 'Carr', 'Dal', 'Ell', 'Fen', 'Gar', 'Hol', 'Kin', 'Lang', 'Mor'];
  const mid = ['', 'er', 'in', 'ow', 'ing', 'ar', 'el', 'ven', 'ris', 'ton'];
  const tail = ['by', 'well', 'ford', 'ley', 'son', 'ham', 'wick', 'dale', 'croft', 'more'];
  const names: string[] = [];
  for (const h of head) for (const m of mid) for (const t of tail) names.push(`${h}${m}${t}`);
  return names.slice(0, count);
}

function loadThemePhrases(): Map<string, string[]> {
  const parsed = loadThemes(`${CONFIG}themes.yaml`);
  if (!parsed.ok) throw new Error(`bench: config/themes.yaml: ${parsed.errors.join('; ')}`);
  const phrases = new Map<string, string[]>();
  for (const theme of parsed.value.themes) {
    const terms = theme.rules
      .filter((r) => r.role === 'positive' && (r.kind === 'phrase' || r.kind === 'acronym'))
      .flatMap((r) => r.terms)
      // Phrases a headline can carry as they are: no very long forms.
      .filter((t) => t.length <= 40);
    phrases.set(theme.id, [...new Set(terms)]);
  }
  return phrases;
}

/** Trusts, ICBs, CCGs and national bodies: what policy news names most. */
function loadCorpusOrganisations(): CorpusOrganisation[] {
  const parsed = loadOrganisations(`${CONFIG}organisations.yaml`);
  if (!parsed.ok) throw new Error(`bench: config/organisations.yaml: ${parsed.errors.join('; ')}`);
  const wanted = new Set<OrganisationKind>(['trust', 'icb', 'ccg', 'national', 'stp', 'other']);
  return parsed.value
    .filter((o: OrganisationEntry) => wanted.has(o.kind))
    .map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      short: o.acronyms[0] ?? o.variants.find((v) => v.length < o.name.length) ?? o.name,
    }));
}

let cached: CorpusVocabulary | null = null;

export function loadCorpusVocabulary(): CorpusVocabulary {
  cached ??= {
    themePhrases: loadThemePhrases(),
    organisations: loadCorpusOrganisations(),
    places: PLACES,
    roles: ROLES,
    firstNames: FIRST_NAMES,
    surnames: inventSurnames(1100),
  };
  return cached;
}
