// Reading config files: YAML, and the JSON-bodied YAML the gazetteer generator writes for speed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readYamlFile } from '../../src/config/yaml-file.js';

const dir = mkdtempSync(join(tmpdir(), 'yaml-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return readYamlFile(file);
}

describe('readYamlFile', () => {
  it('reads a JSON body after comment lines as the same value YAML gives', () => {
    const text = '# generated\n\n# do not edit\n{"organisations": [\n  {"id":"a","n":[1,2]}\n]}\n';
    expect(read('json.yaml', text)).toEqual({
      ok: true,
      value: { organisations: [{ id: 'a', n: [1, 2] }] },
    });
  });

  it('reads ordinary YAML', () => {
    expect(read('plain.yaml', '# c\nthemes:\n  - id: x\n')).toEqual({
      ok: true,
      value: { themes: [{ id: 'x' }] },
    });
  });

  it('gives YAML flow syntax that is not JSON to the YAML parser', () => {
    expect(read('flow.yaml', '{a: 1, b: [x, y]}\n')).toEqual({
      ok: true,
      value: { a: 1, b: ['x', 'y'] },
    });
  });

  it('reports a broken file with the file name, line, column and a one-line reason', () => {
    const result = read('broken.yaml', '{"a": [1, 2\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/broken\.yaml:2:1: invalid YAML: [^\n]+$/);
  });

  it('reports every syntax error at once, each at its line and column', () => {
    const text = 'poll:\n  timeoutMs: 100\n  timeoutMs: 200\ndigest:\n\tday: 2\n';
    const result = read('many.yaml', text);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors[0]).toMatch(/many\.yaml:3:3: invalid YAML: Map keys must be unique$/);
    expect(errors.some((e) => /many\.yaml:5:1: invalid YAML: Tabs/.test(e))).toBe(true);
    for (const error of errors) expect(error).not.toContain('\n');
  });

  it('caps a cascade of syntax errors and says how many more there are', () => {
    const text = Array.from({ length: 12 }, (_, i) => `k: ${i}`).join('\n');
    const result = read('cascade.yaml', `${text}\n`);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(6);
    expect(errors[5]).toMatch(/cascade\.yaml: \.\.\. and 6 more YAML error\(s\)$/);
  });

  it('reports an alias to an unknown anchor as invalid YAML, not a crash', () => {
    const result = read('alias.yaml', 'a: &x 1\nb: *nope\n');
    expect(result.ok ? '' : result.errors[0]).toMatch(/alias\.yaml: invalid YAML: .*alias/i);
  });
});
