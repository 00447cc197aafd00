import type { SessionKind } from '@domain/councils/kinds.js'
import { sessionKindInfo } from '@domain/councils/kinds.js'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { useCreateSession } from '@/features/councils/api/create-session'
import { useEditSession } from '@/features/councils/api/edit-session'
import { useSession } from '@/features/councils/api/get-session'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { routes, withQuery } from '@/lib/routes'
import { check, defaultsFor, type Errors, type Field, fieldOf, fromSession, type SessionForm, toBody, withKind } from './session-form'

/** Changes some fields and clears the errors of the fields named in `clear`. */
export type Patch = (next: Partial<SessionForm>, clear?: Field[]) => void

/** What a section of the form needs: the values, their errors and the way to change them. */
export interface SectionProps {
  form: SessionForm
  errors: Errors
  patch: Patch
}

/**
 * The session form's state and actions: a new session for `communityId`, or the session `id`
 * loaded once and then edited; submit checks, sends and goes on (to the new session, or back).
 */
export function useSessionForm() {
  const router = useRouter()
  const id = router.params.id || undefined
  const communityId = router.params.communityId || undefined
  const existing = useSession(id)
  const [form, setForm] = useState<SessionForm>(() => defaultsFor('monthly_council', sessionKindInfo.monthly_council.label))
  const [ready, setReady] = useState(!id)
  const [errors, setErrors] = useState<Errors>({})
  const create = useCreateSession()
  const edit = useEditSession()
  const busy = create.loading || edit.loading

  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: t.titles.sessionEdit })
  }, [id])
  useEffect(() => {
    if (!ready && existing.data) {
      setForm(fromSession(existing.data))
      setReady(true)
    }
  }, [ready, existing.data])

  const patch: Patch = (next, clear = []) => {
    setForm((f) => ({ ...f, ...next }))
    if (clear.length) setErrors((e) => ({ ...e, ...Object.fromEntries(clear.map((c) => [c, undefined])) }))
  }

  /** Another kind: its defaults, and its name as the title unless someone wrote their own. */
  const chooseKind = (k: SessionKind) => {
    if (form.kind === k) return
    const label = sessionKindInfo[form.kind].label
    setForm((f) => withKind({ ...f, title: !f.title.trim() || f.title === label ? sessionKindInfo[k].label : f.title }, k))
  }

  async function submit() {
    const invalid = check(form)
    if (Object.keys(invalid).length > 0) {
      setErrors(invalid)
      void Taro.showToast({ title: t.sessionForm.fixFields, icon: 'none' })
      return
    }
    try {
      if (id) {
        await edit.mutateAsync({ sessionId: id, body: toBody(form) })
        void Taro.showToast({ title: t.sessionForm.saved, icon: 'success' })
        setTimeout(() => void Taro.navigateBack(), 500)
      } else if (communityId) {
        const created = await create.mutateAsync({ communityId, body: toBody(form) })
        void Taro.showToast({ title: t.sessionForm.created, icon: 'none' })
        void Taro.redirectTo({ url: withQuery(routes.staffSession, { id: created.id }) })
      }
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrorsOf(err, fieldOf))
    }
  }

  return { id, communityId, existing, ready, form, errors, busy, patch, chooseKind, submit }
}
