import { View, Text, Button } from '@tarojs/components'
import { useState } from 'react'
import { Sheet } from '@/components/sheet'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { type GridData, useDeleteGrid } from '../api/get-grids'
import './grids.scss'

/**
 * 删除网格？ — what it frees (its buildings go to the community's inbox, its workers leave it) and
 * what stays (the concerns already dispatched to it, and its figures), before anything is deleted.
 */
export function DeleteGridSheet({ grid, onClose, onDone }: { grid: GridData; onClose: () => void; onDone: () => void }) {
  const [error, setError] = useState<string>()
  const remove = useDeleteGrid({ onSuccess: onDone })
  const buildings = grid.buildings.map((b) => b.name).join('、')

  async function confirm() {
    setError(undefined)
    try {
      await remove.mutateAsync(grid.id)
    } catch (err) {
      if (err instanceof ApiError && err.code !== 'BUSY') setError(err.message)
    }
  }

  return (
    <Sheet
      title={t.grids.deleteTitle(grid.name)}
      onClose={onClose}
      testId='grid-delete-sheet'
      footer={
        <View className='grid-delete__buttons'>
          <Button
            className='btn btn--danger btn--block'
            hoverClass='btn--hover'
            data-testid='grid-delete-confirm'
            disabled={remove.loading}
            onClick={() => void confirm()}
          >
            {remove.loading ? t.common.submitting : t.grids.deleteConfirm}
          </Button>
          <Button
            className='btn btn--plain btn--block grid-delete__back'
            hoverClass='btn--hover'
            data-testid='grid-delete-back'
            onClick={onClose}
          >
            {t.grids.deleteBack}
          </Button>
        </View>
      }
    >
      <Text className='grid-delete__line'>{buildings ? t.grids.deleteBuildings(buildings) : t.grids.deleteNoBuildings}</Text>
      <Text className='grid-delete__line'>{t.grids.deleteKept(grid.openConcernCount)}</Text>
      {error ? (
        <View className='notice notice--danger grid-sheet__error' data-testid='grid-delete-error'>
          <Text>{error}</Text>
        </View>
      ) : null}
    </Sheet>
  )
}
