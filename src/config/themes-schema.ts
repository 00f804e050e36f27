// The schema of config/themes.yaml (zod, strict at every depth) and the checks that need the whole
// file (duplicate theme ids, unknown context sets, the shape of aliases and negatives). Every
// problem is reported at once with its path; themes.ts normalises the validated value.
import { z } from 'zod';
import { ORGANISATION_KINDS } from './organisations.js';

const fieldName = z.enum(['title', 'summary', 'content']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const regexFlags = z.string().regex(/^[imsu]*$/, 'flags may only use i, m, s, u');
const stringList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const organisationKind = z.enum(ORGANISATION_KINDS);

/** `organisations: { kind: vanguard }`: a named organisation of that kind is evidence. */
const organisationMatch = z
  .object({ kind: z.union([organisationKind, z.array(organisationKind).min(1)]) })
  .strict();

/** A regex source that compiles; the error message is the engine's own. */
const regexSource = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    const problem = regexProblem(source, '');
    if (problem)
      ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${problem}` });
  });

function regexProblem(source: string, flags: string): string | null {
  try {
    new RegExp(source, flags);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const wordy = (s: string) => /[\p{L}\p{N}]/u.test(s);

const ruleSchema = z
  .object({
    phrases: stringList.optional(),
    acronyms: stringList.optional(),
    regex: regexSource.optional(),
    organisations: organisationMatch.optional(),
    flags: regexFlags.optional(),
    requires: z.array(z.string().min(1)).optional(),
    weight: z.number().default(1),
    context: z.array(z.string().min(1)).default([]),
    withoutContext: z.number().min(0).max(1).default(0),
    fields: z.array(fieldName).min(1).optional(),
    veto: z.boolean().default(false),
    for: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const kinds = [rule.phrases, rule.acronyms, rule.regex, rule.organisations].filter(
      (k) => k !== undefined,
    ).length;
    if (kinds !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'a rule needs exactly one of phrases, acronyms, regex or organisations',
      });
    }
    for (const key of ['phrases', 'acronyms'] as const) {
      const list = rule[key];
      const items = list === undefined ? [] : Array.isArray(list) ? list : [list];
      items.forEach((item, i) => {
        if (!wordy(item)) {
          const path = Array.isArray(list) ? [key, i] : [key];
          ctx.addIssue({ code: 'custom', path, message: 'needs at least one letter or digit' });
        }
      });
    }
    if (rule.requires !== undefined && rule.regex === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['requires'],
        message: 'requires only applies to regex',
      });
    }
    if (rule.regex !== undefined && rule.flags !== undefined) {
      const problem = regexProblem(rule.regex, rule.flags);
      if (problem) ctx.addIssue({ code: 'custom', path: ['flags'], message: problem });
    }
  });

const fieldWeightsSchema = z
  .object({
    title: z.number().min(0).optional(),
    summary: z.number().min(0).optional(),
    content: z.number().min(0).optional(),
  })
  .strict();

/** Section ids the digest itself uses; a theme may not take them. */
export const RESERVED_THEME_IDS: readonly string[] = ['other', 'organisations'];

const themeSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _ only')
      // The digest uses these ids for its own sections ("Other news", followed organisations).
      .refine((id) => !RESERVED_THEME_IDS.includes(id), {
        message: `reserved id (used by the digest): choose another than ${'other'} or ${'organisations'}`,
      }),
    label: z.string().min(1),
    description: z.string().min(1),
    threshold: z.number().positive().optional(),
    fieldWeights: fieldWeightsSchema.optional(),
    window: z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict().optional(),
    rules: z.array(ruleSchema).min(1),
    aliases: z.array(ruleSchema).default([]),
    negatives: z.array(ruleSchema).default([]),
  })
  .strict();

const contextSetSchema = z
  .object({
    phrases: z.array(z.string().min(1)).default([]),
    acronyms: z.array(z.string().min(1)).default([]),
    regexes: z.array(regexSource).default([]),
    flags: regexFlags.default('i'),
  })
  .strict();

export const themesFileSchema = z
  .object({
    defaults: z
      .object({
        threshold: z.number().positive().default(1),
        fieldWeights: fieldWeightsSchema.default({}),
        contextDistance: z.number().int().positive().default(200),
      })
      .strict()
      .default({ threshold: 1, fieldWeights: {}, contextDistance: 200 }),
    contexts: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), contextSetSchema).default({}),
    themes: z.array(themeSchema).min(1),
  })
  .strict();

export type ThemesFile = z.infer<typeof themesFileSchema>;
export type RawRule = z.infer<typeof ruleSchema>;

// ---------------------------------------------------------------- cross references

/** Checks that need the whole file (ids, context names, alias/negative shape), on raw data. */
export function crossReferenceProblems(file: string, raw: unknown): string[] {
  const problems: string[] = [];
  const root = asRecord(raw);
  const contexts = asRecord(root?.contexts);
  const known = new Set(contexts ? Object.keys(contexts) : []);
  const themes = Array.isArray(root?.themes) ? (root.themes as unknown[]) : [];
  const seen = new Map<string, number>();
  themes.forEach((theme, t) => {
    const record = asRecord(theme);
    if (!record) return;
    if (typeof record.id === 'string') {
      const first = seen.get(record.id);
      if (first !== undefined) {
        problems.push(
          `${file}: themes.${t}.id: duplicate id "${record.id}" (also themes.${first})`,
        );
      } else seen.set(record.id, t);
    }
    for (const group of ['rules', 'aliases', 'negatives'] as const) {
      const rules = Array.isArray(record[group]) ? (record[group] as unknown[]) : [];
      rules.forEach((rule, r) => {
        const path = `themes.${t}.${group}.${r}`;
        const fields = asRecord(rule);
        if (!fields) return;
        const names = Array.isArray(fields.context) ? fields.context : [];
        names.forEach((name, c) => {
          if (typeof name === 'string' && !known.has(name)) {
            problems.push(`${file}: ${path}.context.${c}: unknown context set "${name}"`);
          }
        });
        if (group === 'negatives' && fields.veto !== true && typeof fields.weight !== 'number') {
          problems.push(`${file}: ${path}: a negative rule needs veto: true or a negative weight`);
        }
        if (group === 'negatives' && typeof fields.weight === 'number' && fields.weight > 0) {
          problems.push(`${file}: ${path}.weight: a negative rule's weight must be <= 0`);
        }
        if (group === 'aliases' && typeof fields.for !== 'string') {
          problems.push(`${file}: ${path}: an alias needs "for" (the old name it stands for)`);
        }
      });
    }
  });
  return problems;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
