// Compiles a validated ThemeSet once into the matcher tagStory uses: one word index holding every
// phrase, acronym and context term of every theme, plus the few regular expressions. Compiling
// is pure; do it once at start-up (or after a config reload) and share the result.
import type { OrganisationKind, TextField } from '../domain.js';
import { describeBacktrackingRisk } from '../text/regex-safety.js';
import type { ThemeDefinition, ThemeRule, ThemeSet } from '../config/themes.js';
import { compilePhraseIndex, type PhraseIndex, type PhrasePattern } from './phrase-index.js';
import { firstLiteralChar } from './regex-first-char.js';
import { regexNeeds } from './regex-needs.js';

/** What a match stands for: a term of one theme rule, or a term of a named context set. */
export type MatchPayload =
  | { kind: 'rule'; theme: number; rule: number; term: string }
  | { kind: 'context'; set: string; term: string }
  /** A `requires` word of regex number `regex`: the regex runs only on fields where one matched. */
  | { kind: 'gate'; regex: number; term: string }
  /** A word regex number `regex` needs (regex-needs.ts): it runs where one matched or may have. */
  | { kind: 'need'; regex: number; term: string };

export interface CompiledRegex {
  regex: RegExp;
  /** True when the regex has `requires` words and so runs only after one of them matched. */
  gated: boolean;
  /** The character every match starts with, when plain (regex-first-char.ts): else null. */
  firstChar: string | null;
  /**
   * When every match needs one of some characters or words (regex-needs.ts; null when not
   * plain, or when `firstChar` says it all): the characters. The words are `needPatterns`.
   */
  needs: { chars: readonly string[] } | null;
  payload: MatchPayload;
}

export interface CompiledThemes {
  readonly themes: readonly ThemeDefinition[];
  readonly rulesVersion: string;
  readonly contextDistance: number;
  readonly index: PhraseIndex<MatchPayload>;
  /** What `index` was compiled from (scan-story.ts folds it into one index with the gazetteer). */
  readonly patterns: readonly PhrasePattern<MatchPayload>[];
  /**
   * The words regexes need (regex-needs.ts), as `need` patterns: only scan-story.ts's folded
   * index holds them, so `index` and its hits are as before; without that scan, such a regex
   * runs whenever its needed characters do not rule the field out.
   */
  readonly needPatterns: readonly PhrasePattern<MatchPayload>[];
  readonly regexes: readonly CompiledRegex[];
  /** Rules that count a named organisation of some kind (`organisations: { kind: vanguard }`). */
  readonly organisationRules: readonly CompiledOrganisationRule[];
  /** Per theme, per rule: the rule id shown in evidence, e.g. `acronym:STP`. */
  readonly ruleIds: readonly (readonly string[])[];
  /**
   * Per theme, per rule: the rule's context sets as indexes (contextSetIndex), so checking
   * context compares numbers, not names (issue 18). Names no set defines are left out: they
   * never match.
   */
  readonly ruleContexts: readonly (readonly (readonly number[])[])[];
  /** Context set name -> its index (the order of `contexts` in the theme set). */
  readonly contextSetIndex: ReadonlyMap<string, number>;
}

export interface CompiledOrganisationRule {
  theme: number;
  rule: number;
  kinds: ReadonlySet<OrganisationKind>;
}

export const FIELDS: readonly TextField[] = ['title', 'summary', 'content'];

/**
 * `phrase:lord carter`, `acronym:STP`, `alias:ICS`, `negative:legal aid`, `regex:...`, and for an
 * organisation rule the organisation as named, `organisation:Fylde Coast vanguard`.
 */
export function describeRule(rule: ThemeRule, term: string): string {
  const prefix = rule.role === 'positive' ? rule.kind : rule.role;
  return `${prefix}:${rule.kind === 'regex' ? (rule.pattern ?? '') : term}`;
}

