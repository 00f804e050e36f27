// config/themes.yaml's `vanguard_places` context (round 6, evald) lists the places of the 50 new
// care model vanguards so a vanguard's programme name counts with its place near. The places come
// from vanguards.csv through the generated gazetteer (config/organisations.yaml); this keeps the
// hand-written list in step with it, and checks the rule it serves on real headlines.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadOrganisations } from '../../src/config/organisations.js';
import { loadThemes } from '../../src/config/themes.js';
import { annotateStory } from '../../src/tagging/annotate-story.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import { compileGazetteer } from '../../src/tagging/organisations.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Too broad to name one vanguard (as in src/build-data/gazetteer-vanguards.ts). */
const BROAD = new Set(['London', 'North East', 'West Midlands', 'East Midlands']);

const loadedThemes = loadThemes(join(ROOT, 'config/themes.yaml'));
const loadedOrganisations = loadOrganisations(join(ROOT, 'config/organisations.yaml'));
if (!loadedThemes.ok || !loadedOrganisations.ok) {
  throw new Error('vanguard-places test: config does not load');
}
const themes = loadedThemes.value;
const organisations = loadedOrganisations.value;

function mcpTagged(title: string, summary: string, publishedAt = '2016-06-01'): boolean {
  const story = { id: 'x', title, summary, publishedAt };
  const tags = annotateStory(story, compileThemes(themes), compileGazetteer(organisations)).tags;
  return tags.some((t) => t.theme === 'mcp');
}

describe('vanguard places', () => {
  it('lists exactly the narrow places of the vanguards in the gazetteer', () => {
    const places = new Set(
      organisations
        .filter((o) => o.kind === 'vanguard')
        .flatMap((o) => o.places ?? [])
        .filter((p) => !BROAD.has(p)),
    );
    const listed = themes.contexts.vanguard_places?.phrases ?? [];
    expect([...listed].sort()).toEqual([...places].sort());
  });

  it('files a vanguard named by its programme and place under mcp, never the place alone', () => {
    expect(
      mcpTagged(
        'Better Care Together',
        'The aim of Better Care Together is to enable the communities of Morecambe Bay to be as healthy as they can be.',
      ),
    ).toBe(true);
    expect(
      mcpTagged(
        'Chatty van to gather views on health and care across Morecambe Bay',
        'Members of the public and staff across the Morecambe Bay area are being asked for their thoughts.',
      ),
    ).toBe(false);
  });

  it('vetoes a company called Vanguard', () => {
    expect(
      mcpTagged(
        'Vanguard Health Systems Inc.',
        'Vanguard Health Systems Inc. acquires nonprofit hospital systems and converts them to investor-owned status.',
        '2005-01-01',
      ),
    ).toBe(false);
  });
});
