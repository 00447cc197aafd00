import { Button, Text, View } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import type { AgendaItemData } from '@/features/councils/api/get-session'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'

/** The session's title, item n of m, and a dot per item (ticked once resolved) to jump to it. */
export function RunHead({
  title,
  agenda,
  index,
  onPick,
}: {
  title: string
  agenda: AgendaItemData[]
  index: number
  onPick: (i: number) => void
}) {
  return (
    <View className='run-head'>
      <Text className='run-head__title'>{title}</Text>
      <Text className='run-head__progress' data-testid='run-progress'>
        {t.run.progress(index + 1, agenda.length)}
      </Text>
      <View className='run-dots'>
        {agenda.map((a, i) => (
          <View
            key={a.topicId}
            className={cx('run-dot', a.resolution && 'run-dot--done', i === index && 'run-dot--current')}
            onClick={() => onPick(i)}
            {...a11y({ role: 'button', label: `${i + 1}` })}
          >
            {a.resolution ? <Icon name='check' size={28} color={colors.white} strokeWidth={2.6} /> : <Text>{i + 1}</Text>}
          </View>
        ))}
      </View>
    </View>
  )
}

/** 上一项 / 下一项. */
export function RunNav({ index, count, onPick }: { index: number; count: number; onPick: (i: number) => void }) {
  return (
    <View className='run-nav'>
      <Button
        className='btn btn--plain btn--small'
        hoverClass='btn--hover'
        disabled={index === 0}
        onClick={() => onPick(index - 1)}
        data-testid='run-prev'
      >
        {t.run.prev}
      </Button>
      <Button
        className='btn btn--plain btn--small'
        hoverClass='btn--hover'
        disabled={index >= count - 1}
        onClick={() => onPick(index + 1)}
        data-testid='run-next'
      >
        {t.run.next}
      </Button>
    </View>
  )
}

export function ConcludeButton({ busy, primary = true, onClick }: { busy: boolean; primary?: boolean; onClick: () => void }) {
  return (
    <Button
      className={cx('btn btn--block', primary ? 'btn--primary' : 'btn--outline')}
      hoverClass='btn--hover'
      disabled={busy}
      onClick={onClick}
      data-testid='run-conclude'
    >
      <Icon name='stop' size={40} color={primary ? colors.white : colors.brand} />
      <Text className='run-conclude__text'>{busy ? t.common.submitting : t.run.conclude}</Text>
    </Button>
  )
}
