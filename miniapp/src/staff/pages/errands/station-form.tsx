import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { errandKindLabels, errandKinds, stationLabelNames, stationLabels } from '@domain/errands/errands.js'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { useBuildings } from '@/features/communities/api/get-buildings'
import { createStation, refreshErrands, useStationCandidates } from '@/features/errands/api/errands'
import { t } from '@/i18n/zh-cn'
import { a11y, nativeA11y } from '@/lib/a11y'
import type { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { useMutation } from '@/lib/api/use-mutation'
import { cx } from '@/lib/format'

type Field = 'helperId' | 'name' | 'label' | 'buildingIds' | 'kinds'

/** Several of a few: chips that each toggle. */
function MultiChips(p: {
  items: { key: string; label: string }[]
  value: string[]
  onChange: (v: string[]) => void
  testIdPrefix: string
}) {
  return (
    <View className='chips'>
      {p.items.map((item) => {
        const on = p.value.includes(item.key)
        return (
          <View
            key={item.key}
            className={cx('chip', on && 'chip--active')}
            hoverClass='chip--hover'
            data-testid={`${p.testIdPrefix}-${item.key}`}
            onClick={() => p.onChange(on ? p.value.filter((v) => v !== item.key) : [...p.value, item.key])}
            {...a11y({ role: 'button', pressed: on })}
          >
            <Text>{item.label}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** 开设代办站: whose (a verified resident), its name and label, the buildings it serves, what it helps with. */
export function StationForm({ communityId }: { communityId: string }) {
  const candidates = useStationCandidates(communityId, true)
  const buildings = useBuildings(communityId)
  const [helperId, setHelperId] = useState('')
  const [name, setName] = useState('')
  const [label, setLabel] = useState<string>('party_member')
  const [buildingIds, setBuildingIds] = useState<string[]>([])
  const [kinds, setKinds] = useState<string[]>([])
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const save = useMutation(createStation, { onSuccess: () => refreshErrands() })

  async function onSubmit() {
    if (!helperId) return setErrors({ helperId: t.errands.pickOne })
    try {
      await save.mutateAsync({ communityId, helperId, name, label, buildingIds, kinds, note: '' })
      setHelperId('')
      setName('')
      setBuildingIds([])
      setKinds([])
      setErrors({})
      void Taro.showToast({ title: t.errands.stationCreated, icon: 'none' })
    } catch (err) {
      const e = err as ApiError
      const found = fieldErrorsOf(e, (p) => (['helperId', 'name', 'label', 'buildingIds', 'kinds'].includes(p) ? (p as Field) : null))
      setErrors(Object.keys(found).length ? found : { helperId: e.message })
    }
  }
  return (
    <View className='errand-form' data-testid='station-form'>
      <View className='section-title'>{t.errands.newStation}</View>
      <FormField name='helperId' label={t.errands.stationHelper} error={errors.helperId}>
        <Chips
          items={(candidates.data?.items ?? []).map((c) => ({ key: c.id, label: `${c.nickname}（${c.building}）` }))}
          value={helperId}
          onChange={setHelperId}
          testIdPrefix='station-helper'
        />
      </FormField>
      <FormField name='name' label={t.errands.stationName} error={errors.name}>
        <Input
          className='text-input'
          value={name}
          maxlength={30}
          placeholder={t.errands.stationNamePlaceholder}
          data-testid='station-name'
          onInput={(e) => setName(e.detail.value)}
          {...nativeA11y({ label: t.errands.stationName })}
        />
      </FormField>
      <FormField name='label' label={t.errands.stationLabel} error={errors.label}>
        <Chips
          items={stationLabels.map((k) => ({ key: k, label: stationLabelNames[k] }))}
          value={label}
          onChange={setLabel}
          testIdPrefix='station-label'
        />
      </FormField>
      <FormField name='buildingIds' label={t.errands.stationBuildingsLabel} error={errors.buildingIds}>
        <MultiChips
          items={(buildings.data?.items ?? []).map((b) => ({ key: b.id, label: b.name }))}
          value={buildingIds}
          onChange={setBuildingIds}
          testIdPrefix='station-building'
        />
      </FormField>
      <FormField name='kinds' label={t.errands.stationKinds} error={errors.kinds}>
        <MultiChips
          items={errandKinds.map((k) => ({ key: k, label: errandKindLabels[k] }))}
          value={kinds}
          onChange={setKinds}
          testIdPrefix='station-kind'
        />
      </FormField>
      <Button
        className='btn btn--primary btn--block'
        hoverClass='btn--hover'
        loading={save.loading}
        disabled={save.loading}
        data-testid='station-submit'
        onClick={() => void onSubmit()}
      >
        {t.errands.newStation}
      </Button>
    </View>
  )
}
