// Runs the search relevance evaluation (eval-search.ts) and keeps its figures from falling:
// before query expansion, spelling suggestions and grouping, the same queries scored a mean
// precision@10 of 0.75 and recall of 0.59 (ICS, ICB and typos found little or nothing).
import { describe, expect, it } from 'vitest';
import { evaluateSearch } from './eval-search.js';

const evaluation = evaluateSearch();
const byQuery = new Map(evaluation.queries.map((q) => [q.query, q]));

describe('search relevance evaluation', () => {
  it('runs enough judged queries over a large enough archive', () => {
    expect(evaluation.stories).toBeGreaterThanOrEqual(150);
    expect(evaluation.queries.length).toBeGreaterThanOrEqual(30);
  });

  it('keeps mean precision@10 and recall at 0.9 or more', () => {
    expect(evaluation.precisionAt10).toBeGreaterThanOrEqual(0.9);
    expect(evaluation.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the long forms for acronyms and the acronyms for long forms', () => {
    for (const query of [
      'ICS',
      'integrated care system',
      'ICB',
      'STP',
      'CIP',
      'cost improvement',
    ]) {
      expect(byQuery.get(query)?.recall, query).toBeGreaterThanOrEqual(0.95);
    }
    expect(byQuery.get('MCP')?.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('finds stories for typed typos through the suggestion', () => {
    for (const query of ['intergrated care', 'vangard', 'efficency']) {
      expect(byQuery.get(query)?.recall, query).toBeGreaterThanOrEqual(0.9);
    }
  });
});
