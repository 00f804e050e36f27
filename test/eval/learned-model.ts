// A small learned theme scorer for the issue 14 experiment (experiment-learned.ts), never used by
// the product: one L2-regularised logistic regression per theme over binary features of the
// headline and standfirst (lower-cased word unigrams and bigrams, plus the publication year so a
// time-bound theme such as covid_cip can lean on it). Trained by full-batch gradient descent from
// zero weights in a fixed order, so the same items always give the same weights. Pure.

export interface TextItem {
  title: string;
  summary: string;
  publishedAt: string;
  labels: readonly string[];
}

export interface ThemeModel {
  theme: string;
  bias: number;
  weights: Map<string, number>;
}

export interface TrainOptions {
  iterations: number;
  learningRate: number;
  l2: number;
  /** Features seen in fewer training items than this are dropped (noise, and keeps it small). */
  minCount: number;
  /** The experiment's alternative: multinomial naive Bayes with add-one smoothing. */
  kind: 'logistic' | 'naive-bayes';
}

export const DEFAULT_TRAIN: TrainOptions = {
  iterations: 300,
  learningRate: 2,
  l2: Number(process.env.LEARN_L2 ?? 1e-3),
  minCount: 2,
  kind: process.env.LEARN_MODEL === 'naive-bayes' ? 'naive-bayes' : 'logistic',
};

/** Word unigrams and bigrams per field, deduplicated: presence, not counts. */
export function extractFeatures(
  item: Pick<TextItem, 'title' | 'summary' | 'publishedAt'>,
): string[] {
  const out = new Set<string>();
  for (const text of [item.title, item.summary]) {
    // Letters, digits and the pound sign; hyphens and apostrophes join ("in-house", "king's").
    const words = text.toLowerCase().match(/[\p{L}\p{N}£]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
    words.forEach((w, i) => {
      out.add(w);
      const next = words[i + 1];
      if (next !== undefined) out.add(`${w} ${next}`);
    });
  }
  const year = /^\d{4}/.exec(item.publishedAt)?.[0];
  if (year) out.add(`@year:${year}`);
  return [...out];
}

/** One model per theme, all trained on the same items (features extracted once). */
export function trainModels(
  items: readonly TextItem[],
  themes: readonly string[],
  options: TrainOptions = DEFAULT_TRAIN,
): ThemeModel[] {
  const featureLists = items.map(extractFeatures);
  const counts = new Map<string, number>();
  for (const list of featureLists) for (const f of list) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = [...counts].filter(([, n]) => n >= options.minCount).map(([f]) => f);
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = featureLists.map((list) =>
    Int32Array.from(list.flatMap((f) => (index.has(f) ? [index.get(f)!] : []))),
  );
  return themes.map((theme) => {
    const y = items.map((it) => (it.labels.includes(theme) ? 1 : 0));
    const fit = options.kind === 'naive-bayes' ? fitNaiveBayes : fitLogistic;
    const { bias, weights } = fit(rows, y, vocab.length, options);
    const map = new Map<string, number>();
    vocab.forEach((f, i) => {
      if (weights[i] !== 0) map.set(f, weights[i]!);
    });
    return { theme, bias, weights: map };
  });
}

function fitLogistic(
  rows: readonly Int32Array[],
  y: readonly number[],
  dims: number,
  o: TrainOptions,
): { bias: number; weights: Float64Array } {
  const w = new Float64Array(dims);
  const grad = new Float64Array(dims);
  let bias = 0;
  const n = rows.length;
  for (let it = 0; it < o.iterations; it++) {
    grad.fill(0);
    let gradBias = 0;
    rows.forEach((row, r) => {
      let z = bias;
      for (const f of row) z += w[f]!;
      const err = sigmoid(z) - y[r]!;
      gradBias += err;
      for (const f of row) grad[f] = grad[f]! + err;
    });
    bias -= (o.learningRate * gradBias) / n;
    for (let f = 0; f < dims; f++) w[f] = w[f]! - o.learningRate * (grad[f]! / n + o.l2 * w[f]!);
  }
  return { bias, weights: w };
}

// Log-odds form: bias = log prior ratio, weight = log P(word | theme) - log P(word | not theme), so
// it scores through the same scoreItem. Presence features, add-one smoothing.
function fitNaiveBayes(
  rows: readonly Int32Array[],
  y: readonly number[],
  dims: number,
): { bias: number; weights: Float64Array } {
  const pos = new Float64Array(dims).fill(1);
  const neg = new Float64Array(dims).fill(1);
  let nPos = 0;
  rows.forEach((row, r) => {
    const counts = y[r] === 1 ? pos : neg;
    if (y[r] === 1) nPos++;
    for (const f of row) counts[f] = counts[f]! + 1;
  });
  const totalPos = pos.reduce((a, b) => a + b, 0);
  const totalNeg = neg.reduce((a, b) => a + b, 0);
  const w = new Float64Array(dims);
  for (let f = 0; f < dims; f++) w[f] = Math.log(pos[f]! / totalPos) - Math.log(neg[f]! / totalNeg);
  const nNeg = rows.length - nPos;
  return { bias: Math.log((nPos + 1) / (nNeg + 1)), weights: w };
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The model's probability that the item carries its theme. */
export function scoreItem(model: ThemeModel, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights.get(f) ?? 0;
  return sigmoid(z);
}

/** The features that pushed hardest either way: what a learned call would show as its evidence. */
export function explainScore(
  model: ThemeModel,
  features: readonly string[],
  top = 3,
): Array<[string, number]> {
  return features
    .map((f): [string, number] => [f, model.weights.get(f) ?? 0])
    .filter(([, w]) => w !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]))
    .slice(0, top);
}
