import { ComingSoon } from '@/components/coming-soon'
import { Screen } from '@/components/screen'
import { t } from '@/i18n/zh-cn'

export default function ConcernsPage() {
  const copy = t.comingSoon.concerns
  return (
    <Screen testId='page-concerns'>
      <ComingSoon icon='megaphone' title={copy.title} lead={copy.lead} points={copy.points} pointIcons={['camera', 'users', 'clock', 'star']} />
    </Screen>
  )
}
