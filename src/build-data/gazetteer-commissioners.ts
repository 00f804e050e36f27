// Commissioners for the gazetteer, from ../shared/data (see its README for provenance and gaps):
// clinical commissioning groups 2013-2022 (ccgs.csv), STP footprints and the integrated care
// boards that succeeded them in July 2022 (stps-icbs.csv). Each gets the spellings a journalist
// writes ("Dudley CCG", "Dudley clinical commissioning group", "Humber, Coast and Vale STP",
// "... Health and Care Partnership") and `successors`, so succession is data:
// CCG -> successor CCG -> ICB, STP -> ICB. Never a bare place: "Dudley" alone is not a CCG.
import type { OrganisationEntry } from '../config/organisations.js';
import { readCsvRecords, unique } from './parse-csv.js';

const CCG_COLUMNS = [
  'ods_code',
  'name',
  'name_ods',
  'ons_code',
  'ons_code_2013',
  'open_date',
  'close_date',
  'successor_ccg',
  'successor_icb_ods',
];

/** "NHS Dudley CCG" -> "Dudley"; null when the name is not of that form. */
export function ccgArea(name: string): string | null {
  const m = /^NHS (.+) CCG$/i.exec(name.trim().replace(/\s+/g, ' '));
  return m ? m[1]! : null;
}

export function ccgVariants(area: string): string[] {
  return [
    `${area} CCG`,
    `NHS ${area} Clinical Commissioning Group`,
    `${area} Clinical Commissioning Group`,
  ];
}

/** CCGs: id = ODS code; successor = the CCG it merged into, or (for 2021 CCGs) its ICB. */
export function ccgsFromCsv(text: string): OrganisationEntry[] {
  const rows = readCsvRecords(text, 'ccgs.csv', CCG_COLUMNS);
  const named = new Set(rows.map((row) => ccgArea(row.name!)?.toLowerCase()));
  return rows.map((row) => {
    const area = ccgArea(row.name!);
    // ODS kept some old names on merged codes (18C is "NHS HEREFORDSHIRE CCG" there): an ODS name
    // that is another CCG's name is not a spelling of this one.
    const ods = row.name_ods ? ccgArea(row.name_ods) : null;
    const odsArea = ods !== null && !named.has(ods.toLowerCase()) ? titleLike(ods, area) : null;
    const areas = unique([area, odsArea].filter(isText));
    const successor = row.successor_ccg || row.successor_icb_ods;
    return {
      id: row.ods_code!,
      name: row.name!,
      kind: 'ccg' as const,
      variants: areas.flatMap(ccgVariants),
      acronyms: [],
      ambiguous: [],
      opened: row.open_date || null,
      closed: row.close_date || null,
      successors: successor ? [successor] : [],
      codes: unique([row.ons_code, row.ons_code_2013].filter(isText)),
    };
  });
}

