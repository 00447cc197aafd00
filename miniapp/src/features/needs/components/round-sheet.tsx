import { Button } from '@tarojs/components'
import { useState } from 'react'
import { DEFAULT_DOTS } from '@domain/needs/dots.js'
import { Chips } from '@/components/chips'
import { ErrorLine, FormField } from '@/components/form-field'
import { Sheet } from '@/components/sheet'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { useOpenRound } from '../api/needs'

type Session = { id: string; title: string; startsAt: string }
const dotItems = ['1', '2', '3', '4', '5'].map((k) => ({ key: k, label: `${k} 点` }))

/** Open a dot round now for one upcoming session, closing an hour before it starts (or after N days). */
export function RoundSheet(props: { communityId: string; sessions: Session[]; onClose: () => void; onDone: () => void }) {
  const [sessionId, setSessionId] = useState(props.sessions[0]?.id)
  const [dots, setDots] = useState(String(DEFAULT_DOTS))
  const [error, setError] = useState<string>()
  const open = useOpenRound()

  async function submit() {
    const session = props.sessions.find((s) => s.id === sessionId)
    if (!session) return setError(t.needs.noSession)
    const now = Date.now()
    const closesAt = Math.min(now + 7 * 86400_000, Date.parse(session.startsAt) - 3600_000)
    try {
      await open.mutateAsync({
        communityId: props.communityId,
        body: {
          sessionId: session.id,
          opensAt: new Date(now).toISOString(),
          closesAt: new Date(closesAt).toISOString(),
          dots: Number(dots),
        },
      })
      props.onDone()
    } catch (err) {
      if (err instanceof ApiError) setError(err.message)
    }
  }

  return (
    <Sheet
      title={t.needs.openRound}
      onClose={props.onClose}
      testId='round-sheet'
      footer={
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='round-submit'
          disabled={open.loading}
          onClick={() => void submit()}
        >
          {open.loading ? t.common.submitting : t.needs.openRound}
        </Button>
      }
    >
      <FormField label={t.needs.roundSession} name='sessionId'>
        {props.sessions.length ? (
          <Chips
            items={props.sessions.map((s) => ({ key: s.id, label: s.title }))}
            value={sessionId}
            onChange={setSessionId}
            testIdPrefix='round-session'
          />
        ) : (
          <ErrorLine text={t.needs.noSession} />
        )}
      </FormField>
      <FormField label={t.needs.roundDots} name='dots'>
        <Chips items={dotItems} value={dots} onChange={setDots} testIdPrefix='round-dots' />
      </FormField>
      {error ? <ErrorLine text={error} /> : null}
    </Sheet>
  )
}
