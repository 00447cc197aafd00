import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { useRules } from '@/features/councils/api/get-rules'
import { KindBadge } from '@/features/councils/components/session-tags'
import { chinaDay } from '@/features/councils/format'
import { t } from '@/i18n/zh-cn'
import { openRuleForm } from '@/lib/routes'
import '../../shell.scss'
import './index.scss'

/** 固定议事安排: the standing rules (每月第二个周五 19:00 …) and the next sessions each creates. */
export default function RulesPage() {
  const router = useRouter()
  const communityId = router.params.communityId || undefined
  const rules = useRules(communityId)

  useDidShow(() => {
    void rules.refetch()
  })

  usePullDownRefresh(async () => {
    await rules.refetch()
    Taro.stopPullDownRefresh()
  })

  return (
    <Screen testId='page-staff-rules' className='staff rules'>
      <View className='staff-head'>
        <View className='staff-head__icon'>
          <Icon name='repeat' size={48} color={colors.info} />
        </View>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{t.rules.title}</Text>
          <Text className='staff-head__desc'>{t.rules.desc}</Text>
        </View>
      </View>
      <View className='rules__tools'>
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='create-rule'
          onClick={() => communityId && void openRuleForm(communityId)}
        >
          <Icon name='plus' size={36} color={colors.white} strokeWidth={2.4} />
          <Text className='rules__btn-text'>{t.rules.create}</Text>
        </Button>
      </View>
      {rules.loading ? (
        <SkeletonList count={2} lines={2} />
      ) : rules.error && !rules.data ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : !rules.data || rules.data.items.length === 0 ? (
        <EmptyState icon='repeat' text={t.rules.empty} />
      ) : (
        <View data-testid='rule-list'>
          {rules.data.items.map((r) => (
            <View key={r.id} className='card rule-card' data-testid='rule' data-rule-id={r.id}>
              <View className='rule-card__top'>
                <KindBadge kind={r.kind} label={r.kindLabel} />
                {!r.active ? <Tag tone='neutral'>{t.rules.inactive}</Tag> : null}
              </View>
              <Text className='rule-card__schedule' data-testid='rule-schedule'>
                {r.scheduleLabel}
              </Text>
              <Text className='rule-card__title'>{r.title}</Text>
              <View className='rule-card__facts'>
                <Text>{r.venue ?? t.councils.online}</Text>
                <Text>{t.rules.seats(r.capacity)}</Text>
                <Text>{t.rules.slots(r.agendaSlots)}</Text>
              </View>
              {r.nextStarts.length > 0 ? (
                <View className='rule-card__next'>
                  <Text className='rule-card__next-label'>{t.rules.next}</Text>
                  {r.nextStarts.slice(0, 3).map((iso) => (
                    <Text key={iso} className='rule-card__next-day'>
                      {chinaDay(iso)}
                    </Text>
                  ))}
                </View>
              ) : null}
            </View>
          ))}
        </View>
      )}
    </Screen>
  )
}
