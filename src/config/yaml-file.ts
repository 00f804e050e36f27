// Reads one YAML file of config/ and validates it; every problem becomes one line naming the file:
// syntax errors as "file:line:column: invalid YAML: message" (all of them, as an editor or
// compiler would), schema problems as "file: path.to.field: message" (see format-issues.ts).
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { formatIssues } from './format-issues.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export function readYamlFile(file: string): Parsed<unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { ok: false, errors: [`${file}: cannot read (${code})`] };
  }
  const json = parseJsonBody(text);
  if (json !== undefined) return { ok: true, value: json };
  return parseYamlText(file, text);
}

/** Syntax errors listed per file before "... and N more": a broken file often cascades. */
const MAX_SYNTAX_ERRORS = 5;

function parseYamlText(file: string, text: string): Parsed<unknown> {
  // The yaml package collects every syntax error with its offset instead of stopping at the
  // first; LineCounter turns offsets into 1-based line and column (yaml docs, "Parsing YAML").
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const errors = doc.errors.slice(0, MAX_SYNTAX_ERRORS).map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      return `${file}:${line}:${col}: invalid YAML: ${firstLine(error.message)}`;
    });
    const more = doc.errors.length - MAX_SYNTAX_ERRORS;
    if (more > 0) errors.push(`${file}: ... and ${more} more YAML error(s)`);
    return { ok: false, errors };
  }
  try {
    return { ok: true, value: doc.toJS() as unknown };
  } catch (error) {
    // Not syntax: an alias to an unknown anchor, or too many aliases (a "billion laughs" file).
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`${file}: invalid YAML: ${firstLine(message)}`] };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** Comment and blank lines before a file's first content. */
const LEADING_COMMENTS = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*/;

/**
 * A file whose body (after leading comments) is a JSON object, parsed as JSON; undefined for
 * anything else, which then goes to the YAML parser (also for its error messages). JSON is YAML,
 * so the value is the same; generated files (config/organisations.yaml) are written this way
 * because the YAML parser needs hundreds of milliseconds for them on every start.
 */
function parseJsonBody(text: string): unknown {
  const body = text.replace(LEADING_COMMENTS, '');
  if (!body.startsWith('{')) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export function parseWith<S extends z.ZodType>(
  file: string,
  schema: S,
  raw: unknown,
): Parsed<z.infer<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  // An empty file (or only comments) parses as null: say so rather than "expected object".
  if (raw === null || raw === undefined)
    return { ok: false, errors: [`${file}: the file is empty`] };
  return { ok: false, errors: formatIssues(file, result.error.issues, schema) };
}

export function loadYamlWith<S extends z.ZodType>(file: string, schema: S): Parsed<z.infer<S>> {
  const raw = readYamlFile(file);
  return raw.ok ? parseWith(file, schema, raw.value) : raw;
}
