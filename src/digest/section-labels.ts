// Section labels for the theme ids a channel's view names: an entry's `alsoIn` (the other sections
// it was filed under) and `foldedFrom` (the section(s) an "Also this week" entry or the lead came
// from) hold section theme ids, and each renderer looks the labels up here when it draws the
// facts line ("Filed under: …", "Also in: …"). Ids, not labels, so a label can be renamed or
// hold a comma, and Slack's correction menu needs no label-to-id guess. Pure.
// A view keeps the labels of sections it no longer shows (folded, or left empty when the lead
// moved out) in `sectionLabels`. Archives written before ids held labels in these fields: a value
// that is no section's id is shown as it is, so they render as they always did.
import type { Digest, DigestEntry } from '../domain.js';

export type LabelOf = (themeId: string) => string;

/** A view's label lookup: its sections, then the labels it kept, else the value itself. */
export function sectionLabelOf(digest: Pick<Digest, 'sections' | 'sectionLabels'>): LabelOf {
  const labels = new Map(Object.entries(digest.sectionLabels ?? {}));
  for (const s of digest.sections) labels.set(s.themeId, s.label);
  return (themeId) => labels.get(themeId) ?? themeId;
}

/** `foldedFrom` (one id, or the lead's ids joined by ", ") as labels, joined the same way. */
export function foldedFromLabels(foldedFrom: string | undefined, labelOf: LabelOf): string {
  return foldedFrom === undefined || foldedFrom === ''
    ? ''
    : foldedFrom.split(', ').map(labelOf).join(', ');
}

/** The section ids an entry names besides its own section. */
export function namedSections(entry: Pick<DigestEntry, 'alsoIn' | 'foldedFrom'>): string[] {
  return [...(entry.foldedFrom ? entry.foldedFrom.split(', ') : []), ...(entry.alsoIn ?? [])];
}

/**
 * `view` with the labels of every section its entries name that it does not show (taken from
 * `from`, the digest it was cut from); unchanged when it shows them all.
 */
export function keepSectionLabels(view: Digest, from: Digest): Digest {
  const shown = new Set(view.sections.map((s) => s.themeId));
  const labelOf = sectionLabelOf(from);
  const kept: Record<string, string> = { ...(view.sectionLabels ?? {}) };
  let added = false;
  const entries = [...view.sections.flatMap((s) => s.entries), ...(view.lead ? [view.lead] : [])];
  for (const entry of entries) {
    for (const id of namedSections(entry)) {
      if (shown.has(id) || id in kept || labelOf(id) === id) continue;
      kept[id] = labelOf(id);
      added = true;
    }
  }
  return added ? { ...view, sectionLabels: kept } : view;
}
