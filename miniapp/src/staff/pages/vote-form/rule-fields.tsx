import { Input, Picker, Text, View } from '@tarojs/components'
import { responsiblePartyKinds, responsiblePartyLabels } from '@domain/councils/kinds.js'
import { ORG_NAME_MAX } from '@domain/limits.js'
import { isOwnerRule, MAX_PUBLISH_DAYS } from '@domain/votes/kinds.js'
import { voteRuleDescription, voteRuleLabels, votingUnitLabels } from '@domain/votes/labels.js'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { SwitchRow } from '@/components/switch-row'
import { PickerValue } from '@/components/picker-value'
import { Stepper } from '@/features/councils/components/stepper'
import { t } from '@/i18n/zh-cn'
import { nativeA11y } from '@/lib/a11y'
import { DateTime, Pick } from './pick'
import type { VoteFormState } from './use-vote-form'
import type { Rule, Unit } from './vote-form'

const rules = Object.keys(voteRuleLabels) as Rule[]
const units = Object.keys(votingUnitLabels) as Unit[]

/** 计票单位 and 表决规则 (with the quorum of a simple majority). */
export function CountingFields({ state }: { state: VoteFormState }) {
  const { form, patch, errors } = state
  const owner = isOwnerRule(form.rule)
  return (
    <>
      <FormField label={t.voteForm.unit} error={errors.unit} name='unit'>
        <View className='vote-form__row'>
          {units.map((u) => (
            <Pick
              key={u}
              on={form.unit === u}
              disabled={owner && u !== 'household'}
              testId={`unit-${u}`}
              onClick={() => patch({ unit: u }, ['unit'])}
              title={votingUnitLabels[u]}
              desc={t.voteForm.unitDesc[u]}
            />
          ))}
        </View>
      </FormField>

      <FormField label={t.voteForm.rule} error={errors.rule ?? errors.quorum} name='rule'>
        {rules.map((r) => (
          <Pick
            key={r}
            on={form.rule === r}
            testId={`rule-${r}`}
            onClick={() => state.setRule(r)}
            title={voteRuleLabels[r]}
            desc={voteRuleDescription(r, null, form.optionKind)}
          />
        ))}
        {owner ? <Text className='vote-form__note vote-form__note--warn'>{t.voteForm.ownerHint}</Text> : null}
        {form.rule === 'simple_majority' ? (
          <View className='vote-form__quorum'>
            <Text className='vote-form__sublabel'>{t.voteForm.quorum}</Text>
            <Stepper
              value={form.quorum}
              onChange={(quorum) => patch({ quorum }, ['quorum'])}
              min={0}
              max={100}
              step={5}
              unit={t.voteForm.quorumUnit}
              testId='quorum'
            />
            <Text className={form.quorum > 0 ? 'vote-form__note' : 'vote-form__note vote-form__note--warn'} data-testid='rule-preview'>
              {form.quorum > 0 ? voteRuleDescription('simple_majority', form.quorum, form.optionKind) : t.voteForm.quorumNone}
            </Text>
          </View>
        ) : null}
      </FormField>
    </>
  )
}

/** 投票时间 and 结果公示 (with live counts or not). */
export function WindowFields({ state }: { state: VoteFormState }) {
  const { form, patch, errors } = state
  return (
    <>
      <FormField label={t.voteForm.window} error={errors.window} name='window'>
        <DateTime
          label={t.voteForm.opens}
          date={form.opensDate}
          time={form.opensTime}
          testId='vote-opens'
          onDate={(opensDate) => patch({ opensDate }, ['window'])}
          onTime={(opensTime) => patch({ opensTime }, ['window'])}
        />
        <DateTime
          label={t.voteForm.closes}
          date={form.closesDate}
          time={form.closesTime}
          testId='vote-closes'
          onDate={(closesDate) => patch({ closesDate }, ['window'])}
          onTime={(closesTime) => patch({ closesTime }, ['window'])}
        />
      </FormField>

      <FormField label={t.voteForm.publishDays} hint={t.voteForm.publishNone} error={errors.publishDays} name='publishDays'>
        <Stepper
          value={form.publishDays}
          onChange={(publishDays) => patch({ publishDays }, ['publishDays'])}
          min={0}
          max={MAX_PUBLISH_DAYS}
          unit={t.voteForm.publishUnit}
          testId='publish-days'
        />
        <SwitchRow
          className='vote-form__switch'
          title={t.voteForm.liveResults}
          desc={t.voteForm.liveResultsDesc}
          checked={form.liveResults}
          testId='live-results'
          onChange={(liveResults) => patch({ liveResults })}
        />
      </FormField>
    </>
  )
}

/** 通过后的落实: for an agenda item, who carries out an approved proposal, and by when. */
export function OnApprovalField({ state }: { state: VoteFormState }) {
  const { form, patch } = state
  return (
    <FormField label={t.voteForm.onApproval} error={state.errors.onApproval} name='onApproval'>
      <SwitchRow
        title={t.voteForm.onApprovalOn}
        desc={t.voteForm.onApprovalDesc}
        checked={form.onApproval}
        testId='on-approval'
        onChange={(onApproval) => patch({ onApproval }, ['onApproval'])}
      />
      {form.onApproval ? (
        <View>
          <Text className='vote-form__sublabel vote-form__sublabel--gap'>{t.voteForm.party}</Text>
          <Chips
            items={responsiblePartyKinds.map((k) => ({ key: k, label: responsiblePartyLabels[k] }))}
            value={form.party}
            onChange={(party) => patch({ party })}
            testIdPrefix='party'
          />
          <Text className='vote-form__sublabel vote-form__sublabel--gap'>{t.voteForm.partyName}</Text>
          <Input
            className='text-input'
            value={form.partyName}
            maxlength={ORG_NAME_MAX}
            placeholderClass='textarea__placeholder'
            onInput={(e) => patch({ partyName: e.detail.value })}
            {...nativeA11y({ label: t.voteForm.partyName })}
          />
          <Text className='vote-form__sublabel vote-form__sublabel--gap'>{t.voteForm.deadline}</Text>
          <Picker mode='date' value={form.deadlineDate} onChange={(e) => patch({ deadlineDate: String(e.detail.value) }, ['onApproval'])}>
            <PickerValue icon='calendar' text={form.deadlineDate} testId='on-approval-deadline' />
          </Picker>
        </View>
      ) : null}
    </FormField>
  )
}
