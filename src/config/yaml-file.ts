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
  try {
    return { ok: true, value: parse(text, { prettyErrors: true }) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, errors: [`${file}: invalid YAML: ${message}`] };
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
