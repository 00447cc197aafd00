import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { errandKindLabels, errandKinds } from '@domain/errands/errands.js'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { t } from '@/i18n/zh-cn'
import { nativeA11y } from '@/lib/a11y'
import type { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { useMutation } from '@/lib/api/use-mutation'
import { clearDraft, readDraft, saveDraft } from '@/lib/drafts'
import { askErrand, type ErrandForm, refreshErrands } from '../api/errands'
import './errands.scss'

type Field = keyof ErrandForm
const fields: Field[] = ['kind', 'what', 'when', 'buildingId', 'address', 'contactPhone', 'residentName']
const kindItems = errandKinds.map((k) => ({ key: k, label: errandKindLabels[k] }))

/** The form kept on the phone as it is typed, and last time's offered back (restored) when it reopens. */
function useErrandDraft(name: string, userId: string, scope: string, form: ErrandForm, setForm: (f: ErrandForm) => void) {
  const [restored, setRestored] = useState(false)
  const looked = useRef(false)
  useEffect(() => {
    if (looked.current) return
    looked.current = true
    const draft = readDraft<ErrandForm>(name, userId, scope)
    if (draft) {
      setForm(draft.data)
      setRestored(true)
    }
  }, [name, userId, scope, setForm])
  useEffect(() => {
    if (form.what || form.when) saveDraft(name, userId, scope, form)
  }, [form, name, userId, scope])
  return { restored, setRestored }
}

/**
 * 找人帮忙's form, for a resident or (onBehalf) a worker asking for a resident without a phone.
 * What is typed is kept on the phone as a draft (lib/drafts) and offered back when the form reopens.
 */
export function ErrandFormCard(props: {
  communityId: string
  userId: string
  /** The community's buildings (the page loads them). */
  buildings: ReadonlyArray<{ id: string; name: string }>
  onBehalf?: boolean
  defaults?: Partial<ErrandForm>
  onSent?: () => void
}) {
  const draftName = props.onBehalf ? 'errand-on-behalf' : 'errand'
  const empty: ErrandForm = { kind: '', what: '', when: '', buildingId: '', address: '', contactPhone: '', residentName: '' }
  const [form, setForm] = useState<ErrandForm>({ ...empty, ...props.defaults })
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const draft = useErrandDraft(draftName, props.userId, props.communityId, form, setForm)
  const send = useMutation(askErrand, { onSuccess: () => refreshErrands() })

  const set = (k: Field) => (v: string) => setForm((f) => ({ ...f, [k]: v }))
  async function onSubmit() {
    const body = { ...form }
    if (!props.onBehalf) delete body.residentName
    if (!body.kind) return setErrors({ kind: t.errands.pickOne })
    if (!body.buildingId) return setErrors({ buildingId: t.errands.pickOne })
    try {
      await send.mutateAsync({ communityId: props.communityId, onBehalf: !!props.onBehalf, form: body })
      clearDraft(draftName)
      setForm({ ...empty, ...props.defaults })
      setErrors({})
      draft.setRestored(false)
      void Taro.showToast({ title: t.errands.submitted, icon: 'none' })
      props.onSent?.()
    } catch (err) {
      const e = err as ApiError
      const found = fieldErrorsOf(e, (path) => (fields.includes(path as Field) ? (path as Field) : null))
      setErrors(Object.keys(found).length ? found : { what: e.message })
    }
  }

  const buildingItems = props.buildings.map((b) => ({ key: b.id, label: b.name }))
  return (
    <View className='errand-form' data-testid='errand-form'>
      {draft.restored ? <Text className='field__hint errand-form__note'>{t.errands.draftKept}</Text> : null}
      {props.onBehalf ? (
        <TextField
          name='residentName'
          label={t.errands.residentName}
          hint={t.errands.residentNameHint}
          value={form.residentName ?? ''}
          error={errors.residentName}
          onInput={set('residentName')}
        />
      ) : null}
      <FormField name='kind' label={t.errands.kind} error={errors.kind}>
        <Chips items={kindItems} value={form.kind as never} onChange={set('kind')} testIdPrefix='errand-kind' />
      </FormField>
      <FormField name='what' label={t.errands.what} error={errors.what}>
        <Textarea
          className='textarea textarea--short'
          data-testid='errand-what'
          value={form.what}
          maxlength={200}
          placeholder={t.errands.whatPlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => set('what')(e.detail.value)}
          {...nativeA11y({ label: t.errands.what })}
        />
      </FormField>
      <TextField
        name='when'
        label={t.errands.when}
        value={form.when}
        placeholder={t.errands.whenPlaceholder}
        error={errors.when}
        onInput={set('when')}
      />
      <FormField name='buildingId' label={t.errands.building} error={errors.buildingId}>
        <Chips items={buildingItems} value={form.buildingId} onChange={set('buildingId')} testIdPrefix='errand-building' />
      </FormField>
      <TextField
        name='address'
        label={t.errands.address}
        hint={t.errands.addressHint}
        value={form.address}
        error={errors.address}
        onInput={set('address')}
      />
      <TextField
        name='contactPhone'
        label={t.errands.phone}
        hint={t.errands.phoneHint}
        value={form.contactPhone}
        error={errors.contactPhone}
        onInput={set('contactPhone')}
        type='number'
      />
      <Button
        className='btn btn--primary btn--block'
        hoverClass='btn--hover'
        loading={send.loading}
        disabled={send.loading}
        onClick={() => void onSubmit()}
        data-testid='errand-submit'
      >
        {t.errands.submit}
      </Button>
    </View>
  )
}

function TextField(p: {
  name: Field
  label: string
  hint?: string
  value: string
  placeholder?: string
  error?: string
  type?: 'number'
  onInput: (v: string) => void
}) {
  return (
    <FormField name={p.name} label={p.label} hint={p.hint} error={p.error}>
      <Input
        className='text-input'
        type={p.type ?? 'text'}
        maxlength={60}
        value={p.value}
        placeholder={p.placeholder}
        data-testid={`errand-${p.name}`}
        onInput={(e) => p.onInput(e.detail.value)}
        {...nativeA11y({ label: p.label })}
      />
    </FormField>
  )
}
