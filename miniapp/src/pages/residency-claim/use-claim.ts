import { relationLabels } from '@domain/labels.js'
import type { HouseholdRelation } from '@domain/roles.js'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { useBuildings } from '@/features/communities/api/get-buildings'
import { useCommunities } from '@/features/communities/api/get-communities'
import { useHouseholds } from '@/features/communities/api/get-households'
import { meKey } from '@/features/me/api/get-me'
import { useSubmitClaim } from '@/features/residency/api/submit-claim'
import { t } from '@/i18n/zh-cn'
import { invalidateQueries } from '@/lib/api/use-query'

export const steps = ['community', 'building', 'unit', 'room', 'relation', 'confirm'] as const
export type Step = (typeof steps)[number]

export const relations = Object.keys(relationLabels) as HouseholdRelation[]

interface Picks {
  communityId?: string
  buildingId?: string
  unitId?: string
  householdId?: string
  relation?: HouseholdRelation
}

/** Everything the claim's steps show and do. */
export type Claim = ReturnType<typeof useClaim>

/**
 * The household claim, one choice per step: community (skipped when the link names one),
 * building, unit, room, relation, then confirm and submit. Choosing again further up forgets the
 * choices below it.
 */
export function useClaim() {
  const router = useRouter()
  const initialCommunity = router.params.communityId || undefined
  const [picks, setPicks] = useState<Picks>({ communityId: initialCommunity })
  const [step, setStep] = useState<Step>(initialCommunity ? 'building' : 'community')
  const [submitted, setSubmitted] = useState(false)

  const communities = useCommunities()
  const buildings = useBuildings(picks.communityId)
  const households = useHouseholds(picks.communityId, picks.unitId)
  const submit = useSubmitClaim()

  const community = communities.data?.items.find((c) => c.id === picks.communityId)
  const building = buildings.data?.items.find((b) => b.id === picks.buildingId)
  const unit = building?.units.find((u) => u.id === picks.unitId)
  const household = households.data?.items.find((h) => h.id === picks.householdId)

  usePullDownRefresh(async () => {
    await Promise.all([communities.refetch(), buildings.refetch(), households.refetch()])
    Taro.stopPullDownRefresh()
  })

  const index = steps.indexOf(step)
  const go = (next: Step) => {
    submit.reset()
    setStep(next)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }
  const back = () => go(steps[Math.max(0, index - 1)])

  const trail = useMemo(
    () => [community?.name, building?.name, unit?.name, household ? t.claim.room(household.room) : undefined].filter(Boolean).join(' · '),
    [community, building, unit, household],
  )

  const pick = {
    community(id: string) {
      setPicks(id === picks.communityId ? picks : { communityId: id })
      go('building')
    },
    building(id: string) {
      setPicks((p) => (id === p.buildingId ? p : { communityId: p.communityId, buildingId: id }))
      go('unit')
    },
    unit(id: string) {
      setPicks((p) => (id === p.unitId ? p : { communityId: p.communityId, buildingId: p.buildingId, unitId: id }))
      go('room')
    },
    room(id: string) {
      setPicks((p) => ({ ...p, householdId: id }))
      go('relation')
    },
    relation(id: string) {
      setPicks((p) => ({ ...p, relation: id as HouseholdRelation }))
      go('confirm')
    },
  }

  async function onSubmit() {
    if (!picks.householdId || !picks.relation) return
    const claim = await submit.mutate({ householdId: picks.householdId, relation: picks.relation })
    if (claim) {
      invalidateQueries(meKey)
      setSubmitted(true)
    }
  }

  return {
    picks,
    step,
    index,
    submitted,
    communities,
    buildings,
    households,
    submit,
    community,
    building,
    unit,
    household,
    trail,
    go,
    back,
    pick,
    onSubmit,
  }
}
