// Writes the gazetteer as config/organisations.yaml: a comment header (sources, counts by kind,
// the regeneration command, dropped shared variants) and a JSON body, one organisation a line.
// JSON is YAML too, and it loads in a millisecond where a YAML parse took hundreds
// (see src/config/yaml-file.ts).
import type { GazetteerBuild } from './assemble-gazetteer.js';

export const REGENERATE_COMMAND =
  'node --import tsx src/build-data/build-gazetteer.ts ../shared/data > config/organisations.yaml';

export function formatGazetteerYaml(build: GazetteerBuild, source: string): string {
  const counts = new Map<string, number>();
  for (const e of build.entries) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const byKind = [...counts].map(([kind, n]) => `${kind} ${n}`).join(', ');
  const header = [
    '# Organisation gazetteer: GENERATED, do not edit by hand.',
    '# Regenerate with:',
    `#   ${REGENERATE_COMMAND}`,
    `# Built from ${source} (see its README for provenance, licences and gaps):`,
    '#   trusts: the ODS register (nhs-trusts-etr.csv, Open Government Licence v3.0), open and closed;',
    '#   CCGs 2013-2022 (ccgs.csv), STP footprints and the ICBs of July 2022 (stps-icbs.csv),',
    '#   the 50 new care models vanguards of 2015 (vanguards.csv). National bodies are hand-kept',
    '#   in src/build-data/gazetteer-bodies.ts: edit them there, then regenerate.',
    `# ${build.entries.length} organisations: ${byKind}.`,
    '# variants: matched case-insensitively on whole words ("&" reads as "and"); never a bare place;',
    '# acronyms: matched case-sensitively; ambiguous: case-sensitive names that are also ordinary',
    '# words (counted unless the next word shows the ordinary sense).',
    '# successors: ids of what an organisation became (CCG -> CCG -> ICB, STP -> ICB).',
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
