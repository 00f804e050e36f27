// `briefing tag`: the JSON-lines contract, run through the real CLI entry point with the shipped
// config. One output line per input line, in order; malformed lines get an error line and the
// rest go on; output streams while input is still open.
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

const CONFIG = fileURLToPath(new URL('../../config', import.meta.url));

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString('utf8');
}

async function runTag(input: string): Promise<{ code: number; lines: unknown[]; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const code = await main(
    ['--config', CONFIG, 'tag'],
    { stdin: Readable.from([input]), stdout, stderr },
    {},
  );
  const lines = out()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);
  return { code, lines, stderr: err() };
}

describe('briefing tag', () => {
  it('tags each line and reports organisations and money', async () => {
    const input = [
      JSON.stringify({
        id: 'a1',
        title: "Lord Carter's review: hospitals could save £5bn",
        summary:
          'NHS Improvement says Dudley Group FT is among trusts tackling unwarranted variation.',
        publishedAt: '2016-02-05T09:00:00Z',
      }),
      JSON.stringify({
        id: 'a2',
        title: 'Hospital opens new car park',
        summary: 'Spaces for 400 cars.',
      }),
    ].join('\n');
    const { code, lines } = await runTag(`${input}\n`);
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    const [first, second] = lines as {
      id: string;
      tags: {
        theme: string;
        score: number;
        evidence: { rule: string; field: string; match: string }[];
      }[];
      entities: {
        organisations: { id: string; matched: string }[];
        money: { text: string; pounds: number }[];
      };
    }[];
    expect(first!.id).toBe('a1');
    const carter = first!.tags.find((t) => t.theme === 'carter')!;
    expect(carter.score).toBeGreaterThan(1);
    expect(carter.evidence).toContainEqual(
      expect.objectContaining({ rule: 'phrase:Lord Carter', field: 'title', match: 'Lord Carter' }),
    );
    expect(first!.entities.organisations.map((o) => o.id)).toEqual(['nhs-improvement', 'RNA']);
    expect(first!.entities.money).toEqual([{ text: '£5bn', pounds: 5_000_000_000 }]);
    expect(second).toEqual({ id: 'a2', tags: [], entities: { organisations: [], money: [] } });
  });

  it('gives each organisation its kind and each sum what it is', async () => {
    const line = JSON.stringify({ id: 'k', title: 'Dudley CCG awards £78m contract', summary: '' });
    const { lines } = await runTag(`${line}\n`);
    expect((lines[0] as { entities: unknown }).entities).toEqual({
      organisations: [{ id: '05C', name: 'NHS Dudley CCG', kind: 'ccg', matched: 'Dudley CCG' }],
      money: [{ text: '£78m', pounds: 78_000_000, context: '£78m contract' }],
    });
  });

  it.each([
    ['invalid JSON', 'not json', null, 'line 1: invalid JSON'],
    ['missing title', '{"id":"x9","summary":"no title"}', 'x9', 'line 1: title'],
    ['numeric id kept', '{"id":42}', 42, 'title'],
    ['not an object', '[1,2]', null, 'line 1'],
    ['wrong type of content', '{"id":"c","title":"t","content":5}', 'c', 'content'],
  ])('%s gives an error line and the next line still runs', async (_name, bad, id, message) => {
    const good = JSON.stringify({
      id: 'ok',
      title: 'STPs told to publish plans',
      summary: 'NHS England sets deadline.',
    });
    const { code, lines } = await runTag(`${bad}\n${good}\n`);
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    const error = lines[0] as { id: unknown; error: string };
    expect(error.id).toBe(id);
    expect(error.error).toContain(message);
    expect(
      (lines[1] as { id: string; tags: { theme: string }[] }).tags.map((t) => t.theme),
    ).toContain('stp');
  });

  it('skips blank lines and accepts CRLF and a missing final newline', async () => {
    const line = JSON.stringify({ id: 'b', title: 'x', summary: 'y' });
    const { lines } = await runTag(`\n${line}\r\n\r\n${line}`);
    expect(lines).toHaveLength(2);
  });

  it('streams: writes a result before stdin ends', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const running = main(
      ['--config', CONFIG, 'tag'],
      { stdin, stdout, stderr: new PassThrough() },
      {},
    );
    stdin.write(`${JSON.stringify({ id: 's1', title: 'One', summary: '' })}\n`);
    const [chunk] = (await once(stdout, 'data')) as [Buffer];
    expect(JSON.parse(chunk.toString('utf8'))).toMatchObject({ id: 's1' });
    stdin.end(`${JSON.stringify({ id: 's2', title: 'Two', summary: '' })}\n`);
    expect(await running).toBe(0);
  });

  it('exits 1 when stdin itself fails', async () => {
    const stdin = new Readable({
      read() {
        this.destroy(new Error('disk gone'));
      },
    });
    const stderr = new PassThrough();
    const err = collect(stderr);
    const code = await main(
      ['--config', CONFIG, 'tag'],
      { stdin, stdout: new PassThrough(), stderr },
      {},
    );
    expect(code).toBe(1);
    expect(err()).toContain('cannot read stdin: disk gone');
  });
});
