import { Button, Input, Textarea } from '@tarojs/components'
import { useState } from 'react'
import { type ResourceKind, resourceKindLabels, type ResourceOwnerKind, resourceOwnerKindLabels } from '@domain/needs/needs.js'
import { Chips } from '@/components/chips'
import { ErrorLine, FormField } from '@/components/form-field'
import { Sheet } from '@/components/sheet'
import { t } from '@/i18n/zh-cn'
import { type ResourceBody, type ResourceData, useCreateResource, useEditResource } from '../api/needs'
import { submitForm } from '@/lib/api/submit-form'

type Field = 'ownerKind' | 'ownerName' | 'kind' | 'title' | 'description' | 'availability' | 'contactName' | 'contactPhone'
const fields: Field[] = ['ownerKind', 'ownerName', 'kind', 'title', 'description', 'availability', 'contactName', 'contactPhone']
const kinds = Object.entries(resourceKindLabels).map(([key, label]) => ({ key: key as ResourceKind, label }))
const owners = Object.entries(resourceOwnerKindLabels).map(([key, label]) => ({ key: key as ResourceOwnerKind, label }))
const texts: { field: Exclude<Field, 'ownerKind' | 'kind'>; label: string; long?: boolean; max: number }[] = [
  { field: 'ownerName', label: t.resources.owner, max: 40 },
  { field: 'title', label: t.resources.fieldTitle, max: 40 },
  { field: 'description', label: t.resources.description, long: true, max: 500 },
  { field: 'availability', label: t.resources.availability, max: 100 },
  { field: 'contactName', label: t.resources.contactName, max: 20 },
  { field: 'contactPhone', label: t.resources.contactPhone, max: 13 },
]

/**
 * Record a resource (staff: any owner) or offer one's own (a resident); the contact stays with
 * staff. With `editing`, the same form changes that resource (修改).
 */
export function ResourceSheet(props: {
  communityId: string
  staff: boolean
  editing?: ResourceData
  onClose: () => void
  onDone: () => void
}) {
  const e = props.editing
  const [body, setBody] = useState<ResourceBody>({
    ownerKind: e?.ownerKind ?? (props.staff ? 'unit' : 'resident'),
    ownerName: e?.ownerName ?? '',
    kind: e?.kind ?? 'skill',
    title: e?.title ?? '',
    description: e?.description ?? '',
    availability: e?.availability ?? '',
    contactName: e?.contact?.name ?? '',
    contactPhone: e?.contact?.phone ?? '',
  })
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [error, setError] = useState<string>()
  const create = useCreateResource(props.onDone)
  const edit = useEditResource(props.onDone)
  const saving = create.loading || edit.loading
  const set = (f: Field, v: string) => {
    setBody((b) => ({ ...b, [f]: v }))
    setErrors((x) => ({ ...x, [f]: undefined }))
  }

  const submit = () =>
    submitForm(fields, () => (e ? edit.mutateAsync({ id: e.id, body }) : create.mutateAsync({ communityId: props.communityId, body })), {
      fields: setErrors,
      error: setError,
    })

  return (
    <Sheet
      title={e ? t.resources.edit : props.staff ? t.resources.record : t.resources.offer}
      onClose={props.onClose}
      testId='resource-sheet'
      footer={
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='resource-submit'
          disabled={saving}
          onClick={() => void submit()}
        >
          {saving ? t.common.submitting : t.needs.submit}
        </Button>
      }
    >
      {props.staff ? (
        <FormField label={t.resources.ownerKind} error={errors.ownerKind} name='ownerKind'>
          <Chips items={owners} value={body.ownerKind} onChange={(k) => set('ownerKind', k)} testIdPrefix='resource-owner' />
        </FormField>
      ) : null}
      <FormField label={t.resources.kind} error={errors.kind} name='kind'>
        <Chips items={kinds} value={body.kind} onChange={(k) => set('kind', k)} testIdPrefix='resource-kind' />
      </FormField>
      {texts.map((x) => (
        <FormField
          key={x.field}
          label={x.label}
          hint={x.field.startsWith('contact') ? t.resources.contactHint : undefined}
          error={errors[x.field]}
          name={x.field}
        >
          {x.long ? (
            <Textarea
              className='textarea textarea--short'
              data-testid={`resource-${x.field}-input`}
              value={body[x.field]}
              maxlength={x.max}
              fixed
              placeholderClass='textarea__placeholder'
              onInput={(e) => set(x.field, e.detail.value)}
            />
          ) : (
            <Input
              className='text-input'
              data-testid={`resource-${x.field}-input`}
              type={x.field === 'contactPhone' ? 'number' : 'text'}
              value={body[x.field]}
              maxlength={x.max}
              onInput={(e) => set(x.field, e.detail.value)}
            />
          )}
        </FormField>
      ))}
      {error ? <ErrorLine text={error} /> : null}
    </Sheet>
  )
}
