import { View, Text, Button, Input } from '@tarojs/components'
import { useState } from 'react'
import { GRID_NAME_MAX } from '@domain/limits.js'
import { FormField } from '@/components/form-field'
import { Sheet } from '@/components/sheet'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { cx } from '@/lib/format'
import { type GridData, type GridListData, useSaveGrid } from '../api/get-grids'
import './grids.scss'

type Field = 'name' | 'buildings' | 'workers'
type Option = { id: string; name: string; note?: string }

function fieldOf(path: string): Field | null {
  const head = path.split('.')[0]
  return head === 'name' ? 'name' : head === 'buildingIds' ? 'buildings' : head === 'workerIds' ? 'workers' : null
}

/** Several of a list, each a pill that toggles; a building already in another grid says which. */
function Toggles(props: { options: Option[]; chosen: string[]; onToggle: (id: string) => void; testIdPrefix: string }) {
  return (
    <View className='chips grid-toggles'>
      {props.options.map((o) => {
        const on = props.chosen.includes(o.id)
        return (
          <View
            key={o.id}
            className={cx('chip', on && 'chip--active')}
            hoverClass='chip--hover'
            data-testid={props.testIdPrefix}
            data-id={o.id}
            data-selected={String(on)}
            onClick={() => props.onToggle(o.id)}
            {...a11y({ role: 'button', selected: on })}
          >
            <Text>{o.note && !on ? `${o.name}（${o.note}）` : o.name}</Text>
          </View>
        )
      })}
    </View>
  )
}

export interface GridSheetProps {
  communityId: string
  /** The grid to change; none: a new one. */
  grid?: GridData
  list: GridListData
  buildings: Option[]
  workers: Option[]
  onClose: () => void
  onDone: (grid: GridData) => void
}

/** A grid's name, buildings and workers; a building in another grid is refused by the server (409), never moved silently. */
export function GridSheet({ communityId, grid, list, buildings, workers, onClose, onDone }: GridSheetProps) {
  const [name, setName] = useState(grid?.name ?? '')
  const [buildingIds, setBuildingIds] = useState<string[]>(grid?.buildings.map((b) => b.id) ?? [])
  const [workerIds, setWorkerIds] = useState<string[]>(grid?.workers.map((w) => w.userId) ?? [])
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [error, setError] = useState<string>()
  const save = useSaveGrid({ onSuccess: onDone })
  const toggle = (ids: string[], id: string) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])

  const owner = new Map(list.items.filter((g) => g.id !== grid?.id).flatMap((g) => g.buildings.map((b) => [b.id, g.name] as const)))
  const buildingOptions = buildings.map((b) => ({ ...b, note: owner.has(b.id) ? t.grids.inOther(owner.get(b.id)!) : undefined }))

  async function submit() {
    if (!name.trim()) return setErrors({ name: t.grids.nameMissing })
    setError(undefined)
    try {
      await save.mutateAsync({ communityId, gridId: grid?.id, body: { name: name.trim(), buildingIds, workerIds } })
    } catch (err) {
      if (!(err instanceof ApiError)) return
      const fields = fieldErrorsOf(err, fieldOf)
      if (Object.keys(fields).length) setErrors(fields)
      else setError(err.message)
    }
  }

  return (
    <Sheet
      title={grid ? t.grids.edit : t.grids.create}
      onClose={onClose}
      testId='grid-sheet'
      footer={
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='grid-submit'
          disabled={save.loading}
          onClick={() => void submit()}
        >
          {save.loading ? t.common.submitting : t.grids.save}
        </Button>
      }
    >
      <FormField label={t.grids.name} error={errors.name} name='name'>
        <Input
          className='text-input'
          data-testid='grid-name-input'
          value={name}
          maxlength={GRID_NAME_MAX}
          placeholder={t.grids.namePlaceholder}
          onInput={(e) => {
            setName(e.detail.value)
            setErrors((x) => ({ ...x, name: undefined }))
          }}
        />
      </FormField>
      <FormField label={t.grids.buildings} hint={t.grids.buildingsHint} error={errors.buildings} name='buildings'>
        {buildingOptions.length ? (
          <Toggles
            options={buildingOptions}
            chosen={buildingIds}
            onToggle={(id) => {
              setBuildingIds((ids) => toggle(ids, id))
              setErrors((x) => ({ ...x, buildings: undefined }))
            }}
            testIdPrefix='grid-building'
          />
        ) : (
          <Text className='grid-card__line'>{t.grids.noBuildings}</Text>
        )}
      </FormField>
      <FormField label={t.grids.workers} error={errors.workers} name='workers'>
        {workers.length ? (
          <Toggles
            options={workers}
            chosen={workerIds}
            onToggle={(id) => {
              setWorkerIds((ids) => toggle(ids, id))
              setErrors((x) => ({ ...x, workers: undefined }))
            }}
            testIdPrefix='grid-worker'
          />
        ) : (
          <Text className='grid-card__line'>{t.grids.noWorkers}</Text>
        )}
      </FormField>
      {error ? (
        <View className='notice notice--danger grid-sheet__error' data-testid='grid-error'>
          <Text>{error}</Text>
        </View>
      ) : null}
    </Sheet>
  )
}
