/**
 * How alike two residents' descriptions are, for "similar concerns nearby". Chinese has no spaces,
 * so text is compared as sets of character bigrams (and latin/digit words), scored by the Dice
 * coefficient: 1 for the same text, 0 for nothing in common.
 */
export function textGrams(text: string): Set<string> {
  const grams = new Set<string>()
  const normalised = text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ' ')
  for (const run of normalised.split(' ')) {
    if (!run) continue
    if (/^[a-z0-9]+$/.test(run)) {
      grams.add(run)
      continue
    }
    const chars = [...run]
    if (chars.length === 1) grams.add(chars[0])
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1])
  }
  return grams
}

export function textSimilarity(a: string, b: string): number {
  const ga = textGrams(a)
  const gb = textGrams(b)
  if (!ga.size || !gb.size) return 0
  let shared = 0
  for (const g of ga) if (gb.has(g)) shared++
  return (2 * shared) / (ga.size + gb.size)
}

export interface SimilarCandidate {
  id: string
  description: string
  sameBuilding: boolean
  cosignCount: number
}

/**
 * Ranks open concerns of the same community and category: text similarity, with a bonus for the
 * same building and a little for support already gathered. Returns at most `limit`, best first.
 */
export function rankSimilar<T extends SimilarCandidate>(description: string, candidates: T[], limit = 5, threshold = 0.18): T[] {
  return candidates
    .map((c) => {
      const text = textSimilarity(description, c.description)
      const score = text + (c.sameBuilding ? 0.15 : 0) + Math.min(c.cosignCount, 20) * 0.002
      return { c, text, score }
    })
    .filter((x) => x.text >= threshold || (x.c.sameBuilding && x.text >= threshold / 2))
    .sort((x, y) => y.score - x.score)
    .slice(0, limit)
    .map((x) => x.c)
}
