import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import type { IconName } from '@/components/icon-paths'
import { Tag } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx, formatDay, formatTime } from '@/lib/format'
import type { ConcernDetailData } from '../api/get-concern'
import { CategoryBadge } from './category-badge'
import { ConcernStatusTag } from './concern-status-tag'
import { RatingStars } from './rating-stars'
import { Timeline } from './timeline'
// After the category badge: every page then loads their styles in one order (mini-css-extract).
import { PhotoGrid } from '@/components/photos/photo-grid'
import './concern-detail.scss'

export interface ConcernDetailViewProps {
  concern: ConcernDetailData
  /** Where 「已合并到」 leads (the resident and the staff page open different detail pages). */
  detailUrl: (concernId: string) => string
  /** Staff see who raised it; a 匿名 tag reminds them (and the author) that other residents do not. */
  staff?: boolean
  /** Under the facts: the resident's 附议/关注 bar, the rating card, the staff's notice. */
  children?: ReactNode
}

/** What everyone sees of one concern: number, status, category, text, photos, facts and timeline. */
export function ConcernDetailView({ concern: c, detailUrl, staff, children }: ConcernDetailViewProps) {
  const facts: Array<{ icon: IconName; label: string; value: ReactNode; testId?: string }> = [
    { icon: 'mapPin', label: t.detail.place, value: c.placeLabel },
    {
      icon: 'user',
      label: t.detail.author,
      value: (
        <View className='concern-fact__due'>
          {c.anonymous && (staff || c.mine) ? <Tag tone='neutral'>{t.raise.anonymous}</Tag> : null}
          <Text>{c.author.name}</Text>
        </View>
      ),
    },
    { icon: 'clock', label: t.detail.createdAt, value: formatTime(c.createdAt) },
  ]
  if (c.dueAt) {
    facts.push({
      icon: 'calendar',
      label: t.detail.deadline,
      testId: 'concern-deadline',
      value: (
        <View className='concern-fact__due'>
          <Text className={cx(c.overdue && 'concern-fact__late')}>{formatDay(c.dueAt)}</Text>
          {c.overdue ? (
            <Tag tone='danger' testId='overdue-badge'>
              {t.concerns.overdue}
            </Tag>
          ) : null}
        </View>
      ),
    })
  }
  if (c.assignee) facts.push({ icon: 'briefcase', label: t.detail.assignee, value: c.assignee })
  if (c.visibility === 'private') facts.push({ icon: 'lock', label: t.detail.visibility, value: t.concerns.private })

  return (
    <View className='concern-detail' data-testid='concern-detail' data-concern-id={c.id} data-status={c.status}>
      <View className='card concern-head'>
        <View className='concern-head__top'>
          <CategoryBadge category={c.category} label={c.categoryLabel} size='lg' />
          <ConcernStatusTag status={c.status} testId='concern-status' />
        </View>
        <View className='concern-head__no'>
          <Text className='concern-head__no-label'>{t.detail.publicNo}</Text>
          <Text className='concern-head__no-value' data-testid='concern-public-no' userSelect>
            {c.publicNo}
          </Text>
        </View>
        <Text className='concern-head__text' data-testid='concern-description' userSelect>
          {c.description}
        </Text>
        {c.photos.length > 0 ? (
          <View className='concern-head__photos'>
            <PhotoGrid photos={c.photos} testId='concern-photos' alt={t.a11y.sitePhoto(c.categoryLabel)} />
          </View>
        ) : null}
      </View>

      {c.mergedInto ? (
        <View
          className='notice notice--info concern-merged'
          hoverClass='cell--hover'
          onClick={() => void Taro.navigateTo({ url: detailUrl(c.mergedInto!.id) })}
          data-testid='merged-into'
          {...a11y({ role: 'button' })}
        >
          <Icon name='merge' size={44} color={colors.info} />
          <View className='notice__body'>
            <View className='notice__title'>
              {t.detail.mergedInto} {c.mergedInto.publicNo}
            </View>
          </View>
          <Icon name='chevronRight' size={32} color={colors.text3} />
        </View>
      ) : null}

      <View className='card card--flush concern-facts'>
        {facts.map((f) => (
          <View key={f.label} className='concern-fact' data-testid={f.testId}>
            <Icon name={f.icon} size={36} color={colors.text3} />
            <Text className='concern-fact__label'>{f.label}</Text>
            <View className='concern-fact__value'>{f.value}</View>
          </View>
        ))}
      </View>

      {c.rating !== null ? (
        <View className='card concern-rated' data-testid='concern-rated'>
          <Text className='concern-section__title'>{t.detail.rating}</Text>
          <RatingStars value={c.rating} readOnly />
          {c.ratingComment ? <Text className='concern-rated__comment'>{c.ratingComment}</Text> : null}
        </View>
      ) : null}

      {children}

      <View className='card concern-timeline'>
        <Text className='concern-section__title'>{t.detail.timeline}</Text>
        <Timeline events={c.timeline} />
      </View>
    </View>
  )
}
