// config/themes.yaml: the themes a team follows, as data. Validated with zod at start-up; every
// problem (a bad regex, an unknown context set, a duplicate id) is reported at once with its path.
// The normalised value carries `rulesVersion`, a short hash of itself, so stored tags record which
// rules produced them (issue 3). The schema and whole-file checks are in themes-schema.ts.
import { createHash } from 'node:crypto';
import type { OrganisationKind, TextField } from '../domain.js';
import { formatIssues } from './format-issues.js';
import { regexSafetyProblems } from './theme-regex-safety.js';
import {
  crossReferenceProblems,
  themesFileSchema,
  type RawRule,
  type ThemesFile,
} from './themes-schema.js';
import { readYamlFile, type Parsed } from './yaml-file.js';

export type RuleRole = 'positive' | 'alias' | 'negative';
export type MatchKind = 'phrase' | 'acronym' | 'regex' | 'organisation';

/** One rule as written in the file, normalised: a group of terms (or one regex) and its weight. */
export interface ThemeRule {
  role: RuleRole;
  kind: MatchKind;
  /** Phrases (case-insensitive) or acronyms (case-sensitive), as written. Empty for regexes. */
  terms: string[];
  /** Regex source and flags (without `g`), for `kind: 'regex'`. */
  pattern: string | null;
  flags: string;
  /**
   * Regexes only: a cheap pre-check. The regex runs on a field only when one of these words (or
   * its plural) appears in it, matched like a phrase; empty = always run.
   */
  requires: string[];
  /**
   * Organisation rules only: the kinds of organisation (config/organisations.yaml) whose naming
   * counts, e.g. ['vanguard']. Empty for other rules.
   */
  organisationKinds: OrganisationKind[];
  weight: number;
  /** Names of context sets; when non-empty the rule counts fully only with one of them near. */
  context: string[];
  /** Factor applied to the weight when required context is missing (0 = does not count). */
  withoutContext: number;
  /** Only these fields count; null = all. */
  fields: TextField[] | null;
  /** Negative rules only: a match rejects the theme outright. */
  veto: boolean;
  /** Alias rules only: what the matched term was renamed from (e.g. "STP"). */
  aliasFor: string | null;
  note: string | null;
}

export interface ContextSet {
  phrases: string[];
  acronyms: string[];
  regexes: { pattern: string; flags: string }[];
}

export interface FieldWeights {
  title: number;
  summary: number;
  content: number;
}

export interface ThemeDefinition {
  id: string;
  label: string;
  description: string;
  threshold: number;
  fieldWeights: FieldWeights;
  /** Inclusive ISO dates (YYYY-MM-DD); a story published outside is a near miss. */
  window: { from: string | null; to: string | null } | null;
  rules: ThemeRule[];
}

export interface ThemeSet {
  themes: ThemeDefinition[];
  contexts: Record<string, ContextSet>;
  /** Characters either side of a match within which context counts as "near" in long fields. */
  contextDistance: number;
  rulesVersion: string;
}

// ---------------------------------------------------------------- normalise

function toList<T extends string>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function normaliseRule(rule: RawRule, role: RuleRole): ThemeRule {
  const kind: MatchKind =
    rule.regex !== undefined
      ? 'regex'
      : rule.organisations !== undefined
        ? 'organisation'
        : rule.acronyms !== undefined
          ? 'acronym'
          : 'phrase';
  const organisationKinds = rule.organisations ? toList(rule.organisations.kind) : [];
  return {
    role,
    kind,
    terms: kind === 'acronym' ? toList(rule.acronyms) : toList(rule.phrases),
    pattern: rule.regex ?? null,
    flags: rule.regex !== undefined ? (rule.flags ?? 'i') : '',
    requires: (rule.requires ?? []).map((r) => r.toLowerCase()),
    organisationKinds,
    weight: rule.weight,
    context: rule.context,
    withoutContext: rule.withoutContext,
    fields: rule.fields ?? null,
    veto: role === 'negative' ? rule.veto : false,
    aliasFor: role === 'alias' ? (rule.for ?? null) : null,
    note: rule.note ?? null,
  };
}

const DEFAULT_FIELD_WEIGHTS: FieldWeights = { title: 1.5, summary: 1, content: 0.4 };

export function toThemeSet(file: ThemesFile): ThemeSet {
  const baseWeights = { ...DEFAULT_FIELD_WEIGHTS, ...file.defaults.fieldWeights };
  const contexts: Record<string, ContextSet> = {};
  for (const [name, set] of Object.entries(file.contexts)) {
    contexts[name] = {
      phrases: set.phrases,
      acronyms: set.acronyms,
      regexes: set.regexes.map((pattern) => ({ pattern, flags: set.flags })),
    };
  }
  const themes: ThemeDefinition[] = file.themes.map((theme) => ({
    id: theme.id,
    label: theme.label,
    description: theme.description.trim(),
    threshold: theme.threshold ?? file.defaults.threshold,
    fieldWeights: { ...baseWeights, ...theme.fieldWeights },
    window: theme.window ? { from: theme.window.from ?? null, to: theme.window.to ?? null } : null,
    rules: [
      ...theme.rules.map((r) => normaliseRule(r, 'positive')),
      ...theme.aliases.map((r) => normaliseRule(r, 'alias')),
      ...theme.negatives.map((r) => normaliseRule(r, 'negative')),
    ],
  }));
  const body = { themes, contexts, contextDistance: file.defaults.contextDistance };
  const rulesVersion = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 12);
  return { ...body, rulesVersion };
}

/** Validates a parsed YAML value; `file` prefixes every error. */
export function parseThemes(file: string, raw: unknown): Parsed<ThemeSet> {
  const result = themesFileSchema.safeParse(raw);
  const errors = [
    ...(result.success ? [] : formatIssues(file, result.error.issues, themesFileSchema)),
    ...crossReferenceProblems(file, raw),
    ...regexSafetyProblems(file, raw),
  ];
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, value: toThemeSet(result.data) };
}

export function loadThemes(file: string): Parsed<ThemeSet> {
  const raw = readYamlFile(file);
  return raw.ok ? parseThemes(file, raw.value) : raw;
}
