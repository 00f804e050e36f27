// The web archive's pages and their JSON mirrors over a real store and real archived digests
// (archive-fixture.ts): the index by week, a week's catch-up (the shared digest renderer), search
// with chat's query language, a story page with explain's evidence, and source health.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArchiveFixture, realId, type ArchiveFixture } from './archive-fixture.js';

let fixture: ArchiveFixture;
beforeAll(async () => {
  fixture = await createArchiveFixture();
});
afterAll(async () => {
  await fixture?.close();
});

async function get(url: string) {
  const response = await fixture.server.inject({ method: 'GET', url });
  return { status: response.statusCode, headers: response.headers, body: response.body };
}

function mainOf(html: string): string {
  return /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
}

describe('archive index and weeks', () => {
  it('lists archived weeks newest first with dates, story counts and themes', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const main = mainOf(page.body);
    expect(main.indexOf('/weeks/2017-W07')).toBeGreaterThan(-1);
    expect(main.indexOf('/weeks/2017-W07')).toBeLessThan(main.indexOf('/weeks/2017-W06'));
    expect(main).toContain('13–19 February 2017');
    expect(main).toMatch(/2017-W07 · \d+ stories/);
    expect(main).toContain('Carter reviews (');
    const api = JSON.parse((await get('/api/weeks')).body) as {
      weeks: { week: string; storyCount: number; themes: { id: string; stories: number }[] }[];
    };
    expect(api.weeks.map((w) => w.week)).toEqual(['2017-W07', '2017-W06']);
    expect(api.weeks[0]!.themes.find((t) => t.id === 'carter')?.stories).toBeGreaterThan(0);
  });

  it("shows a week's catch-up as the archived view: lead, why it matters, sections, coverage", async () => {
    const page = await get('/weeks/2017-W07');
    expect(page.status).toBe(200);
    const main = mainOf(page.body);
    expect(main).toContain('<h1>Catch up: week of 13 February 2017</h1>');
    expect(main).toContain('<h2>The lead</h2>');
    expect(main).toContain('<h2>Also this week</h2>');
    expect(main).toContain('class="coverage">Coverage:');
    // Each entry links its short reference to the story page.
    expect(main).toContain(`<a href="/stories/${fixture.ref('fx-model-hospital')}" class="ref">`);
    expect(main).toContain('href="/weeks/2017-W06" rel="prev"');
    const api = JSON.parse((await get('/api/weeks/2017-W07')).body) as {
      digest: { week: string; lead: { title: string } | null; channelView: boolean };
    };
    expect(api.digest.week).toBe('2017-W07');
    expect(api.digest.channelView).toBe(true);
    // The JSON is the view the page shows: the same lead.
    const lead =
      /<h2>The lead<\/h2>\n<ul class="entries"><li class="entry"><strong><a [^>]*>([^<]*)</.exec(
        main,
      );
    expect(lead?.[1]).toBeTruthy();
    expect(api.digest.lead?.title).toBe(lead?.[1]);
  });

  it('redirects other spellings of a week and 404s a week with no archive', async () => {
    const moved = await get('/weeks/2017-w7');
    expect([moved.status, moved.headers.location]).toEqual([301, '/weeks/2017-W07']);
    const missing = await get('/weeks/2017-W01');
    expect(missing.status).toBe(404);
    expect(mainOf(missing.body)).toContain('No catch-up is archived for 2017-W01.');
    expect((await get('/weeks/not-a-week')).status).toBe(404);
    const api = await get('/api/weeks/2016-W53');
    expect(api.status).toBe(404);
    expect(JSON.parse(api.body)).toMatchObject({ error: expect.stringContaining('2016') });
  });
});

