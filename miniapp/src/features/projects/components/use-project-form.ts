import { useState } from 'react'
import type { ResponsibleParty } from '@domain/councils/kinds.js'
import { parseYuan } from '@domain/projects/projects.js'
import { t } from '@/i18n/zh-cn'
import { chinaDate, chinaIso } from '@/lib/china-date'
import { type ProjectData, useCreateProject } from '../api/projects'
import { submitForm } from '@/lib/api/submit-form'

export type ProjectField = 'title' | 'description' | 'needIds' | 'resourceIds' | 'responsibleName' | 'deadline' | 'budgetFen'
const fields: ProjectField[] = ['title', 'description', 'needIds', 'resourceIds', 'responsibleName', 'deadline', 'budgetFen']
const DAY = 86_400_000

/** The 新建项目 form's state: what is typed and chosen, the errors per field, and sending it. */
export function useProjectForm(communityId: string, onDone: (p: ProjectData) => void, preset: { needIds?: string[] } = {}) {
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [needIds, setNeedIds] = useState<string[]>(preset.needIds ?? [])
  const [resourceIds, setResourceIds] = useState<string[]>([])
  const [party, setParty] = useState<ResponsibleParty>('community')
  const [partyName, setPartyName] = useState('')
  const [deadline, setDeadline] = useState(chinaDate(new Date(Date.now() + 30 * DAY).toISOString()))
  const [budget, setBudget] = useState('')
  const [errors, setErrors] = useState<Partial<Record<ProjectField, string>>>({})
  const [error, setError] = useState<string>()
  const create = useCreateProject(onDone)
  /** A change to a field clears that field's error. */
  const edit =
    (f: ProjectField, apply: (v: string) => void) =>
    (v: string): void => {
      apply(v)
      setErrors((x) => ({ ...x, [f]: undefined }))
    }
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id])

  async function submit() {
    const budgetFen = parseYuan(budget)
    if (budgetFen === undefined) return setErrors((x) => ({ ...x, budgetFen: t.projects.budgetInvalid }))
    await submitForm(
      fields,
      () =>
        create.mutateAsync({
          communityId,
          body: {
            title: title.trim(),
            description: description.trim(),
            needIds,
            resourceIds,
            responsibleParty: party,
            responsibleName: partyName.trim() || undefined,
            deadline: chinaIso(deadline, '18:00'),
            budgetFen,
          },
        }),
      { fields: setErrors, error: setError },
    )
  }

  return {
    values: { title, description, needIds, resourceIds, party, partyName, deadline, budget },
    set: {
      title: edit('title', setTitle),
      description: edit('description', setDescription),
      need: edit('needIds', (id: string) => setNeedIds((l) => toggle(l, id))),
      resource: edit('resourceIds', (id: string) => setResourceIds((l) => toggle(l, id))),
      party: setParty,
      partyName: edit('responsibleName', setPartyName),
      deadline: edit('deadline', setDeadline),
      budget: edit('budgetFen', setBudget),
    },
    errors,
    error,
    loading: create.loading,
    submit,
  }
}
