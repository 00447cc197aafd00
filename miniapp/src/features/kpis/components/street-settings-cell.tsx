import { Cell } from '@/components/cell'
import { t } from '@/i18n/zh-cn'
import { openStreetSettings } from '@/lib/routes'

/** 考核设置: the street's weights, 基本满意 factor and minimum sample (街道工作台 and the street's 三率). */
export function StreetSettingsCell({ streetId }: { streetId: string }) {
  return (
    <Cell
      icon='edit'
      iconTone='info'
      title={t.streetSettings.entry}
      desc={t.streetSettings.entryDesc}
      arrow
      onClick={() => void openStreetSettings(streetId)}
      testId='open-street-settings'
    />
  )
}
