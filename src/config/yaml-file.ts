// Reads one YAML file of config/ and turns zod issues into "file: path.to.field: message" lines.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';

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
  try {
    return { ok: true, value: parse(text, { prettyErrors: true }) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, errors: [`${file}: invalid YAML: ${message}`] };
  }
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

export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    return `${file}: ${path}: ${issue.message}`;
  });
}

export function parseWith<S extends z.ZodType>(
  file: string,
  schema: S,
  raw: unknown,
): Parsed<z.infer<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: formatIssues(file, result.error.issues) };
}

export function loadYamlWith<S extends z.ZodType>(file: string, schema: S): Parsed<z.infer<S>> {
  const raw = readYamlFile(file);
  return raw.ok ? parseWith(file, schema, raw.value) : raw;
}
