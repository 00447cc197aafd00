import { Button, Input, Textarea } from '@tarojs/components'
import { useState } from 'react'
import { TOPIC_REASON_MAX, TOPIC_TITLE_MAX } from '@domain/limits.js'
import { type AffectedGroup, affectedGroupLabels, type NeedCategory, needCategoryLabels } from '@domain/needs/needs.js'
import { Chips } from '@/components/chips'
import { ErrorLine, FormField } from '@/components/form-field'
import { Sheet } from '@/components/sheet'
import { t } from '@/i18n/zh-cn'
import { type NeedData, useRaiseNeed } from '../api/needs'
import { submitForm } from '@/lib/api/submit-form'

type Field = 'title' | 'description' | 'category' | 'groups'
const fields: Field[] = ['title', 'description', 'category', 'groups']
const categories = Object.entries(needCategoryLabels).map(([key, label]) => ({ key: key as NeedCategory, label }))
const groupItems = Object.entries(affectedGroupLabels).map(([key, label]) => ({ key: key as AffectedGroup, label }))

/** Propose a need (a resident: waits for review) or create one (staff: open at once). */
export function NeedSheet(props: {
  communityId: string
  staff: boolean
  /** Staff: the concerns the need comes from (整理为需求 on a concern). */
  concernIds?: string[]
  onClose: () => void
  onDone: (n: NeedData) => void
}) {
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [category, setCategory] = useState<NeedCategory>('facilities')
  const [groups, setGroups] = useState<AffectedGroup[]>([])
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [error, setError] = useState<string>()
  const raise = useRaiseNeed(props.onDone)

  const submit = () =>
    submitForm(
      fields,
      () =>
        raise.mutateAsync({
          communityId: props.communityId,
          body: { title, description, category, groups, concernIds: props.concernIds ?? [] },
        }),
      { fields: setErrors, error: setError },
    )

  return (
    <Sheet
      title={props.staff ? t.needs.create : t.needs.propose}
      desc={props.staff ? (props.concernIds?.length ? t.needs.linkedConcern : undefined) : t.needs.proposeHint}
      onClose={props.onClose}
      testId='need-sheet'
      footer={
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='need-submit'
          disabled={raise.loading}
          onClick={() => void submit()}
        >
          {raise.loading ? t.common.submitting : t.needs.submit}
        </Button>
      }
    >
      <FormField label={t.needs.fieldTitle} error={errors.title} name='title'>
        <Input
          className='text-input'
          data-testid='need-title-input'
          value={title}
          maxlength={TOPIC_TITLE_MAX}
          placeholder={t.needs.fieldTitlePlaceholder}
          onInput={(e) => {
            setTitle(e.detail.value)
            setErrors((x) => ({ ...x, title: undefined }))
          }}
        />
      </FormField>
      <FormField label={t.needs.fieldDescription} error={errors.description} name='description'>
        <Textarea
          className='textarea textarea--short'
          data-testid='need-description-input'
          value={description}
          maxlength={TOPIC_REASON_MAX}
          fixed
          placeholder={t.needs.fieldDescriptionPlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => {
            setDescription(e.detail.value)
            setErrors((x) => ({ ...x, description: undefined }))
          }}
        />
      </FormField>
      <FormField label={t.needs.fieldCategory} error={errors.category} name='category'>
        <Chips items={categories} value={category} onChange={setCategory} testIdPrefix='need-category' />
      </FormField>
      <FormField label={t.needs.fieldGroups} hint={t.needs.fieldGroupsHint} error={errors.groups} name='groups'>
        <MultiChips items={groupItems} chosen={groups} onChange={setGroups} />
      </FormField>
      {error ? <ErrorLine text={error} /> : null}
    </Sheet>
  )
}

function MultiChips<K extends string>(props: { items: { key: K; label: string }[]; chosen: K[]; onChange: (v: K[]) => void }) {
  return (
    <Chips
      items={props.items.map((i) => ({ key: i.key, label: props.chosen.includes(i.key) ? `✓ ${i.label}` : i.label }))}
      value={undefined}
      testIdPrefix='need-group'
      onChange={(k) => props.onChange(props.chosen.includes(k) ? props.chosen.filter((x) => x !== k) : [...props.chosen, k])}
    />
  )
}
