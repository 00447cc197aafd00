import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { useBuildings } from '@/features/communities/api/get-buildings'
import { getSessions } from '@/features/councils/api/get-sessions'
import { useTopics } from '@/features/councils/api/get-topics'
import { useCreateProposal } from '@/features/votes/api/create-proposal'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { useQuery } from '@/lib/api/use-query'
import { usePhotoUploads } from '@/lib/photos/use-photo-uploads'
import { routes, withQuery } from '@/lib/routes'
import { check, type Errors, type Field, fieldOf, initialForm, type Rule, ruleChange, toBody, type VoteForm } from './vote-form'

/** The vote form's state, what it loads (buildings, upcoming sessions, their agenda) and its submit. */
export function useVoteForm() {
  const router = useRouter()
  const communityId = router.params.communityId || undefined
  const [form, setForm] = useState<VoteForm>(() => initialForm())
  const [errors, setErrors] = useState<Errors>({})
  const photos = usePhotoUploads()
  const create = useCreateProposal()
  const buildings = useBuildings(communityId)
  const sessions = useQuery(communityId ? `votes/form/sessions/${communityId}` : null, () =>
    getSessions(communityId ?? '', { when: 'upcoming', limit: 20 }, { toast: false }),
  )
  const topics = useTopics(form.sessionId)
  const agenda = (topics.data?.items ?? []).filter((tp) => tp.status === 'accepted')

  /** Change some fields; `clear` names the errors the change answers. */
  const patch = (next: Partial<VoteForm>, clear: Field[] = []) => {
    setForm((f) => ({ ...f, ...next }))
    if (clear.length) setErrors((e) => ({ ...e, ...Object.fromEntries(clear.map((c) => [c, undefined])) }))
  }

  function setRule(rule: Rule) {
    const { next, clear } = ruleChange(form, rule)
    patch(next, clear)
  }

  async function submit() {
    if (!communityId) return
    const invalid = check(form)
    if (photos.uploading) return void Taro.showToast({ title: t.raise.photosUploading, icon: 'none' })
    if (Object.keys(invalid).length) {
      setErrors(invalid)
      return void Taro.showToast({ title: t.voteForm.fixFields, icon: 'none' })
    }
    try {
      const created = await create.mutateAsync({ communityId, body: toBody(form, photos.photoIds) })
      void Taro.showToast({ title: t.voteForm.saved, icon: 'none' })
      void Taro.redirectTo({ url: withQuery(routes.staffVote, { id: created.id }) })
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrorsOf(err, fieldOf))
    }
  }

  return { communityId, form, errors, patch, setRule, photos, buildings, sessions, topics, agenda, submit, saving: create.loading }
}

export type VoteFormState = ReturnType<typeof useVoteForm>
