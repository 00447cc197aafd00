import { Button, Input, Picker, Text, Textarea } from '@tarojs/components'
import { responsiblePartyKinds, responsiblePartyLabels } from '@domain/councils/kinds.js'
import { ORG_NAME_MAX } from '@domain/limits.js'
import { PROJECT_DESCRIPTION_MAX, PROJECT_TITLE_MAX } from '@domain/projects/projects.js'
import { Chips } from '@/components/chips'
import { ErrorLine, FormField } from '@/components/form-field'
import { PickerValue } from '@/components/picker-value'
import { Sheet } from '@/components/sheet'
import { t } from '@/i18n/zh-cn'
import { chinaDate } from '@/lib/china-date'
import type { ProjectData } from '../api/projects'
import { useProjectForm } from './use-project-form'
import './projects.scss'

export interface PickOption {
  id: string
  label: string
}

const parties = responsiblePartyKinds.map((k) => ({ key: k, label: responsiblePartyLabels[k] }))

/** Several choices as chips, each chosen one ticked (needs, resources). */
function PickMany(props: { items: PickOption[]; chosen: string[]; onToggle: (id: string) => void; testIdPrefix: string; none: string }) {
  if (!props.items.length) return <Text className='project-pick__none'>{props.none}</Text>
  return (
    <Chips
      items={props.items.map((i) => ({ key: i.id, label: props.chosen.includes(i.id) ? `✓ ${i.label}` : i.label }))}
      value={undefined}
      testIdPrefix={props.testIdPrefix}
      onChange={props.onToggle}
    />
  )
}

/** 新建项目: needs of the list matched to resources, who is responsible, by when, the budget if any. */
export function ProjectSheet(props: {
  communityId: string
  needs: PickOption[]
  resources: PickOption[]
  onClose: () => void
  onDone: (p: ProjectData) => void
}) {
  const f = useProjectForm(props.communityId, props.onDone)
  const v = f.values
  return (
    <Sheet
      title={t.projects.create}
      onClose={props.onClose}
      testId='project-sheet'
      footer={
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='project-submit'
          disabled={f.loading}
          onClick={() => void f.submit()}
        >
          {f.loading ? t.common.submitting : t.projects.submit}
        </Button>
      }
    >
      <FormField label={t.projects.fieldTitle} error={f.errors.title} name='title'>
        <Input
          className='text-input'
          data-testid='project-title-input'
          value={v.title}
          maxlength={PROJECT_TITLE_MAX}
          placeholder={t.projects.fieldTitlePlaceholder}
          onInput={(e) => f.set.title(e.detail.value)}
        />
      </FormField>
      <FormField label={t.projects.fieldDescription} error={f.errors.description} name='description'>
        <Textarea
          className='textarea textarea--short'
          data-testid='project-description-input'
          value={v.description}
          maxlength={PROJECT_DESCRIPTION_MAX}
          fixed
          placeholder={t.projects.fieldDescriptionPlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => f.set.description(e.detail.value)}
        />
      </FormField>
      <FormField label={t.projects.fieldNeeds} hint={t.projects.fieldNeedsHint} error={f.errors.needIds} name='needIds'>
        <PickMany items={props.needs} chosen={v.needIds} onToggle={f.set.need} testIdPrefix='project-need' none={t.projects.noNeeds} />
      </FormField>
      <FormField label={t.projects.fieldResources} hint={t.projects.fieldResourcesHint} error={f.errors.resourceIds} name='resourceIds'>
        <PickMany
          items={props.resources}
          chosen={v.resourceIds}
          onToggle={f.set.resource}
          testIdPrefix='project-resource'
          none={t.projects.noResources}
        />
      </FormField>
      <FormField label={t.projects.fieldParty} name='responsibleParty'>
        <Chips items={parties} value={v.party} onChange={f.set.party} testIdPrefix='project-party' />
      </FormField>
      <FormField label={t.projects.fieldPartyName} error={f.errors.responsibleName} name='responsibleName'>
        <Input
          className='text-input'
          data-testid='project-party-name-input'
          value={v.partyName}
          maxlength={ORG_NAME_MAX}
          placeholder={t.projects.fieldPartyNamePlaceholder}
          onInput={(e) => f.set.partyName(e.detail.value)}
        />
      </FormField>
      <FormField label={t.projects.fieldDeadline} error={f.errors.deadline} name='deadline'>
        <Picker
          mode='date'
          value={v.deadline}
          start={chinaDate(new Date().toISOString())}
          onChange={(e) => f.set.deadline(String(e.detail.value))}
        >
          <PickerValue icon='calendar' text={v.deadline} testId='project-deadline' />
        </Picker>
      </FormField>
      <FormField label={t.projects.fieldBudget} error={f.errors.budgetFen} name='budgetFen'>
        <Input
          className='text-input'
          data-testid='project-budget-input'
          type='digit'
          value={v.budget}
          maxlength={10}
          placeholder={t.projects.fieldBudgetPlaceholder}
          onInput={(e) => f.set.budget(e.detail.value)}
        />
      </FormField>
      {f.error ? <ErrorLine text={f.error} /> : null}
    </Sheet>
  )
}
