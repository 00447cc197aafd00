import { View, Text, Image } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { SkeletonBox } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { a11y, nativeA11y } from '@/lib/a11y'
import { mediaUrl } from '@/lib/api/client'
import { cx, formatDay, formatTime } from '@/lib/format'
import type { ConcernSummaryData } from '../api/get-concern-board'
import { CategoryBadge } from './category-badge'
import { ConcernStatusTag } from './concern-status-tag'
import './concern-card.scss'

export interface ConcernCardProps {
  concern: ConcernSummaryData
  onClick: () => void
  /** Staff see the public number, the deadline and whether it is private. */
  staff?: boolean
}

/** One concern in a list: what, its status, where, how many back it, a photo. */
export function ConcernCard({ concern: c, onClick, staff }: ConcernCardProps) {
  return (
    <View
      className={cx('concern-card', c.overdue && 'concern-card--overdue')}
      hoverClass='concern-card--hover'
      onClick={onClick}
      data-testid='concern-card'
      data-concern-id={c.id}
      data-status={c.status}
      {...a11y({ role: 'button' })}
    >
      <View className='concern-card__head'>
        <CategoryBadge category={c.category} label={c.categoryLabel} />
        <View className='concern-card__tags'>
          {c.overdue ? (
            <Tag tone='danger' className='concern-card__overdue' testId='overdue-badge'>
              {t.concerns.overdue}
            </Tag>
          ) : null}
          <ConcernStatusTag status={c.status} />
        </View>
      </View>

      <View className='concern-card__body'>
        <Text className='concern-card__excerpt'>{c.excerpt}</Text>
        {c.coverUrl ? (
          <View className='concern-card__cover'>
            <Image
              className='concern-card__img'
              src={mediaUrl(c.coverUrl)}
              mode='aspectFill'
              lazyLoad
              {...nativeA11y({ alt: t.a11y.sitePhoto(c.categoryLabel) })}
            />
            {c.photoCount > 1 ? <Text className='concern-card__count'>{t.concerns.photos(c.photoCount)}</Text> : null}
          </View>
        ) : null}
      </View>

      {staff ? (
        <View className='concern-card__staff'>
          <Text className='concern-card__no'>{c.publicNo}</Text>
          {c.dueAt ? (
            <Text className={cx('concern-card__due', c.overdue && 'concern-card__due--late')}>{t.inbox.due(formatDay(c.dueAt))}</Text>
          ) : null}
          {c.visibility === 'private' ? <Tag tone='neutral'>{t.concerns.private}</Tag> : null}
        </View>
      ) : null}

      <View className='concern-card__meta'>
        <View className='concern-card__place'>
          <Icon name='mapPin' size={28} color={colors.text3} />
          <Text className='concern-card__place-text'>{c.placeLabel}</Text>
        </View>
        <Text className='concern-card__time'>{formatTime(c.createdAt)}</Text>
        <View className='concern-card__cosign'>
          <Icon name='thumbsUp' size={28} color={c.cosignCount > 0 ? colors.brand : colors.text3} />
          <Text>{c.cosignCount}</Text>
        </View>
      </View>
    </View>
  )
}

/** The cards' shape while the list loads. */
export function ConcernListSkeleton({ count = 3 }: { count?: number }) {
  return (
    <View data-testid='skeleton'>
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder cards, all alike, never reordered
        <View key={i} className='concern-card' aria-hidden>
          <View className='concern-card__head'>
            <SkeletonBox width='40%' height={56} />
            <SkeletonBox width={96} height={44} />
          </View>
          <SkeletonBox className='skeleton--line concern-card__skeleton-line' />
          <SkeletonBox width='70%' className='skeleton--line' />
          <SkeletonBox width='55%' className='skeleton--line concern-card__skeleton-line' />
        </View>
      ))}
    </View>
  )
}
