// The evaluator's arithmetic on a theme with only wrong calls: precision and recall both 0 must
// score F1 0 (an empty ratio's 1.0 once made such a theme look perfect, issue 14 round 9).
import { describe, expect, it } from 'vitest';
import { poolEvaluations } from './eval-pooled.js';
import { evaluateTagging, type LabelledStory } from './eval-tagging.js';

const stories: LabelledStory[] = [
  {
    id: 'fp',
    title: 'Lord Carter review of NHS hospital productivity finds unwarranted variation',
    summary: 'The Carter review says acute trusts could save £5bn through the model hospital.',
    publishedAt: '2016-02-05T09:00:00Z',
    labels: [],
  },
  {
    id: 'fn',
    title: 'Council agrees new parking charges for the town centre',
    summary: 'Evening charges begin in April.',
    publishedAt: '2016-02-05T09:00:00Z',
    labels: ['carter'],
  },
];

describe('evaluateTagging scores', () => {
  it('gives F1 0 to a theme whose every call is wrong, alone and pooled', () => {
    const evaluation = evaluateTagging(undefined, stories, ['carter']);
    const carter = evaluation.themes.find((s) => s.theme === 'carter')!;
    expect(carter.truePositives).toBe(0);
    expect(carter.falsePositives).toEqual(['fp']);
    expect(carter.falseNegatives).toEqual(['fn']);
    expect(carter.f1).toBe(0);
    expect(evaluation.macroF1).toBe(0);
    expect(poolEvaluations([evaluation]).themes[0]!.f1).toBe(0);
  });
});
