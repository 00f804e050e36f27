// Turns zod issues into "file: path.to.field: message" lines. Every config object is strict, so a
// misspelt key at any depth is an `unrecognized_keys` issue; it becomes one line per key with the
// closest key the schema knows at that place ("poll.timeoutMS: unknown key (did you mean
// timeoutMs?)"), found by walking the schema along the issue's path.
import type { z } from 'zod';
import { suggestClosest } from '../text/suggest-closest.js';

type Issue = z.core.$ZodIssue;
type Segment = PropertyKey;

/** The parts of a zod 4 schema definition the walk reads (zod's internal `_zod.def`). */
interface SchemaDef {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  valueType?: unknown;
  options?: unknown[];
  in?: unknown;
}

function defOf(schema: unknown): SchemaDef | null {
  const def = (schema as { _zod?: { def?: SchemaDef } } | null)?._zod?.def;
  return def && typeof def.type === 'string' ? def : null;
}

/** Wrappers that change no shape: defaults, optional, nullable, transforms (pipes). */
function unwrap(schema: unknown): SchemaDef | null {
  let def = defOf(schema);
  for (let depth = 0; def && depth < 20; depth++) {
    if (def.innerType !== undefined) def = defOf(def.innerType);
    else if (def.type === 'pipe' && def.in !== undefined) def = defOf(def.in);
    else return def;
  }
  return def;
}

/** The schemas that may describe the value at `path` (unions give several). */
function schemasAt(schema: unknown, path: readonly Segment[]): SchemaDef[] {
  const def = unwrap(schema);
  if (!def) return [];
  if (def.type === 'union') return (def.options ?? []).flatMap((o) => schemasAt(o, path));
  const [head, ...rest] = path;
  if (head === undefined) return [def];
  if (def.type === 'object' && typeof head === 'string' && def.shape?.[head] !== undefined)
    return schemasAt(def.shape[head], rest);
  if (def.type === 'array' && typeof head === 'number') return schemasAt(def.element, rest);
  if (def.type === 'record') return schemasAt(def.valueType, rest);
  return [];
}

/** Keys an object schema accepts at `path` (empty when the walk finds no object). */
export function knownKeysAt(schema: unknown, path: readonly Segment[]): string[] {
  const keys = schemasAt(schema, path).flatMap((def) =>
    def.type === 'object' && def.shape ? Object.keys(def.shape) : [],
  );
  return [...new Set(keys)];
}

function showPath(path: readonly Segment[]): string {
  return path.length > 0 ? path.map(String).join('.') : '(top level)';
}

/** A key as echoed: one short line, no control characters (it came from the file). */
function showKey(key: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = key.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
}

function unknownKeyLines(file: string, issue: Issue, schema: unknown): string[] {
  const keys = (issue as { keys?: string[] }).keys ?? [];
  const known = schema === undefined ? [] : knownKeysAt(schema, issue.path);
  return keys.map((key) => {
    const closest = suggestClosest(key, known);
    const hint = closest
      ? ` (did you mean ${closest}?)`
      : known.length > 0
        ? ` (expected one of: ${known.join(', ')})`
        : '';
    return `${file}: ${showPath([...issue.path, showKey(key)])}: unknown key${hint}`;
  });
}

/**
 * One line per problem. `schema` (the one that produced the issues) lets unknown keys name the
 * closest valid key; without it they are still reported, one per line.
 */
export function formatIssues(file: string, issues: readonly Issue[], schema?: unknown): string[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? unknownKeyLines(file, issue, schema)
      : [`${file}: ${showPath(issue.path)}: ${issue.message}`],
  );
}
