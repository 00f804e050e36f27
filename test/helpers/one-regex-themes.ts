// A themes configuration (YAML, as config/themes.yaml is written) with one theme, "money", whose
// only rule is one regex: what the regex-screen tests compile to compare the tagger's field hits
// with V8's own matches from every position.
export function oneRegexThemes(regex: string): string {
  // YAML single-quoted scalar: backslashes stay as written, a quote is doubled.
  return `
defaults:
  threshold: 1
  fieldWeights: { title: 1.5, summary: 1, content: 0.4 }
  contextDistance: 40
themes:
  - id: money
    label: Money
    description: Sums.
    rules:
      - regex: '${regex.replaceAll("'", "''")}'
        weight: 1
`;
}
