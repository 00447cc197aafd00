import { useEffect, useMemo, useRef, useState } from 'react'
import type { Category } from '@domain/concerns/categories.js'
import { CONCERN_TEXT_MIN } from '@domain/limits.js'
import type { ConcernSummaryData } from '@/features/concerns/api/get-concern-board'
import { getSimilarConcerns, type SimilarParams } from '@/features/concerns/api/get-similar-concerns'

const SIMILAR_DEBOUNCE_MS = 700

export interface SimilarInput {
  communityId: string | undefined
  category: Category | undefined
  /** Already trimmed. */
  description: string
  buildingId?: string
  householdId?: string
}

/**
 * Similar open concerns, looked up while the resident types (debounced); a failure is silent.
 * `query` is what was (or will be) asked, `key` names it, so the form can tell whether the
 * resident already answered 「仍要提交」 for this very query.
 */
export function useSimilarConcerns({ communityId, category, description, buildingId, householdId }: SimilarInput) {
  const [items, setItems] = useState<ConcernSummaryData[]>([])
  const query = useMemo<SimilarParams | null>(
    () => (communityId && category ? { communityId, category, description, buildingId, householdId } : null),
    [communityId, category, description, buildingId, householdId],
  )
  const lookup = useRef(0)

  useEffect(() => {
    if (!query || query.description.length < CONCERN_TEXT_MIN) {
      setItems([])
      return undefined
    }
    const id = ++lookup.current
    const timer = setTimeout(() => {
      getSimilarConcerns(query)
        .then((res) => id === lookup.current && setItems(res.items))
        .catch(() => id === lookup.current && setItems([]))
    }, SIMILAR_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [query])

  return { items, setItems, query, key: JSON.stringify(query) }
}
