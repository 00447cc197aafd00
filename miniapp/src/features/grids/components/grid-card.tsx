import { View, Text, Button } from '@tarojs/components'
import { t } from '@/i18n/zh-cn'
import { cx } from '@/lib/format'
import type { GridData } from '../api/get-grids'
import './grids.scss'

/** One grid: its buildings, its workers, the work open in it and what is overdue. */
export function GridCard({ grid, onEdit, onDelete }: { grid: GridData; onEdit: () => void; onDelete: () => void }) {
  return (
    <View className='card grid-card' data-testid='grid-card' data-grid-id={grid.id} data-name={grid.name}>
      <View className='grid-card__head'>
        <Text className='grid-card__name'>{grid.name}</Text>
        <View className='grid-card__actions'>
          <Button className='btn btn--plain btn--small' hoverClass='btn--hover' data-testid='grid-edit' onClick={onEdit}>
            {t.grids.editShort}
          </Button>
          <Button className='btn btn--danger btn--small' hoverClass='btn--hover' data-testid='grid-delete' onClick={onDelete}>
            {t.grids.deleteShort}
          </Button>
        </View>
      </View>
      <Text className='grid-card__line' data-testid='grid-buildings'>
        {`${t.grids.buildings}：${grid.buildings.map((b) => b.name).join('、') || t.grids.none}`}
      </Text>
      <Text className='grid-card__line' data-testid='grid-workers'>
        {`${t.grids.workers}：${grid.workers.map((w) => w.name).join('、') || t.grids.none}`}
      </Text>
      <Text className={cx('grid-card__counts', grid.overdueCount > 0 && 'grid-card__counts--late')}>
        {t.grids.counts(grid.openConcernCount, grid.overdueCount)}
      </Text>
    </View>
  )
}