export function compileThemes(set: ThemeSet): CompiledThemes {
  const patterns: PhrasePattern<MatchPayload>[] = [];
  const needPatterns: PhrasePattern<MatchPayload>[] = [];
  const regexes: CompiledRegex[] = [];
  const ruleIds: string[][] = [];
  const organisationRules: CompiledOrganisationRule[] = [];

  set.themes.forEach((theme, t) => {
    const ids: string[] = [];
    theme.rules.forEach((rule, r) => {
      ids.push(describeRule(rule, rule.terms[0] ?? ''));
      if (rule.kind === 'organisation') {
        // Matched by the organisation gazetteer's scan, not the phrase index (tag-story.ts).
        organisationRules.push({ theme: t, rule: r, kinds: new Set(rule.organisationKinds) });
        return;
      }
      if (rule.kind === 'regex') {
        for (const word of rule.requires) {
          patterns.push({
            text: word,
            caseSensitive: false,
            plural: true,
            payload: { kind: 'gate', regex: regexes.length, term: word },
          });
        }
        regexes.push({
          regex: compileRegex(rule.pattern ?? '', rule.flags, `${theme.id} rule ${r}`),
          gated: rule.requires.length > 0,
          ...screensOf(rule.pattern ?? '', rule.flags, regexes.length, needPatterns, rule.requires),
          payload: { kind: 'rule', theme: t, rule: r, term: rule.pattern ?? '' },
        });
        return;
      }
      for (const term of rule.terms) {
        patterns.push({
          text: term,
          caseSensitive: rule.kind === 'acronym',
          plural: true,
          payload: { kind: 'rule', theme: t, rule: r, term },
        });
      }
    });
    ruleIds.push(ids);
  });

  const setNames = Object.keys(set.contexts);
  for (const name of setNames) {
    const context = set.contexts[name]!;
    for (const term of context.phrases) {
      patterns.push({ text: term, caseSensitive: false, plural: true, payload: ctx(name, term) });
    }
    for (const term of context.acronyms) {
      patterns.push({ text: term, caseSensitive: true, plural: true, payload: ctx(name, term) });
    }
    for (const { pattern, flags } of context.regexes) {
      regexes.push({
        regex: compileRegex(pattern, flags, `context ${name}`),
        gated: false,
        ...screensOf(pattern, flags, regexes.length, needPatterns),
        payload: ctx(name, pattern),
      });
    }
  }
  const ruleContexts = set.themes.map((theme) =>
    theme.rules.map((rule) =>
      rule.context.map((name) => setNames.indexOf(name)).filter((index) => index >= 0),
    ),
  );

  return {
    themes: set.themes,
    rulesVersion: set.rulesVersion,
    contextDistance: set.contextDistance,
    index: compilePhraseIndex(patterns),
    patterns,
    needPatterns,
    regexes,
    organisationRules,
    ruleIds,
    ruleContexts,
    contextSetIndex: new Map(setNames.map((name, i) => [name, i])),
  };
}

/**
 * What screens regex number `regex` out of a field: its first character (regex-first-char.ts),
 * else its needs (regex-needs.ts), whose words are added to `patterns` as `need`s. `requires`:
 * the regex's gate words, if any.
 */
function screensOf(
  pattern: string,
  flags: string,
  regex: number,
  patterns: PhrasePattern<MatchPayload>[],
  requires: readonly string[] = [],
): Pick<CompiledRegex, 'firstChar' | 'needs'> {
  const firstChar = firstLiteralChar(pattern);
  if (firstChar !== null) return { firstChar, needs: null };
  // The gate's words and their plurals (it matches them plural) screen the regex already: its
  // needs prefer other words (regex-needs.ts; a preference only, so the plurals are rough).
  const needs = regexNeeds(
    pattern,
    flags,
    requires.flatMap((w) => [w, `${w}s`, `${w}es`]),
  );
  if (needs === null) return { firstChar, needs: null };
  for (const word of new Set(needs.words)) {
    patterns.push({
      text: word,
      caseSensitive: false,
      plural: false,
      payload: { kind: 'need', regex, term: word },
    });
  }
  return { firstChar, needs: { chars: needs.chars } };
}

function ctx(set: string, term: string): MatchPayload {
  return { kind: 'context', set, term };
}

function compileRegex(pattern: string, flags: string, where: string): RegExp {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, `${flags.replace(/g/g, '')}g`);
  } catch (error) {
    // Config validation rejects bad patterns first; reaching here means an unvalidated ThemeSet.
    throw new Error(`tagging: invalid regex in ${where}: ${pattern}`, { cause: error });
  }
  // Also checked when themes.yaml loads; here so no other route can run such a pattern on
  // untrusted story text (issue 12).
  const risk = describeBacktrackingRisk(pattern, flags);
  if (risk !== null) throw new Error(`tagging: unsafe regex in ${where}: ${pattern} ${risk}`);
  return regex;
}
