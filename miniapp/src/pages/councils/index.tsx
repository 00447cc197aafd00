import { ComingSoon } from '@/components/coming-soon'
import { Screen } from '@/components/screen'
import { t } from '@/i18n/zh-cn'

export default function CouncilsPage() {
  const copy = t.comingSoon.councils
  return (
    <Screen testId='page-councils'>
      <ComingSoon icon='council' title={copy.title} lead={copy.lead} points={copy.points} pointIcons={['calendar', 'message', 'clipboard', 'vote']} />
    </Screen>
  )
}
