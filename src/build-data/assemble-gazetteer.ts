// Joins every kind of organisation into one gazetteer: national bodies (hand-kept), ICBs, STP
// footprints and CCGs (commissioners), the 2015 vanguards, and NHS trusts (the ODS register).
// Then two guards, because the matcher reads every name and variant case-insensitively:
// - a variant two organisations would share is kept only for the one whose canonical name it is,
//   or the only open one, or dropped (and listed in the file header);
// - a bare place name ("Dudley", "Wirral", "Fylde Coast") is never a variant of anything: the
//   place alone must not tag an organisation.
import type { OrganisationEntry } from '../config/organisations.js';
import { ccgArea, ccgsFromCsv, commissionersFromCsv, stpArea } from './gazetteer-commissioners.js';
import { NATIONAL_BODIES } from './gazetteer-bodies.js';
import { trustsFromRegister } from './gazetteer-from-register.js';
import { formKey, vanguardsFromCsv } from './gazetteer-vanguards.js';

/** The text of each source file; the reference files are optional (trusts alone still build). */
export interface GazetteerSources {
  trusts: string;
  ccgs?: string;
  stpsIcbs?: string;
  vanguards?: string;
}

export interface GazetteerBuild {
  entries: OrganisationEntry[];
  /** Variants dropped because two organisations would share them. */
  dropped: { variant: string; ids: string[] }[];
}

export function buildGazetteer(sources: GazetteerSources | string): GazetteerBuild {
  const files = typeof sources === 'string' ? { trusts: sources } : sources;
  const national = NATIONAL_BODIES.map(complete);
  const { stps, icbs } = files.stpsIcbs
    ? commissionersFromCsv(files.stpsIcbs)
    : { stps: [], icbs: [] };
  const ccgs = files.ccgs ? ccgsFromCsv(files.ccgs) : [];
  const trusts = trustsFromRegister(files.trusts);
  const others = [...national, ...icbs, ...stps, ...ccgs, ...trusts];
  const places = barePlaces(others);
  const vanguards = files.vanguards ? vanguardsFromCsv(files.vanguards, taken(others, places)) : [];
  for (const v of vanguards) for (const p of v.places ?? []) places.add(formKey(p));
  const entries = [...national, ...icbs, ...stps, ...ccgs, ...vanguards, ...trusts];
  const dropped = dropSharedVariants(entries);
  for (const entry of entries) {
    entry.variants = entry.variants.filter((v) => !places.has(formKey(v)));
  }
  return { entries, dropped };
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
    successors: [],
  };
}

/** Keys of the places commissioners are named after: "dudley", "humber coast and vale", ... */
function barePlaces(entries: readonly OrganisationEntry[]): Set<string> {
  const places = new Set<string>();
  for (const entry of entries) {
    if (entry.kind === 'ccg') {
      const area = ccgArea(entry.name);
      if (area !== null) places.add(formKey(area));
    } else if (entry.kind === 'icb') {
      places.add(formKey(entry.name.replace(/^NHS /, '').replace(/ Integrated Care Board$/, '')));
    } else if (entry.kind === 'stp') {
      for (const form of [entry.name, ...entry.variants]) {
        const m = /^(.+) STP$/.exec(form);
        if (m) places.add(formKey(stpArea(m[1]!)));
      }
    }
  }
  return places;
}

function taken(entries: readonly OrganisationEntry[], places: ReadonlySet<string>): Set<string> {
  const keys = new Set(places);
  for (const entry of entries) {
    for (const form of [entry.name, ...entry.variants]) keys.add(formKey(form));
  }
  return keys;
}

function dropSharedVariants(entries: OrganisationEntry[]): GazetteerBuild['dropped'] {
  const owners = new Map<string, OrganisationEntry[]>();
  for (const entry of entries) {
    for (const form of [entry.name, ...entry.variants]) {
      const list = owners.get(formKey(form)) ?? [];
      if (!list.includes(entry)) list.push(entry);
      owners.set(formKey(form), list);
    }
  }
  const dropped: GazetteerBuild['dropped'] = [];
  for (const entry of entries) {
    entry.variants = entry.variants.filter((variant) => {
      const list = owners.get(formKey(variant))!;
      if (list.length === 1) return true;
      const named = list.filter((e) => formKey(e.name) === formKey(variant));
      const open = list.filter((e) => e.closed === null);
      const winner = named.length === 1 ? named[0] : open.length === 1 ? open[0] : undefined;
      if (winner === entry) return true;
      if (winner === undefined && !dropped.some((d) => d.variant === variant)) {
        dropped.push({ variant, ids: list.map((e) => e.id) });
      }
      return false;
    });
    // Variants equal to the name add nothing.
    entry.variants = [...new Set(entry.variants.filter((v) => v !== entry.name))];
  }
  return dropped;
}
