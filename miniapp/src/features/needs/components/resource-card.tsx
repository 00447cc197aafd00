import { Button, View, Text } from '@tarojs/components'
import { Tag } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import type { ResourceData } from '../api/needs'
import './needs.scss'

/**
 * One resource: what, from whom, when; the contact only when the server gives it (staff). With
 * `onEdit`/`onWithdraw` (its offerer or staff), 修改 and 撤回 under it.
 */
export function ResourceCard({
  resource: r,
  onEdit,
  onWithdraw,
}: {
  resource: ResourceData
  onEdit?: () => void
  onWithdraw?: () => void
}) {
  return (
    <View className='card need-card' data-testid='resource-card' data-resource-id={r.id} data-title={r.title}>
      <View className='need-card__head'>
        <Text className='need-card__title'>{r.title}</Text>
        <Tag tone='info'>{r.kindLabel}</Tag>
      </View>
      <Text className='need-card__desc'>{r.description}</Text>
      <Text className='need-card__line'>{`${r.ownerKindLabel} · ${r.ownerName} · ${r.availability}`}</Text>
      <Text className='need-card__line' data-testid='resource-contact'>
        {r.contact ? t.resources.contact(r.contact.name, r.contact.phone) : t.resources.via}
      </Text>
      {onEdit || onWithdraw ? (
        <View className='btn-row need-card__actions'>
          {onEdit ? (
            <Button className='btn btn--plain btn--small' hoverClass='btn--hover' onClick={onEdit} data-testid='resource-edit'>
              {t.resources.editButton}
            </Button>
          ) : null}
          {onWithdraw ? (
            <Button className='btn btn--plain btn--small' hoverClass='btn--hover' onClick={onWithdraw} data-testid='resource-withdraw'>
              {t.resources.withdraw}
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
