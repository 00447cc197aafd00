import { Button, Input, Text, View } from '@tarojs/components'
import { PLACE_TEXT_MAX } from '@domain/limits.js'
import { Chips } from '@/components/chips'
import { colors } from '@/components/colors'
import { ErrorState } from '@/components/error-state'
import { FormField } from '@/components/form-field'
import { Icon } from '@/components/icon'
import { Segmented } from '@/components/segmented'
import { SkeletonBox } from '@/components/skeleton'
import { t } from '@/i18n/zh-cn'
import type { PlaceKind } from './raise-form'
import type { RaiseForm } from './use-raise-form'

const isWeapp = process.env.TARO_ENV === 'weapp'

const placeKinds: ReadonlyArray<{ key: PlaceKind; label: string }> = [
  { key: 'household', label: t.raise.placeKinds.household },
  { key: 'building', label: t.raise.placeKinds.building },
  { key: 'text', label: t.raise.placeKinds.text },
]

/** 在哪里: my home, a building, or words (with a map pick in WeChat). */
export function PlaceField({ form, nativeCovered }: { form: RaiseForm; nativeCovered: boolean }) {
  const { place, changePlace, households, buildings } = form
  return (
    <FormField name='place' label={t.raise.place} error={form.errors.place}>
      <Segmented
        items={placeKinds}
        value={place.kind ?? ('' as PlaceKind)}
        onChange={(kind) => changePlace({ kind })}
        testIdPrefix='place'
      />
      <View className='raise-place' data-testid='place-options'>
        {place.kind === 'household' ? (
          households.length > 0 ? (
            <>
              <Chips
                items={households.map((h) => ({ key: h.householdId, label: h.address }))}
                value={place.householdId}
                onChange={(householdId) => changePlace({ householdId })}
                testIdPrefix='household'
              />
              <View className='raise-note'>
                <Icon name='shieldCheck' size={32} color={colors.success} />
                <Text>{t.raise.privacy}</Text>
              </View>
            </>
          ) : (
            <Text className='raise-place__empty'>{t.raise.noHousehold}</Text>
          )
        ) : null}
        {place.kind === 'building' ? (
          buildings.loading ? (
            <SkeletonBox height={64} />
          ) : buildings.error && !buildings.data ? (
            <ErrorState compact error={buildings.error} onRetry={() => void buildings.refetch()} />
          ) : buildings.data?.items.length ? (
            <Chips
              items={buildings.data.items.map((b) => ({ key: b.id, label: b.name }))}
              value={place.buildingId}
              onChange={(buildingId) => changePlace({ buildingId })}
              testIdPrefix='building'
            />
          ) : (
            <Text className='raise-place__empty'>{t.raise.noBuildings}</Text>
          )
        ) : null}
        {place.kind === 'text' ? (
          <>
            {nativeCovered ? (
              <View className='text-input raise-static'>{place.text}</View>
            ) : (
              <Input
                className='text-input'
                data-testid='place-text-input'
                value={place.text}
                maxlength={PLACE_TEXT_MAX}
                placeholder={t.raise.placeTextPlaceholder}
                placeholderClass='textarea__placeholder'
                onInput={(e) => changePlace({ text: e.detail.value, point: undefined })}
              />
            )}
            {isWeapp ? (
              <Button
                className='btn btn--outline btn--small raise-place__map'
                hoverClass='btn--hover'
                onClick={() => void form.chooseLocation()}
              >
                <Icon name='navigation' size={32} color={colors.brand} />
                <Text className='raise-place__map-text'>{t.raise.chooseLocation}</Text>
              </Button>
            ) : null}
          </>
        ) : null}
      </View>
    </FormField>
  )
}
