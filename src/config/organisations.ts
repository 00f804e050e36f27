// config/organisations.yaml: the organisation gazetteer (NHS trusts from the official register,
// CCGs, STP footprints, integrated care boards, the 2015 vanguards and national bodies), generated
// by src/build-data/build-gazetteer.ts and committed. Validated with zod at start-up; ids must be
// unique, and every successor must be an id in the file.
import { z } from 'zod';
import type { OrganisationKind } from '../domain.js';
import { loadYamlWith, type Parsed } from './yaml-file.js';

export interface OrganisationEntry {
  /**
   * ODS code for trusts, CCGs and ICBs ("RNA", "05C", "QUA"), the ONS code for STP footprints
   * ("E54000051", since an ICB kept its STP's ODS code), `vanguard-<n>` for the vanguards
   * (NHS England's numbering), a slug for national bodies.
   */
  id: string;
  /** Canonical display name, e.g. "The Dudley Group NHS Foundation Trust". */
  name: string;
  kind: OrganisationKind;
  /** Other spellings, matched case-insensitively on whole words (the name itself always is). */
  variants: string[];
  /** Short forms matched case-sensitively, e.g. "NICE", "CQC". */
  acronyms: string[];
  /**
   * Case-sensitive names that are also ordinary words ("Monitor"): matched, except where the
   * next word shows the ordinary sense ("Monitor your blood pressure").
   */
  ambiguous: string[];
  /** ISO dates from the register; null when unknown or still open. */
  opened: string | null;
  closed: string | null;
  /**
   * Ids of what this organisation became: a merged CCG's successor CCG, a 2021 CCG's or STP's
   * ICB. Succession is a chain (00C -> 16C -> QHM); filters can follow it on request.
   */
  successors?: readonly string[];
  /** Other official codes of the same body (a CCG's ONS codes, a footprint's retired code). */
  codes?: readonly string[];
  /** Vanguards only: the new care model, e.g. "multispecialty community provider". */
  vanguardType?: string | null;
  /** Vanguards only: the places its name covers. */
  places?: readonly string[];
}

/**
 * What an organisation is (domain.ts OrganisationKind): an NHS trust, a clinical commissioning
 * group (2013-2022), a sustainability and transformation partnership footprint (2016-2022), an
 * integrated care board (from July 2022), a new care models vanguard (2015), a national body, or
 * another (think tanks, unions).
 */
export const ORGANISATION_KINDS = [
  'national',
  'icb',
  'trust',
  'ccg',
  'stp',
  'vanguard',
  'other',
] as const satisfies readonly OrganisationKind[];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

const entrySchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, - and _ only'),
    name: z.string().min(1),
    kind: z.enum(ORGANISATION_KINDS),
    variants: z.array(z.string().min(1)).default([]),
    acronyms: z.array(z.string().min(1)).default([]),
    ambiguous: z.array(z.string().min(1)).default([]),
    opened: isoDate.nullable().default(null),
    closed: isoDate.nullable().default(null),
    successors: z.array(z.string().min(1)).default([]),
    codes: z.array(z.string().min(1)).default([]),
    vanguardType: z.string().min(1).nullable().default(null),
    places: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const organisationsFileSchema = z
  .object({ organisations: z.array(entrySchema) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.organisations.forEach((entry, i) => {
      const first = seen.get(entry.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['organisations', i, 'id'],
          message: `duplicate id "${entry.id}" (also organisations.${first})`,
        });
      } else seen.set(entry.id, i);
    });
    file.organisations.forEach((entry, i) => {
      entry.successors.forEach((id, s) => {
        if (!seen.has(id) || id === entry.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['organisations', i, 'successors', s],
            message: `successor "${id}" is not another organisation in the file`,
          });
        }
      });
    });
  });

export function loadOrganisations(file: string): Parsed<OrganisationEntry[]> {
  const parsed = loadYamlWith(file, organisationsFileSchema);
  return parsed.ok ? { ok: true, value: parsed.value.organisations } : parsed;
}
