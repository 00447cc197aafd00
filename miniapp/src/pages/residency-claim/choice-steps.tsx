import { relationLabels } from '@domain/labels.js'
import type { ReactNode } from 'react'
import { ChoiceList } from '@/components/choice-list'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { SkeletonList } from '@/components/skeleton'
import { t } from '@/i18n/zh-cn'
import type { ApiError } from '@/lib/api/client'
import { type Claim, relations } from './use-claim'

/** The list of the current step (community, building, unit, room or relation), each with its empty state. */
export function ChoiceStep({ claim }: { claim: Claim }) {
  const { step, picks, pick, communities, buildings, households, building } = claim
  switch (step) {
    case 'community':
      return (
        <Loadable loading={communities.loading} error={communities.error} hasData={!!communities.data} onRetry={communities.refetch}>
          {communities.data?.items.length ? (
            <ChoiceList
              testId='choices-community'
              icon='building'
              selectedId={picks.communityId}
              items={communities.data.items.map((c) => ({ id: c.id, title: c.name, desc: `${c.districtName} · ${c.streetName}` }))}
              onSelect={pick.community}
            />
          ) : (
            <EmptyState icon='building' text={t.claim.emptyCommunities} />
          )}
        </Loadable>
      )
    case 'building':
      return (
        <Loadable loading={buildings.loading} error={buildings.error} hasData={!!buildings.data} onRetry={buildings.refetch}>
          {buildings.data?.items.length ? (
            <ChoiceList
              testId='choices-building'
              icon='building'
              selectedId={picks.buildingId}
              items={buildings.data.items.map((b) => ({ id: b.id, title: b.name, desc: t.claim.unitCount(b.units.length) }))}
              onSelect={pick.building}
            />
          ) : (
            <EmptyState icon='building' text={t.claim.emptyBuildings} />
          )}
        </Loadable>
      )
    case 'unit':
      return building?.units.length ? (
        <ChoiceList
          testId='choices-unit'
          icon='layers'
          selectedId={picks.unitId}
          items={building.units.map((u) => ({ id: u.id, title: u.name }))}
          onSelect={pick.unit}
        />
      ) : (
        <EmptyState icon='layers' text={t.claim.emptyUnits} />
      )
    case 'room':
      return (
        <Loadable loading={households.loading} error={households.error} hasData={!!households.data} onRetry={households.refetch}>
          {households.data?.items.length ? (
            <ChoiceList
              grid
              testId='choices-room'
              selectedId={picks.householdId}
              items={households.data.items.map((h) => ({ id: h.id, title: h.room, desc: t.claim.area(h.areaM2) }))}
              onSelect={pick.room}
            />
          ) : (
            <EmptyState icon='door' text={t.claim.emptyRooms} />
          )}
        </Loadable>
      )
    case 'relation':
      return (
        <ChoiceList
          testId='choices-relation'
          icon='key'
          selectedId={picks.relation}
          items={relations.map((r) => ({ id: r, title: relationLabels[r], desc: t.claim.relationHints[r] }))}
          onSelect={pick.relation}
        />
      )
    default:
      return null
  }
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
