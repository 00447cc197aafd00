import Taro, { useRouter } from '@tarojs/taro'
import { EmptyState } from '@/components/empty-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useBuildings } from '@/features/communities/api/get-buildings'
import { ErrandFormCard } from '@/features/errands/components/errand-form'
import { useMe } from '@/features/me/api/get-me'
import { t } from '@/i18n/zh-cn'

/** 找人帮忙's form: the building and door of my verified household filled in; the rest kept as a draft until sent. */
export default function ErrandAskPage() {
  const me = useMe()
  const communityId = useRouter().params.communityId || me.data?.households[0]?.communityId
  const buildings = useBuildings(communityId)
  const household = me.data?.households.find((h) => h.communityId === communityId)
  if (!communityId || !me.data)
    return (
      <Screen testId='page-errand-ask'>
        {me.loading ? <SkeletonList count={1} lines={6} /> : <EmptyState icon='home' text={t.errands.needsHousehold} />}
      </Screen>
    )
  if (!buildings.data)
    return (
      <Screen testId='page-errand-ask'>
        <SkeletonList count={1} lines={6} />
      </Screen>
    )
  const building = buildings.data.items.find((b) => household?.address.includes(b.name))
  return (
    <Screen testId='page-errand-ask'>
      <ErrandFormCard
        communityId={communityId}
        userId={me.data.user.id}
        buildings={buildings.data.items}
        defaults={{ buildingId: building?.id ?? '', address: household?.address ?? '' }}
        onSent={() => void Taro.navigateBack()}
      />
    </Screen>
  )
}
