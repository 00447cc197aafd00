import { View, Text, Button } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useMemo, useState, type ReactNode } from 'react'
import { relationLabels } from '@domain/labels.js'
import type { HouseholdRelation } from '@domain/roles.js'
import { ChoiceList } from '@/components/choice-list'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useBuildings } from '@/features/communities/api/get-buildings'
import { useCommunities } from '@/features/communities/api/get-communities'
import { useHouseholds } from '@/features/communities/api/get-households'
import { meKey } from '@/features/me/api/get-me'
import { useSubmitClaim } from '@/features/residency/api/submit-claim'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import type { ApiError } from '@/lib/api/client'
import { invalidateQueries } from '@/lib/api/use-query'
import { routes, switchToTab } from '@/lib/routes'
import './index.scss'

const steps = ['community', 'building', 'unit', 'room', 'relation', 'confirm'] as const
type Step = (typeof steps)[number]

const relations = Object.keys(relationLabels) as HouseholdRelation[]

interface Picks {
  communityId?: string
  buildingId?: string
  unitId?: string
  householdId?: string
  relation?: HouseholdRelation
}

export default function ResidencyClaimPage() {
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

  async function onSubmit() {
    if (!picks.householdId || !picks.relation) return
    const claim = await submit.mutate({ householdId: picks.householdId, relation: picks.relation })
    if (claim) {
      invalidateQueries(meKey)
      setSubmitted(true)
    }
  }

  if (submitted) {
    return (
      <Screen testId='page-claim'>
        <View className='claim-success' data-testid='claim-success'>
          <View className='claim-success__icon'>
            <Icon name='check' size={88} color={colors.white} strokeWidth={2.4} />
          </View>
          <Text className='claim-success__title'>{t.claim.success.title}</Text>
          <Text className='claim-success__desc'>{t.claim.success.desc}</Text>
          <View className='card claim-success__summary'>
            <Text className='card__title'>{trail}</Text>
            <Text className='card__meta'>{picks.relation ? relationLabels[picks.relation] : ''}</Text>
          </View>
          <View className='claim-success__actions'>
            <Button className='btn btn--primary btn--block' hoverClass='btn--hover' onClick={() => void switchToTab('me')}>
              {t.claim.success.toMe}
            </Button>
            <Button className='btn btn--plain btn--block' hoverClass='btn--hover' onClick={() => void Taro.switchTab({ url: routes.home })}>
              {t.claim.success.toHome}
            </Button>
          </View>
        </View>
      </Screen>
    )
  }

  const copy = t.claim.steps[step]
  return (
    <Screen testId='page-claim' className='claim'>
      <View className='step-head' data-testid={`claim-step-${step}`}>
        <View className='step-head__top'>
          <Text className='step-head__count'>{t.claim.stepOf(index + 1, steps.length)}</Text>
          {index > 0 ? (
            <View className='step-head__back' hoverClass='cell--hover' onClick={back} {...a11y({ role: 'button', label: t.common.back })}>
              <Icon name='chevronLeft' size={28} color={colors.text2} />
              <Text>{t.common.back}</Text>
            </View>
          ) : null}
        </View>
        <View className='claim-progress'>
          {steps.map((s, i) => (
            <View key={s} className={i <= index ? 'claim-progress__bar claim-progress__bar--done' : 'claim-progress__bar'} />
          ))}
        </View>
        <Text className='step-head__title'>{copy.title}</Text>
        <Text className='step-head__hint'>{trail && step !== 'confirm' ? trail : copy.hint}</Text>
      </View>

      {step === 'community' ? (
        <Loadable loading={communities.loading} error={communities.error} hasData={!!communities.data} onRetry={communities.refetch}>
          {communities.data?.items.length ? (
            <ChoiceList
              testId='choices-community'
              icon='building'
              selectedId={picks.communityId}
              items={communities.data.items.map((c) => ({ id: c.id, title: c.name, desc: `${c.districtName} · ${c.streetName}` }))}
              onSelect={(id) => {
                setPicks(id === picks.communityId ? picks : { communityId: id })
                go('building')
              }}
            />
          ) : (
            <EmptyState icon='building' text={t.claim.emptyCommunities} />
          )}
        </Loadable>
      ) : null}

      {step === 'building' ? (
        <Loadable loading={buildings.loading} error={buildings.error} hasData={!!buildings.data} onRetry={buildings.refetch}>
          {buildings.data?.items.length ? (
            <ChoiceList
              testId='choices-building'
              icon='building'
              selectedId={picks.buildingId}
              items={buildings.data.items.map((b) => ({ id: b.id, title: b.name, desc: t.claim.unitCount(b.units.length) }))}
              onSelect={(id) => {
                setPicks((p) => (id === p.buildingId ? p : { communityId: p.communityId, buildingId: id }))
                go('unit')
              }}
            />
          ) : (
            <EmptyState icon='building' text={t.claim.emptyBuildings} />
          )}
        </Loadable>
      ) : null}

      {step === 'unit' ? (
        building?.units.length ? (
          <ChoiceList
            testId='choices-unit'
            icon='layers'
            selectedId={picks.unitId}
            items={building.units.map((u) => ({ id: u.id, title: u.name }))}
            onSelect={(id) => {
              setPicks((p) => (id === p.unitId ? p : { communityId: p.communityId, buildingId: p.buildingId, unitId: id }))
              go('room')
            }}
          />
        ) : (
          <EmptyState icon='layers' text={t.claim.emptyUnits} />
        )
      ) : null}

      {step === 'room' ? (
        <Loadable loading={households.loading} error={households.error} hasData={!!households.data} onRetry={households.refetch}>
          {households.data?.items.length ? (
            <ChoiceList
              grid
              testId='choices-room'
              selectedId={picks.householdId}
              items={households.data.items.map((h) => ({ id: h.id, title: h.room, desc: t.claim.area(h.areaM2) }))}
              onSelect={(id) => {
                setPicks((p) => ({ ...p, householdId: id }))
                go('relation')
              }}
            />
          ) : (
            <EmptyState icon='door' text={t.claim.emptyRooms} />
          )}
        </Loadable>
      ) : null}

      {step === 'relation' ? (
        <ChoiceList
          testId='choices-relation'
          icon='key'
          selectedId={picks.relation}
          items={relations.map((r) => ({ id: r, title: relationLabels[r], desc: t.claim.relationHints[r] }))}
          onSelect={(id) => {
            setPicks((p) => ({ ...p, relation: id as HouseholdRelation }))
            go('confirm')
          }}
        />
      ) : null}

      {step === 'confirm' ? (
        <View data-testid='claim-confirm'>
          <View className='card card--flush'>
            <SummaryRow label={t.claim.fields.community} value={community?.name ?? ''} onEdit={() => go('community')} />
            <SummaryRow
              label={t.claim.fields.address}
              value={[building?.name, unit?.name, household ? t.claim.room(household.room) : ''].filter(Boolean).join(' ')}
              onEdit={() => go('building')}
            />
            {household ? <SummaryRow label={t.claim.fields.area} value={t.claim.area(household.areaM2)} /> : null}
            <SummaryRow
              label={t.claim.fields.relation}
              value={picks.relation ? relationLabels[picks.relation] : ''}
              onEdit={() => go('relation')}
            />
          </View>
          {submit.error ? (
            <View className='notice notice--danger' data-testid='claim-error'>
              <Icon name='alert' size={44} color={colors.danger} />
              <View className='notice__body'>
                <View className='notice__title claim-error__text'>{submit.error.message}</View>
              </View>
            </View>
          ) : null}
          <View className='claim-privacy'>
            <Icon name='shieldCheck' size={32} color={colors.success} />
            <Text>{t.claim.privacy}</Text>
          </View>
          <View className='claim-submit'>
            <Button
              className='btn btn--primary btn--block'
              hoverClass='btn--hover'
              disabled={submit.loading || !household || !picks.relation}
              onClick={() => void onSubmit()}
            >
              {submit.loading ? t.claim.submitting : t.claim.submit}
            </Button>
          </View>
        </View>
      ) : null}
    </Screen>
  )
}

function SummaryRow({ label, value, onEdit }: { label: string; value: string; onEdit?: () => void }) {
  return (
    <View
      className='claim-summary-row'
      hoverClass={onEdit ? 'cell--hover' : 'none'}
      onClick={onEdit}
      {...a11y({ role: onEdit ? 'button' : undefined })}
    >
      <Text className='claim-summary-row__label'>{label}</Text>
      <Text className='claim-summary-row__value'>{value}</Text>
      {onEdit ? <Icon name='chevronRight' size={32} color={colors.text3} /> : null}
    </View>
  )
}

function Loadable(props: {
  loading: boolean
  error: ApiError | undefined
  hasData: boolean
  onRetry: () => Promise<void>
  children: ReactNode
}) {
  if (props.loading) return <SkeletonList count={4} lines={1} />
  if (props.error && !props.hasData) return <ErrorState error={props.error} onRetry={() => void props.onRetry()} />
  return <>{props.children}</>
}
