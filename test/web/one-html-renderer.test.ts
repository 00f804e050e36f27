// The week page and the email are one renderer (digest/render-digest-html.ts) with two styles:
// the same view gives the same words in the same order, Closing soon included; the page adds
// only the links to story pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewForChannel } from '../../src/digest/view-for-channel.js';
import { renderEmail } from '../../src/platforms/email/render-email.js';
import { readArchivedDigest } from '../../src/pipeline/week-digest-archive.js';
import { createArchiveFixture, type ArchiveFixture } from './archive-fixture.js';

let fixture: ArchiveFixture;
beforeAll(async () => {
  fixture = await createArchiveFixture();
});
afterAll(async () => {
  await fixture?.close();
});

/** The words a reader sees, one line per block, without markup or story references. */
function words(html: string): string {
  return html
    .replace(/ · <a [^>]*class="ref"[^>]*>[^<]*<\/a>/g, '')
    .replace(/ · <a [^>]*href="\/stories\/[^"]*"[^>]*>[^<]*<\/a>/g, '')
    .replace(/<(br|\/li|\/p|\/h[12])>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\n+/g, '\n')
    .trim();
}

describe('one HTML renderer for the week page and the email', () => {
  it('says the same, Closing soon included', async () => {
    const { digest } = readArchivedDigest(fixture.digestsDir, '2017-W07');
    if (!digest) throw new Error('no archive');
    const email = renderEmail(viewForChannel(digest, null)).html;
    const response = await fixture.server.inject({ method: 'GET', url: '/weeks/2017-W07' });
    const main = /<main[^>]*>([\s\S]*)<nav aria-label="Other weeks"/.exec(response.body)?.[1] ?? '';
    expect(main).toContain('<h2>Closing soon</h2>');
    expect(email).toMatch(/<h2[^>]*>Closing soon<\/h2>/);
    expect(words(main)).toContain('Consultation closes Fri 3 Mar 2017');
    expect(words(main)).toBe(words(email));
    // The email has no story-page links; the page has one per entry.
    expect(email).not.toContain('/stories/');
    expect(main).toContain(`href="/stories/${fixture.ref('consultation')}"`);
  });
});
