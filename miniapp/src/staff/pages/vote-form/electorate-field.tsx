import { Text, View } from '@tarojs/components'
import { isOwnerRule } from '@domain/votes/kinds.js'
import { electorateKindLabels } from '@domain/votes/labels.js'
import { FormField } from '@/components/form-field'
import { SkeletonBox } from '@/components/skeleton'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import { Pick } from './pick'
import type { VoteFormState } from './use-vote-form'
import { type ElectorateKind, toggle } from './vote-form'

const electorateKinds = Object.keys(electorateKindLabels) as ElectorateKind[]

function ScopeChip(props: { label: string; on: boolean; testId: string; data: Record<string, string>; onClick: () => void }) {
  return (
    <View
      className={cx('chip', props.on && 'chip--active')}
      hoverClass='chip--hover'
      data-testid={props.testId}
      {...props.data}
      onClick={props.onClick}
      {...a11y({ role: 'button', pressed: props.on })}
    >
      <Text>{props.label}</Text>
    </View>
  )
}

/** 投票范围: attendees, verified residents, or the households of chosen buildings and units. */
export function ElectorateField({ state }: { state: VoteFormState }) {
  const { form, patch, buildings } = state
  const owner = isOwnerRule(form.rule)
  const all = buildings.data?.items ?? []
  const units = all
    .filter((b) => !form.buildingIds.includes(b.id))
    .flatMap((b) => b.units.map((u) => ({ id: u.id, label: t.voteForm.unitChip(b.name, u.name) })))
  return (
    <FormField label={t.voteForm.electorate} error={state.errors.electorate} name='electorate'>
      {electorateKinds.map((k) => (
        <Pick
          key={k}
          on={form.electorate === k}
          disabled={owner && k !== 'households'}
          testId={`electorate-${k}`}
          onClick={() => patch({ electorate: k }, ['electorate'])}
          title={t.voteForm.electorateKinds[k]}
          desc={t.voteForm.electorateDesc[k]}
        />
      ))}
      {form.electorate === 'households' ? (
        buildings.loading ? (
          <SkeletonBox height={120} className='skeleton--line' />
        ) : (
          <View className='vote-form__scope' data-testid='vote-scope'>
            <Text className='vote-form__sublabel'>{t.voteForm.buildings}</Text>
            <View className='chips'>
              {all.map((b) => (
                <ScopeChip
                  key={b.id}
                  label={b.name}
                  on={form.buildingIds.includes(b.id)}
                  testId='scope-building'
                  data={{ 'data-building-id': b.id }}
                  onClick={() =>
                    patch(
                      {
                        buildingIds: toggle(form.buildingIds, b.id),
                        unitIds: form.unitIds.filter((u) => !b.units.some((x) => x.id === u)),
                      },
                      ['electorate'],
                    )
                  }
                />
              ))}
            </View>
            <Text className='vote-form__sublabel vote-form__sublabel--gap'>{t.voteForm.units}</Text>
            <View className='chips'>
              {units.map((u) => (
                <ScopeChip
                  key={u.id}
                  label={u.label}
                  on={form.unitIds.includes(u.id)}
                  testId='scope-unit'
                  data={{ 'data-unit-id': u.id }}
                  onClick={() => patch({ unitIds: toggle(form.unitIds, u.id) }, ['electorate'])}
                />
              ))}
            </View>
          </View>
        )
      ) : null}
    </FormField>
  )
}
