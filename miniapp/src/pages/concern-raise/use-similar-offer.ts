import Taro from '@tarojs/taro'
import { useState } from 'react'
import { cosignConcern } from '@/features/concerns/api/cosign-concern'
import type { ConcernSummaryData } from '@/features/concerns/api/get-concern-board'
import { getSimilarConcerns } from '@/features/concerns/api/get-similar-concerns'
import { t } from '@/i18n/zh-cn'
import { concernUrl } from '@/lib/routes'
import { type SimilarInput, useSimilarConcerns } from './use-similar-concerns'

/**
 * Similar concerns offered before a raise (附议 instead of a duplicate): the sheet, the check made
 * at submit, the query already answered 「仍要提交」, and co-signing one of them instead.
 */
export function useSimilarOffer(input: SimilarInput) {
  const similar = useSimilarConcerns(input)
  const [sheetOpen, setSheetOpen] = useState(false)
  const [checking, setChecking] = useState(false)
  const [cosigningId, setCosigningId] = useState<string>()
  /** The query the resident already answered 「仍要提交」 for: not asked again unless it changes. */
  const [dismissedSimilar, setDismissedSimilar] = useState<string>()

  /** Whether to stop and show similar concerns first (looked up again now, unless already answered). */
  async function offer(skipSimilar: boolean): Promise<boolean> {
    if (skipSimilar) {
      setDismissedSimilar(similar.key)
      return false
    }
    if (dismissedSimilar === similar.key || !similar.query) return false
    setChecking(true)
    const found = await getSimilarConcerns(similar.query).catch(() => null)
    setChecking(false)
    if (!found || found.items.length === 0) return false
    similar.setItems(found.items)
    setSheetOpen(true)
    return true
  }

  async function cosignInstead(concern: ConcernSummaryData) {
    setCosigningId(concern.id)
    try {
      await cosignConcern(concern.id)
      void Taro.showToast({ title: t.similar.cosignDone, icon: 'success' })
      void Taro.redirectTo({ url: concernUrl(concern.id) })
    } catch {
      // the client showed the reason
    } finally {
      setCosigningId(undefined)
    }
  }

  return { items: similar.items, sheetOpen, setSheetOpen, checking, cosigningId, cosignInstead, offer }
}
