import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { HOURS_MAX, HOURS_STEP, signupStatusLabels } from '@domain/volunteering/rules.js'
import { useState } from 'react'
import { EmptyState } from '@/components/empty-state'
import { ErrorLine } from '@/components/form-field'
import { Screen } from '@/components/screen'
import { Segmented } from '@/components/segmented'
import { Stepper } from '@/features/councils/components/stepper'
import { type ActivityDetailData, refreshVolunteering, type SignOffEntry, signOff } from '@/features/volunteering/api/volunteering'
import { PhaseTag, whenLabel } from '@/features/volunteering/components/activity-card'
import { useActivityScreen } from '@/features/volunteering/components/activity-screen'
import { t } from '@/i18n/zh-cn'
import type { ApiError } from '@/lib/api/client'
import '../../shell.scss'
import '@/features/volunteering/components/volunteering.scss'

const v = t.volunteering

/** 报名名单与签退: who signed up (names for staff only); after the end, attended with hours or absent, once. */
export default function VolunteerRosterPage() {
  const { activity: a, fallback } = useActivityScreen('page-volunteer-roster')
  if (!a) return fallback
  return (
    <Screen testId='page-volunteer-roster' className='staff'>
      <View className='vol-detail__hero'>
        <PhaseTag a={a} />
        <Text className='vol-detail__title'>{a.title}</Text>
        <Text className='vol-detail__text'>{whenLabel(a)}</Text>
        <Text className='vol-detail__text'>{a.place}</Text>
        <Text className='vol-detail__places'>{`${v.signedUp(a.signedUpCount)} · ${v.hours(a.hours)}`}</Text>
        <Text className='vol-detail__text'>{v.perHour(a.pointsPerHour)}</Text>
      </View>
      <View className='section-title'>{v.roster}</View>
      <Roster a={a} />
    </Screen>
  )
}

type Marks = Record<string, { attended: boolean; hours: number }>

function Roster({ a }: { a: ActivityDetailData }) {
  const roster = a.roster ?? []
  const [marks, setMarks] = useState<Marks>({})
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const open = roster.filter((r) => r.status === 'signed_up')
  const markOf = (signupId: string) => marks[signupId] ?? { attended: true, hours: a.hours }
  const set = (signupId: string, m: Partial<{ attended: boolean; hours: number }>) =>
    setMarks((x) => ({ ...x, [signupId]: { ...markOf(signupId), ...m } }))

  async function submit() {
    setBusy(true)
    setError(undefined)
    try {
      const entries: SignOffEntry[] = open.map((r) => {
        const m = markOf(r.signupId)
        return m.attended ? { signupId: r.signupId, attended: true, hours: m.hours } : { signupId: r.signupId, attended: false }
      })
      await signOff({ id: a.id, entries })
      refreshVolunteering()
      void Taro.showToast({ title: v.signedOffDone, icon: 'success' })
    } catch (err) {
      setError((err as ApiError).message)
    } finally {
      setBusy(false)
    }
  }
  if (!roster.length) return <EmptyState compact icon='users' text={v.noSignups} />
  const canSign = a.phase === 'ended' && open.length > 0
  return (
    <>
      <View className='card card--flush'>
        {roster.map((r) => {
          const m = markOf(r.signupId)
          return (
            <View key={r.signupId} className='vol-roster__row' data-testid='roster-row' data-name={r.name} data-status={r.status}>
              <Text className='vol-roster__name'>{r.name}</Text>
              {r.status === 'signed_up' && a.phase === 'ended' ? (
                <View className='vol-roster__controls'>
                  <Segmented
                    items={[
                      { key: 'yes', label: v.attended },
                      { key: 'no', label: v.absent },
                    ]}
                    value={m.attended ? 'yes' : 'no'}
                    onChange={(k) => set(r.signupId, { attended: k === 'yes' })}
                    testIdPrefix='roster-attended'
                    className='vol-roster__choice'
                  />
                  {m.attended ? (
                    <Stepper
                      value={m.hours}
                      min={HOURS_STEP}
                      max={HOURS_MAX}
                      step={HOURS_STEP}
                      unit='小时'
                      label={v.form.hours}
                      testId='roster-hours'
                      onChange={(n) => set(r.signupId, { hours: n })}
                    />
                  ) : null}
                </View>
              ) : (
                <Text className='vol-detail__text' data-testid='roster-outcome'>
                  {r.status === 'attended' && r.hours !== null ? v.earned(r.hours, r.points ?? 0) : signupStatusLabels[r.status]}
                </Text>
              )}
            </View>
          )
        })}
      </View>
      {a.phase === 'signed_off' ? null : (
        <View className='vol-actions'>
          <Text className='vol-actions__hint'>{a.phase === 'ended' ? v.signOffHint : v.notEnded}</Text>
          {error ? <ErrorLine text={error} /> : null}
          <Button
            className='btn btn--primary btn--block'
            hoverClass='btn--hover'
            loading={busy}
            disabled={!canSign}
            onClick={() => void submit()}
            data-testid='roster-sign-off'
          >
            {v.signOff}
          </Button>
        </View>
      )}
    </>
  )
}
