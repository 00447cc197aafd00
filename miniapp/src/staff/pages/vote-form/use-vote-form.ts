import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { useBuildings } from '@/features/communities/api/get-buildings'
import { getSessions } from '@/features/councils/api/get-sessions'
import { useTopics } from '@/features/councils/api/get-topics'
import { useCreateProposal } from '@/features/votes/api/create-proposal'
import { useProposal } from '@/features/votes/api/get-proposal'
import { useUpdateProposal } from '@/features/votes/api/update-proposal'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { useQuery } from '@/lib/api/use-query'
import { usePhotoUploads } from '@/lib/photos/use-photo-uploads'
import { routes, withQuery } from '@/lib/routes'
import {
  check,
  type Errors,
  type Field,
  fieldOf,
  fromProposal,
  initialForm,
  type Rule,
  ruleChange,
  toBody,
  type VoteForm,
} from './vote-form'

/**
 * The vote form's state, what it loads (buildings, upcoming sessions, their agenda) and its submit.
 * With `?id=` it changes that draft: the form starts from it and saving replaces it.
 */
export function useVoteForm() {
  const router = useRouter()
  const draftId = router.params.id || undefined
  const draft = useProposal(draftId)
  const communityId = router.params.communityId || draft.data?.communityId || undefined
  const [form, setForm] = useState<VoteForm>(() => initialForm())
  const [errors, setErrors] = useState<Errors>({})
  const [filledFrom, setFilledFrom] = useState<string>()
  const photos = usePhotoUploads()
  const create = useCreateProposal()
  const update = useUpdateProposal()

  // The draft fills the form once, when it arrives.
  const loaded = draft.data
  useEffect(() => {
    if (!loaded || filledFrom === loaded.id) return
    setFilledFrom(loaded.id)
    setForm(fromProposal(loaded))
    photos.preset(loaded.photos)
    void Taro.setNavigationBarTitle({ title: t.voteForm.editTitle })
  }, [loaded, filledFrom, photos.preset])
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
      const body = toBody(form, photos.photoIds)
      const saved = draftId ? await update.mutateAsync({ proposalId: draftId, body }) : await create.mutateAsync({ communityId, body })
      void Taro.showToast({ title: draftId ? t.voteForm.updated : t.voteForm.saved, icon: 'none' })
      void Taro.redirectTo({ url: withQuery(routes.staffVote, { id: saved.id }) })
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrorsOf(err, fieldOf))
    }
  }

  return {
    communityId,
    editing: !!draftId,
    loadingDraft: !!draftId && draft.loading,
    form,
    errors,
    patch,
    setRule,
    photos,
    buildings,
    sessions,
    topics,
    agenda,
    submit,
    saving: create.loading || update.loading,
  }
}

export type VoteFormState = ReturnType<typeof useVoteForm>
