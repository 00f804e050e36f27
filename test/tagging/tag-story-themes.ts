// The small theme set the tagStory rows (tag-story.test.ts) run against, written here so the
// rows pin the engine rather than the tuning of config/themes.yaml; and the row shape.
import { parse } from 'yaml';
import { parseThemes } from '../../src/config/themes.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import type { TaggableStory } from '../../src/tagging/tag-story.js';

const THEMES = `
defaults:
  threshold: 1
  fieldWeights: { title: 1.5, summary: 1, content: 0.4 }
  contextDistance: 40
contexts:
  nhs:
    phrases: [trust, hospital]
    acronyms: [NHS, CCG]
themes:
  - id: stp
    label: STPs
    description: Sustainability and transformation plans.
    rules:
      - phrases: [sustainability and transformation plan]
        weight: 2
      - acronyms: [STP]
        weight: 1.5
        context: [nhs]
      - acronyms: [XYZ]
        weight: 1
        context: [nhs]
        withoutContext: 0.5
    aliases:
      - phrases: [integrated care system]
        for: STP
        weight: 1
    negatives:
      - phrases: [spanning tree]
        veto: true
      - phrases: [carbon]
        weight: -0.5
  - id: carter
    label: Carter
    description: Carter reviews.
    rules:
      - phrases: [Lord Carter]
        weight: 2
      - acronyms: [Carter]
        weight: 0.8
        context: [nhs]
      - regex: 'unwarranted variations?'
        requires: [unwarranted]
        weight: 1
  - id: cip
    label: CIPs in Covid
    description: Cost improvement in the Covid years.
    window: { from: '2020-03-01', to: '2022-12-31' }
    rules:
      - phrases: [cost improvement plan]
        weight: 1.5
  - id: weak
    label: Weak
    description: Needs two signals.
    threshold: 2
    rules:
      - phrases: [alpha]
      - phrases: [beta]
`;

const parsed = parseThemes('themes.yaml', parse(THEMES));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
export const compiled = compileThemes(parsed.value);

export function story(
  title: string,
  summary = '',
  extra: Partial<TaggableStory> = {},
): TaggableStory {
  return { title, summary, ...extra };
}

export interface Row {
  name: string;
  story: TaggableStory;
  tags: string[];
  /** theme -> substring expected in the near miss reason */
  nearMisses?: Record<string, string>;
  evidence?: {
    theme: string;
    rule: string;
    kind: string;
    field: string;
    match: string;
    weight?: number;
  };
  score?: { theme: string; value: number };
}
