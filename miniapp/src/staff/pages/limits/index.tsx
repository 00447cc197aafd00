import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { type CategoryLimitsData, useCommunityLimits } from '@/features/grids/api/limits'
import { useMe } from '@/features/me/api/get-me'
import { t } from '@/i18n/zh-cn'
import { LimitSheet } from './limit-sheet'
import '../../shell.scss'
import '../street-settings/index.scss'
import './index.scss'

/** 办理时限: each category's 签收 · 到场 · 办结 limits in this community; its admins change them one category at a time. */
export default function LimitsPage() {
  const communityId = useRouter().params.communityId || undefined
  const me = useMe()
  const limits = useCommunityLimits(communityId)
  const [editing, setEditing] = useState<CategoryLimitsData>()
  const membership = me.data?.memberships.find((m) => m.communityId === communityId)
  const isAdmin = !!me.data?.memberships.some((m) => m.communityId === communityId && m.role === 'admin')

  usePullDownRefresh(async () => {
    await limits.refetch()
    Taro.stopPullDownRefresh()
  })

  if (!communityId) {
    return (
      <Screen testId='page-limits'>
        <EmptyState icon='briefcase' text={t.workbench.notStaff} />
      </Screen>
    )
  }
  const data = limits.data
  return (
    <Screen testId='page-limits' className='staff'>
      <View className='staff-head'>
        <View className='staff-head__icon'>
          <Icon name='clock' size={48} color={colors.info} />
        </View>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{t.limits.title}</Text>
          <Text className='staff-head__desc'>{membership ? `${membership.communityName} · ${t.limits.desc}` : t.limits.desc}</Text>
        </View>
      </View>
      <View className='notice notice--info limits-note'>
        <Text>{isAdmin ? t.limits.note : t.limits.adminOnly}</Text>
      </View>
      {limits.loading ? (
        <SkeletonList count={4} lines={2} />
      ) : !data ? (
        limits.error ? (
          <ErrorState error={limits.error} onRetry={() => void limits.refetch()} />
        ) : null
      ) : (
        <View className='card card--flush'>
          {data.categories.map((row) => (
            <View key={row.category} className='limit-row' data-testid='limit-row' data-category={row.category}>
              <View className='limit-row__body'>
                <View className='limit-row__head'>
                  <Text className='limit-row__name'>{row.label}</Text>
                  <Tag tone={row.isDefault ? 'neutral' : 'info'}>{row.isDefault ? t.limits.isDefault : t.limits.isOwn}</Tag>
                </View>
                <Text className='limit-row__text' data-testid='limit-text'>
                  {row.text}
                </Text>
              </View>
              {isAdmin ? (
                <Button
                  className='btn btn--plain btn--small limit-row__edit'
                  hoverClass='btn--hover'
                  data-testid='limit-edit'
                  onClick={() => setEditing(row)}
                >
                  {t.limits.edit}
                </Button>
              ) : null}
            </View>
          ))}
        </View>
      )}
      {editing && data ? (
        <LimitSheet
          communityId={communityId}
          limits={data}
          row={editing}
          onClose={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined)
            void Taro.showToast({ title: t.limits.saved, icon: 'success' })
          }}
        />
      ) : null}
    </Screen>
  )
}
