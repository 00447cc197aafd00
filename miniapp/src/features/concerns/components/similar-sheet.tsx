import { View, Text, Button } from '@tarojs/components'
import { Sheet } from '@/components/sheet'
import { t } from '@/i18n/zh-cn'
import { cx, formatTime } from '@/lib/format'
import type { ConcernSummaryData } from '../api/get-concern-board'
import { CategoryBadge } from './category-badge'
import { ConcernStatusTag } from './concern-status-tag'
import './similar-sheet.scss'

export interface SimilarSheetProps {
  items: readonly ConcernSummaryData[]
  /** The one being co-signed right now. */
  busyId?: string
  onCosign: (concern: ConcernSummaryData) => void
  onSubmitAnyway: () => void
  onClose: () => void
}

/** 「附近有类似诉求」: back one of these (附议) instead of filing the same thing again. */
export function SimilarSheet({ items, busyId, onCosign, onSubmitAnyway, onClose }: SimilarSheetProps) {
  return (
    <Sheet
      title={t.similar.title}
      desc={t.similar.desc}
      onClose={onClose}
      testId='similar-sheet'
      footer={
        <Button
          className='btn btn--plain btn--block similar-anyway'
          hoverClass='btn--hover'
          data-testid='similar-submit-anyway'
          onClick={onSubmitAnyway}
        >
          {t.similar.submitAnyway}
        </Button>
      }
    >
      {items.map((c) => (
        <View key={c.id} className='similar-item' data-testid='similar-item' data-concern-id={c.id}>
          <View className='similar-item__head'>
            <CategoryBadge category={c.category} label={c.categoryLabel} />
            <ConcernStatusTag status={c.status} />
          </View>
          <Text className='similar-item__excerpt'>{c.excerpt}</Text>
          <View className='similar-item__foot'>
            <Text className='similar-item__meta'>
              {c.placeLabel}
              {t.common.separator}
              {formatTime(c.createdAt)}
              {t.common.separator}
              {t.concerns.cosigns(c.cosignCount)}
            </Text>
            <Button
              className={cx('btn btn--primary btn--small similar-item__cosign')}
              hoverClass='btn--hover'
              data-testid='similar-cosign'
              disabled={!!busyId}
              onClick={() => onCosign(c)}
            >
              {busyId === c.id ? t.common.submitting : t.similar.cosign}
            </Button>
          </View>
        </View>
      ))}
    </Sheet>
  )
}
