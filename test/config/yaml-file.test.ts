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

  it('reports a broken file with the file name and a one-line reason', () => {
    const result = read('broken.yaml', '{"a": [1, 2\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/broken\.yaml: invalid YAML: /);
  });
});
