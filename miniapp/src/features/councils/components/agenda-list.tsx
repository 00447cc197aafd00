import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ProgressBar } from '@/components/progress-bar'
import { Icon } from '@/components/icon'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import type { AgendaItemData } from '../api/get-session'
import { chinaMoment } from '../format'
import './session-detail.scss'

export interface AgendaListProps {
  items: readonly AgendaItemData[]
  /** Still taking topics: the empty agenda invites one. */
  bookingOpen: boolean
  /** Where a linked concern's number leads (residents and staff open different pages). */
  concernUrl?: (concernId: string) => string
  /** Where a resolution's progress leads (决议进展 for residents, the item page for staff). */
  trackedUrl?: (itemId: string) => string
}

/** The agenda in order, with the minutes given to each and, once held, each item's resolution (决议). */
export function AgendaList({ items, bookingOpen, concernUrl, trackedUrl }: AgendaListProps) {
  const total = items.reduce((sum, i) => sum + i.minutes, 0)
  return (
    <View className='card agenda' data-testid='agenda'>
      <View className='session-section__head'>
        <Text className='session-section__title'>{t.session.agenda}</Text>
        {items.length > 0 ? <Text className='session-section__meta'>{t.session.agendaTotal(items.length, total)}</Text> : null}
      </View>
      {items.length === 0 ? (
        <EmptyState compact icon='list' text={bookingOpen ? t.session.agendaEmpty : t.session.agendaEmptyClosed} testId='agenda-empty' />
      ) : (
        items.map((item) => (
          <View
            key={item.topicId}
            className='agenda-item'
            data-testid='agenda-item'
            data-topic-id={item.topicId}
            data-resolved={item.resolution ? 'true' : 'false'}
          >
            <Text className='agenda-item__order'>{item.order}</Text>
            <View className='agenda-item__body'>
              <View className='agenda-item__top'>
                <Text className='agenda-item__title'>{item.title}</Text>
                <Text className='agenda-item__minutes'>{t.session.agendaMinutes(item.minutes)}</Text>
              </View>
              <Text className='agenda-item__reason'>{item.reason}</Text>
              {item.concern ? (
                <View
                  className='agenda-item__concern'
                  hoverClass={concernUrl ? 'cell--hover' : 'none'}
                  onClick={concernUrl ? () => void Taro.navigateTo({ url: concernUrl(item.concern!.id) }) : undefined}
                  data-testid='agenda-concern'
                  {...a11y({ role: concernUrl ? 'button' : undefined })}
                >
                  <Icon name='megaphone' size={28} color={colors.info} />
                  <Text>
                    {t.session.linkedConcern} {item.concern.publicNo}
                  </Text>
                  {concernUrl ? <Icon name='chevronRight' size={24} color={colors.info} /> : null}
                </View>
              ) : null}
              {item.resolution ? (
                <View className='resolution' data-testid='resolution'>
                  <View className='resolution__head'>
                    <Icon name='checkCircle' size={32} color={colors.success} />
                    <Text className='resolution__label'>{t.session.resolution}</Text>
                  </View>
                  <Text className='resolution__text' userSelect>
                    {item.resolution.text}
                  </Text>
                  <View className='resolution__meta'>
                    <Text>
                      {t.session.responsible}：{item.resolution.responsibleName ?? item.resolution.responsiblePartyLabel}
                    </Text>
                    <Text>
                      {t.session.resolutionDeadline}：{chinaMoment(item.resolution.deadline)}
                    </Text>
                  </View>
                  {item.resolution.tracking ? <ResolutionProgress tracking={item.resolution.tracking} url={trackedUrl} /> : null}
                </View>
              ) : null}
            </View>
          </View>
        ))
      )}
    </View>
  )
}

type Tracking = NonNullable<AgendaItemData['resolution']>['tracking'] & {}

/** How far a resolution is (its tracked item), and the way to its updates. */
function ResolutionProgress({ tracking, url }: { tracking: Tracking; url?: (itemId: string) => string }) {
  const label = `${tracking.statusLabel}${tracking.overdue ? ` · ${t.tracking.overdue}` : ''} · ${t.tracking.progress(tracking.progress)}`
  return (
    <View className='resolution__tracking' data-testid='resolution-tracking' data-status={tracking.status}>
      <ProgressBar percent={tracking.progress} label={label} tone={tracking.status === 'done' ? 'success' : 'brand'} />
      {url ? (
        <View
          className='resolution__link'
          hoverClass='cell--hover'
          onClick={() => void Taro.navigateTo({ url: url(tracking.itemId) })}
          data-testid='resolution-progress-link'
          {...a11y({ role: 'link' })}
        >
          <Text>{t.tracking.viewProgress}</Text>
          <Icon name='chevronRight' size={24} color={colors.info} />
        </View>
      ) : null}
    </View>
  )
}