describe('search', () => {
  it('shows a labelled GET form, prefilled', async () => {
    const page = await get('/search');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<form class="search-form" method="get" action="/search"');
    expect(page.body).toContain('<label for="q">Words and filters</label>');
    expect(page.body).toContain('id="q" name="q" value=""');
    const again = await get('/search?q=%22league+table%22');
    expect(again.body).toContain('value="&quot;league table&quot;"');
  });

  it("runs chat's query language: results with refs, <mark>ed words, filters", async () => {
    const page = await get('/search?q=carter+theme%3Acarter');
    expect(page.status).toBe(200);
    const main = mainOf(page.body);
    expect(main).toContain(`href="/stories/${fixture.ref('fx-model-hospital')}"`);
    // Marked words keep the spaces around them (each span is escaped, the text cleaned once).
    expect(main).toContain('Lord <mark>Carter</mark> productivity review');
    expect(main).toContain('theme:carter');
    const api = JSON.parse((await get('/api/search?q=carter+theme%3Acarter')).body) as {
      hits: { ref: string; themes: string[] }[];
      query: { themes: string[] };
    };
    expect(api.query.themes).toEqual(['carter']);
    expect(api.hits.length).toBeGreaterThan(0);
    expect(
      api.hits.every((h) => h.themes.includes('Carter reviews') || h.themes.includes('carter')),
    ).toBe(true);
    expect(api.hits[0]!.ref).toMatch(/^g_[0-9a-f]{8}$/);
  });

  it('folds other outlets into one result with "also", and says what else it searched', async () => {
    const api = JSON.parse((await get('/api/search?q=%22model+hospital%22')).body) as {
      hits: { id: string; also?: { id: string; ref: string }[] }[];
    };
    const lead = api.hits.find(
      (h) => h.also?.some((c) => c.id === realId('copy')) || h.id === realId('copy'),
    );
    expect(lead?.also?.length).toBe(1);
    const page = await get('/search?q=%22model+hospital%22');
    expect(mainOf(page.body)).toContain('also: ');
    const expanded = await get('/search?q=STP');
    expect(mainOf(expanded.body)).toMatch(/class="note">Also searched: /);
  });

  it('suggests a spelling when the archive does not know a word', async () => {
    const page = await get('/search?q=hosptial');
    expect(mainOf(page.body)).toMatch(/class="note">(Nothing matched|Did you mean)[^<]*hospital/);
  });

  it('refuses a huge query and bad filters with 400 and the reason', async () => {
    const huge = await get(`/search?q=${'a'.repeat(1001)}`);
    expect(huge.status).toBe(400);
    expect(huge.body).toContain('The search is too long (1001 characters); keep it under 1000.');
    const theme = await get('/search?q=theme%3Acartr');
    expect(theme.status).toBe(400);
    expect(theme.body).toContain('role="alert"');
    expect(theme.body).toContain('carter');
    const offset = await get('/api/search?q=carter&offset=-1');
    expect(offset.status).toBe(400);
    expect(JSON.parse(offset.body).error).toContain('offset');
    expect((await get('/api/search')).status).toBe(400);
  });
});

describe('story pages', () => {
  it("shows explain's evidence, organisations with kind, sums, other outlets and corrections", async () => {
    const page = await get(`/stories/${fixture.ref('fx-model-hospital')}`);
    expect(page.status).toBe(200);
    const main = mainOf(page.body);
    expect(main).toMatch(/^<h1>Model Hospital figures show trusts/);
    expect(main).toContain('href="https://www.england.nhs.uk/2017/02/model-hospital-variation/"');
    expect(main).toContain('<strong>Carter reviews</strong>: strong match');
    expect(main).toContain(
      'strong match in the headline: <code>phrase:unwarranted variation</code>',
    );
    expect(main).toContain('The Dudley Group NHS Foundation Trust (NHS trust, RNA)');
    expect(main).toContain('£5bn (£5,000,000,000)');
    expect(main).toContain('href="https://www.theguardian.com/fixture/model-hospital-variation"');
    expect(main).toContain(`href="/stories/${fixture.ref('copy')}"`);
    expect(main).toContain('corrected by U-READER on 16 Feb 2017: +procurement');
    const api = JSON.parse((await get(`/api/stories/${fixture.ref('fx-model-hospital')}`)).body);
    expect(api.ref).toBe(fixture.ref('fx-model-hospital'));
    expect(api.story.content).toBeUndefined();
    expect(api.entities.organisations).toContainEqual(
      expect.objectContaining({ id: 'RNA', kind: 'trust' }),
    );
    expect(api.cluster.storyIds).toContain(realId('copy'));
    expect(api.corrections).toHaveLength(1);
  });

  it('404s an unknown reference, a link or any other text', async () => {
    for (const path of [
      '/stories/g_00000000',
      '/stories/https%3A%2F%2Fexample.org',
      '/api/stories/zz',
    ]) {
      const page = await get(path);
      expect(page.status).toBe(404);
    }
    expect(mainOf((await get('/stories/g_00000000')).body)).toContain('No story in the archive');
  });
});

describe('sources', () => {
  it('shows each source with its last poll, outcome, error, stories and next poll', async () => {
    const page = await get('/sources');
    expect(page.status).toBe(200);
    const main = mainOf(page.body);
    expect(main).toContain('<table>');
    expect(main).toContain('HTTP 503 &lt;Service Unavailable&gt;');
    expect(main).toContain('failing ×1');
    expect(main).toContain('2017-02-16 11:00 (failed)');
    const api = JSON.parse((await get('/api/sources')).body) as {
      sources: { sourceId: string; status: string; lastOutcome: string | null }[];
    };
    expect(api.sources.find((s) => s.sourceId === 'hsj')).toMatchObject({
      status: 'failing',
      lastOutcome: 'failed',
    });
  });
});
