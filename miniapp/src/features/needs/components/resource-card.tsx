import { View, Text } from '@tarojs/components'
import { Tag } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import type { ResourceData } from '../api/needs'
import './needs.scss'

/** One resource: what, from whom, when; the contact only when the server gives it (staff). */
export function ResourceCard({ resource: r }: { resource: ResourceData }) {
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
    </View>
  )
}