/** The ODS upper-case area, in the mixed case of the ONS name when they are the same words. */
function titleLike(upper: string, mixed: string | null): string | null {
  if (mixed !== null && upper.toLowerCase() === mixed.toLowerCase()) return mixed;
  return upper
    .toLowerCase()
    .replace(/(^|[\s(-])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase())
    .replace(/\b(And|Of|The|With|On|Upon)\b/g, (w) => w.toLowerCase());
}

const STP_COLUMNS = [
  'stp_ons_code',
  'stp_ods_code',
  'stp_name',
  'stp_name_2017',
  'in_2020_21_set',
  'icb_ods_code',
  'icb_name',
];

/** "Surrey Heartlands Health and Care Partnership" -> "Surrey Heartlands" (the footprint's area). */
export function stpArea(name: string): string {
  const plain = name.startsWith('The ') ? name.slice(4) : name;
  const suffix = STP_SUFFIXES.find((end) => plain.toLowerCase().endsWith(end.toLowerCase()));
  const area = suffix === undefined ? plain : plain.slice(0, -suffix.length).trim();
  // "North London Partners in Health and Care" is a name, not an area plus a suffix.
  return /\s\p{Ll}+$/u.test(area) ? name : area;
}

/** What footprints added to their area's name, longest first. */
const STP_SUFFIXES = [
  ' (Health and Social Care Partnership)',
  ' (Health and Care Partnership)',
  ' Health and Social Care Partnership',
  ' Health and Care Partnership',
  ' Health and Care ICS',
  ' Health and Social Care',
  ' Health and Care',
];

function stpVariants(area: string): string[] {
  return [
    `${area} STP`,
    `${area} STP footprint`,
    `${area} sustainability and transformation partnership`,
    `${area} sustainability and transformation plan`,
    `${area} Health and Care Partnership`,
    `${area} Health and Social Care Partnership`,
    `${area} ICS`,
    `${area} integrated care system`,
  ];
}

export interface Commissioners {
  stps: OrganisationEntry[];
  icbs: OrganisationEntry[];
}

/**
 * STP footprints (id = ONS code, since each ICB kept its STP's ODS code) and ICBs (id = ODS code).
 * A retired 2017/18 row naming the same footprint as a 2021 row joins it (its code in `codes`);
 * the others stay separate, without a successor (several were split; none is guessed).
 */
export function commissionersFromCsv(text: string): Commissioners {
  const rows = readCsvRecords(text, 'stps-icbs.csv', STP_COLUMNS);
  const current = rows.filter((r) => r.in_2020_21_set === 'Y');
  const retired = rows.filter((r) => r.in_2020_21_set !== 'Y');
  const stps = current.map((row) => {
    const areas = unique([stpArea(row.stp_name!), stpArea(row.stp_name_2017 || row.stp_name!)]);
    const joined = retired.filter((old) => areas.includes(stpArea(old.stp_name!)));
    return stpEntry(row, areas, joined);
  });
  const joinedCodes = new Set(stps.flatMap((s) => s.codes ?? []));
  for (const old of retired) {
    if (joinedCodes.has(old.stp_ons_code!)) continue;
    stps.push(stpEntry(old, [stpArea(old.stp_name!)], []));
  }
  const icbs = current.filter((r) => r.icb_ods_code).map(icbEntry);
  return { stps, icbs };
}

function stpEntry(
  row: Record<string, string>,
  areas: string[],
  joined: Record<string, string>[],
): OrganisationEntry {
  const short = areas[areas.length - 1]!;
  const formal = unique([row.stp_name!, row.stp_name_2017!].filter(isText));
  const name = formal[0] !== undefined && formal[0] !== short ? formal[0] : `${short} STP`;
  return {
    id: row.stp_ons_code!,
    name,
    kind: 'stp',
    variants: unique([...formal.filter((f) => !areas.includes(f)), ...areas.flatMap(stpVariants)]),
    acronyms: [],
    ambiguous: [],
    // STPs were announced in March 2016; footprints became ICBs on 1 July 2022.
    opened: '2016-03-01',
    closed: row.in_2020_21_set === 'Y' ? '2022-06-30' : null,
    successors: row.icb_ods_code ? [row.icb_ods_code] : [],
    ...(joined.length > 0 ? { codes: joined.map((old) => old.stp_ons_code!) } : {}),
  };
}

// Matching reads "&" as "and", so "Kent & Medway ICB" needs no variant of its own.
function icbEntry(row: Record<string, string>): OrganisationEntry {
  const area = row.icb_name!.replace(/^NHS /, '').replace(/ Integrated Care Board$/, '');
  return {
    id: row.icb_ods_code!,
    name: `NHS ${area} Integrated Care Board`,
    kind: 'icb',
    variants: [
      `NHS ${area} ICB`,
      `${area} ICB`,
      `${area} Integrated Care Board`,
      `${area} Integrated Care System`,
      `${area} ICS`,
    ],
    acronyms: [],
    ambiguous: [],
    opened: '2022-07-01',
    closed: null,
    successors: [],
  };
}

function isText(value: string | null | undefined): value is string {
  return typeof value === 'string' && value !== '';
}
