import { View, Text, Button, Input, Textarea, Picker, Switch } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { responsiblePartyKinds, responsiblePartyLabels, type ResponsibleParty } from '@domain/councils/kinds.js'
import { DEFAULT_PUBLISH_DAYS, isOwnerRule, MAX_CHOICES, MAX_PUBLISH_DAYS, MIN_CHOICES } from '@domain/votes/kinds.js'
import { electorateKindLabels, voteRuleDescription, voteRuleLabels, votingUnitLabels } from '@domain/votes/labels.js'
import { Chips } from '@/components/chips'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonBox } from '@/components/skeleton'
import { useBuildings } from '@/features/communities/api/get-buildings'
import { getSessions } from '@/features/councils/api/get-sessions'
import { useTopics } from '@/features/councils/api/get-topics'
import { FormField } from '@/components/form-field'
import { Stepper } from '@/features/councils/components/stepper'
import { chinaClock, chinaDate, chinaIso } from '@/features/councils/format'
import { PhotoPicker } from '@/components/photos/photo-picker'
import { usePhotoUploads } from '@/lib/photos/use-photo-uploads'
import { useCreateProposal, type ProposalBody } from '@/features/votes/api/create-proposal'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { useQuery } from '@/lib/api/use-query'
import { cx } from '@/lib/format'
import { routes, withQuery } from '@/lib/routes'
import '@/features/votes/components/votes.scss'
import '../../shell.scss'
import './index.scss'

type Rule = ProposalBody['rule']
type Unit = ProposalBody['unit']
type ElectorateKind = ProposalBody['electorate']['kind']
type OptionKind = ProposalBody['options']['kind']

const rules = Object.keys(voteRuleLabels) as Rule[]
const units = Object.keys(votingUnitLabels) as Unit[]
const electorateKinds = Object.keys(electorateKindLabels) as ElectorateKind[]
const optionKinds: OptionKind[] = ['yes_no', 'choice']

type Field =
  | 'title'
  | 'text'
  | 'photos'
  | 'topic'
  | 'options'
  | 'electorate'
  | 'unit'
  | 'rule'
  | 'quorum'
  | 'window'
  | 'publishDays'
  | 'onApproval'
type Errors = Partial<Record<Field, string>>

const fieldByPath: Record<string, Field> = {
  title: 'title',
  text: 'text',
  photoIds: 'photos',
  topicId: 'topic',
  options: 'options',
  electorate: 'electorate',
  unit: 'unit',
  rule: 'rule',
  quorumPercent: 'quorum',
  opensAt: 'window',
  closesAt: 'window',
  publishDays: 'publishDays',
  liveResults: 'publishDays',
  onApproval: 'onApproval',
}
const fieldOf = (path: string): Field | null => fieldByPath[path.split('.')[0]] ?? null

interface Form {
  title: string
  text: string
  topicId?: string
  sessionId?: string
  optionKind: OptionKind
  choices: string[]
  maxChoices: number
  electorate: ElectorateKind
  buildingIds: string[]
  unitIds: string[]
  unit: Unit
  rule: Rule
  quorum: number
  opensDate: string
  opensTime: string
  closesDate: string
  closesTime: string
  publishDays: number
  liveResults: boolean
  onApproval: boolean
  party: ResponsibleParty
  partyName: string
  deadlineDate: string
}

const DAY = 86_400_000

function initialForm(): Form {
  const now = new Date().toISOString()
  const closes = new Date(Date.now() + 7 * DAY).toISOString()
  return {
    title: '',
    text: '',
    optionKind: 'yes_no',
    choices: ['', ''],
    maxChoices: 1,
    electorate: 'residents',
    buildingIds: [],
    unitIds: [],
    unit: 'resident',
    rule: 'simple_majority',
    quorum: 0,
    opensDate: chinaDate(now),
    opensTime: chinaClock(now),
    closesDate: chinaDate(closes),
    closesTime: '20:00',
    publishDays: DEFAULT_PUBLISH_DAYS,
    liveResults: false,
    onApproval: false,
    party: 'community',
    partyName: '',
    deadlineDate: chinaDate(new Date(Date.now() + 37 * DAY).toISOString()),
  }
}

function toBody(f: Form, photoIds: string[]): ProposalBody {
  const choices = f.choices.map((c) => c.trim()).filter(Boolean)
  return {
    title: f.title.trim(),
    text: f.text.trim(),
    photoIds,
    topicId: f.topicId,
    options:
      f.optionKind === 'yes_no'
        ? { kind: 'yes_no' }
        : { kind: 'choice', choices, maxChoices: Math.min(f.maxChoices, Math.max(1, choices.length)) },
    electorate:
      f.electorate === 'households' ? { kind: 'households', buildingIds: f.buildingIds, unitIds: f.unitIds } : { kind: f.electorate },
    unit: f.unit,
    rule: f.rule,
    quorumPercent: f.rule === 'simple_majority' && f.quorum > 0 ? f.quorum : undefined,
    opensAt: chinaIso(f.opensDate, f.opensTime),
    closesAt: chinaIso(f.closesDate, f.closesTime),
    publishDays: f.publishDays,
    liveResults: f.liveResults,
    onApproval:
      f.topicId && f.onApproval
        ? { responsibleParty: f.party, responsibleName: f.partyName.trim() || undefined, deadline: chinaIso(f.deadlineDate, '18:00') }
        : undefined,
  }
}

/** What the form can tell before the server does (the server checks everything again, naming the field). */
function check(f: Form): Errors {
  const out: Errors = {}
  if (f.title.trim().length < 2) out.title = '标题至少 2 个字'
  if (f.text.trim().length < 5) out.text = '方案内容至少 5 个字'
  if (f.optionKind === 'choice') {
    const choices = f.choices.map((c) => c.trim()).filter(Boolean)
    if (choices.length < MIN_CHOICES) out.options = `至少 ${MIN_CHOICES} 个选项`
    else if (new Set(choices).size !== choices.length) out.options = '选项不能重复'
  }
  if (f.electorate === 'households' && !f.buildingIds.length && !f.unitIds.length) out.electorate = '请至少选择一栋楼或一个单元'
  if (f.electorate === 'attendees' && !f.topicId) out.electorate = '到会居民表决须关联议事会的议题'
  if (Date.parse(chinaIso(f.closesDate, f.closesTime)) <= Date.parse(chinaIso(f.opensDate, f.opensTime)))
    out.window = '截止时间须晚于开始时间'
  else if (Date.parse(chinaIso(f.closesDate, f.closesTime)) <= Date.now()) out.window = '截止时间须晚于现在'
  return out
}

/** 发起表决: the proposal, what can be chosen, who votes and how ballots count, the rule, the window; saved as a draft. */
export default function VoteFormPage() {
  const router = useRouter()
  const communityId = router.params.communityId || undefined
  const [form, setForm] = useState<Form>(initialForm)
  const [errors, setErrors] = useState<Errors>({})
  const photos = usePhotoUploads()
  const create = useCreateProposal()
  const buildings = useBuildings(communityId)
  const sessions = useQuery(communityId ? `votes/form/sessions/${communityId}` : null, () =>
    getSessions(communityId!, { when: 'upcoming', limit: 20 }, { toast: false }),
  )
  const topics = useTopics(form.sessionId)
  const agenda = (topics.data?.items ?? []).filter((tp) => tp.status === 'accepted')

  const patch = (next: Partial<Form>, clear: Field[] = []) => {
    setForm((f) => ({ ...f, ...next }))
    if (clear.length) setErrors((e) => ({ ...e, ...Object.fromEntries(clear.map((c) => [c, undefined])) }))
  }

  function setRule(rule: Rule) {
    // Owner votes count each household once, by area, among the chosen buildings' households.
    if (isOwnerRule(rule)) patch({ rule, unit: 'household', electorate: 'households', quorum: 0 }, ['rule', 'unit', 'electorate', 'quorum'])
    else patch({ rule, quorum: rule === 'simple_majority' ? form.quorum : 0 }, ['rule', 'quorum'])
  }

  function toggle(list: string[], id: string) {
    return list.includes(id) ? list.filter((x) => x !== id) : [...list, id]
  }

  async function submit() {
    const invalid = check(form)
    if (photos.uploading) return void Taro.showToast({ title: t.raise.photosUploading, icon: 'none' })
    if (Object.keys(invalid).length) {
      setErrors(invalid)
      return void Taro.showToast({ title: t.voteForm.fixFields, icon: 'none' })
    }
    try {
      const created = await create.mutateAsync({ communityId: communityId!, body: toBody(form, photos.photoIds) })
      void Taro.showToast({ title: t.voteForm.saved, icon: 'none' })
      void Taro.redirectTo({ url: withQuery(routes.staffVote, { id: created.id }) })
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrorsOf(err, fieldOf))
    }
  }

  if (!communityId) {
    return (
      <Screen testId='page-vote-form'>
        <EmptyState icon='alert' text={t.workbench.notStaff} />
      </Screen>
    )
  }

  const owner = isOwnerRule(form.rule)

  return (
    <Screen testId='page-vote-form' className='staff vote-form'>
      <FormField label={t.voteForm.titleLabel} error={errors.title} name='title'>
        <Input
          className='text-input'
          data-testid='vote-title-input'
          value={form.title}
          maxlength={60}
          placeholder={t.voteForm.titlePlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => patch({ title: e.detail.value }, ['title'])}
        />
      </FormField>

      <FormField label={t.voteForm.textLabel} error={errors.text} name='text'>
        <Textarea
          className='textarea'
          data-testid='vote-text-input'
          value={form.text}
          maxlength={5000}
          placeholder={t.voteForm.textPlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => patch({ text: e.detail.value }, ['text'])}
        />
      </FormField>

      <FormField label={t.voteForm.photos} error={errors.photos} name='photos'>
        <PhotoPicker uploads={photos} />
      </FormField>

      <FormField label={t.voteForm.topic} hint={t.voteForm.topicHint} error={errors.topic} name='topic'>
        {sessions.loading ? (
          <SkeletonBox height={64} />
        ) : (sessions.data?.items.length ?? 0) === 0 ? (
          <Text className='vote-form__note'>{t.voteForm.sessionsEmpty}</Text>
        ) : (
          <Chips
            items={[
              { key: '', label: t.voteForm.topicNone },
              ...sessions.data!.items.map((s) => ({ key: s.id, label: `${chinaDate(s.startsAt).slice(5)} ${s.title}` })),
            ]}
            value={form.sessionId ?? ''}
            onChange={(key) => patch({ sessionId: key || undefined, topicId: undefined }, ['topic'])}
            testIdPrefix='vote-session'
          />
        )}
        {form.sessionId ? (
          topics.loading ? (
            <SkeletonBox height={88} className='skeleton--line' />
          ) : agenda.length === 0 ? (
            <Text className='vote-form__note'>{t.voteForm.topicEmpty}</Text>
          ) : (
            <View className='vote-form__topics'>
              {agenda.map((tp) => (
                <View
                  key={tp.id}
                  className={cx('option-row', form.topicId === tp.id && 'option-row--selected')}
                  hoverClass='cell--hover'
                  onClick={() => patch({ topicId: form.topicId === tp.id ? undefined : tp.id }, ['topic', 'electorate'])}
                  data-testid='vote-topic'
                  data-topic-id={tp.id}
                  {...a11y({ role: 'button', selected: form.topicId === tp.id })}
                >
                  <View className='option-row__body'>
                    <Text className='option-row__title'>{tp.title}</Text>
                  </View>
                  {form.topicId === tp.id ? <Icon name='checkCircle' size={40} color={colors.brand} /> : null}
                </View>
              ))}
            </View>
          )
        ) : null}
      </FormField>

      <FormField label={t.voteForm.options} error={errors.options} name='options'>
        <View className='vote-form__choices-kind'>
          {optionKinds.map((k) => (
            <Pick
              key={k}
              on={form.optionKind === k}
              testId={`option-kind-${k}`}
              onClick={() => patch({ optionKind: k }, ['options'])}
              title={t.voteForm.optionKinds[k]}
            />
          ))}
        </View>
        {form.optionKind === 'choice' ? (
          <View className='vote-form__choices'>
            {form.choices.map((c, i) => (
              <View key={i} className='vote-form__choice'>
                <Input
                  className='text-input'
                  data-testid='choice-input'
                  value={c}
                  maxlength={40}
                  placeholder={i === 0 ? t.voteForm.choicePlaceholder : t.voteForm.choice(i + 1)}
                  placeholderClass='textarea__placeholder'
                  onInput={(e) => patch({ choices: form.choices.map((x, j) => (j === i ? e.detail.value : x)) }, ['options'])}
                />
                {form.choices.length > MIN_CHOICES ? (
                  <View
                    className='vote-form__remove'
                    hoverClass='cell--hover'
                    onClick={() =>
                      patch({
                        choices: form.choices.filter((_, j) => j !== i),
                        maxChoices: Math.min(form.maxChoices, form.choices.length - 1),
                      })
                    }
                    data-testid='choice-remove'
                    {...a11y({ role: 'button', label: t.voteForm.removeChoice })}
                  >
                    <Icon name='trash' size={36} color={colors.text2} />
                  </View>
                ) : null}
              </View>
            ))}
            {form.choices.length < MAX_CHOICES ? (
              <Button
                className='btn btn--outline btn--small'
                hoverClass='btn--hover'
                data-testid='choice-add'
                onClick={() => patch({ choices: [...form.choices, ''] })}
              >
                {t.voteForm.addChoice}
              </Button>
            ) : null}
            <Text className='vote-form__sublabel'>{t.voteForm.maxChoices}</Text>
            <Stepper
              value={form.maxChoices}
              onChange={(maxChoices) => patch({ maxChoices })}
              min={1}
              max={Math.max(1, form.choices.length)}
              unit={t.voteForm.maxChoicesUnit}
              testId='max-choices'
            />
          </View>
        ) : null}
        <Text className='vote-form__note'>{t.voteForm.abstainNote}</Text>
      </FormField>

      <FormField label={t.voteForm.electorate} error={errors.electorate} name='electorate'>
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
                {(buildings.data?.items ?? []).map((b) => {
                  const on = form.buildingIds.includes(b.id)
                  return (
                    <View
                      key={b.id}
                      className={cx('chip', on && 'chip--active')}
                      hoverClass='chip--hover'
                      data-testid='scope-building'
                      data-building-id={b.id}
                      onClick={() =>
                        patch(
                          {
                            buildingIds: toggle(form.buildingIds, b.id),
                            unitIds: form.unitIds.filter((u) => !b.units.some((x) => x.id === u)),
                          },
                          ['electorate'],
                        )
                      }
                      {...a11y({ role: 'button', selected: on })}
                    >
                      <Text>{b.name}</Text>
                    </View>
                  )
                })}
              </View>
              <Text className='vote-form__sublabel vote-form__sublabel--gap'>{t.voteForm.units}</Text>
              <View className='chips'>
                {(buildings.data?.items ?? [])
                  .filter((b) => !form.buildingIds.includes(b.id))
                  .flatMap((b) => b.units.map((u) => ({ id: u.id, label: `${b.name}${u.name}` })))
                  .map((u) => {
                    const on = form.unitIds.includes(u.id)
                    return (
                      <View
                        key={u.id}
                        className={cx('chip', on && 'chip--active')}
                        hoverClass='chip--hover'
                        data-testid='scope-unit'
                        data-unit-id={u.id}
                        onClick={() => patch({ unitIds: toggle(form.unitIds, u.id) }, ['electorate'])}
                        {...a11y({ role: 'button', selected: on })}
                      >
                        <Text>{u.label}</Text>
                      </View>
                    )
                  })}
              </View>
            </View>
          )
        ) : null}
      </FormField>

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
            onClick={() => setRule(r)}
            title={voteRuleLabels[r]}
            desc={voteRuleDescription(r)}
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
            <Text className='vote-form__note' data-testid='rule-preview'>
              {form.quorum > 0 ? voteRuleDescription('simple_majority', form.quorum) : t.voteForm.quorumNone}
            </Text>
          </View>
        ) : null}
      </FormField>

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
        <View className='switch-row vote-form__switch'>
          <View className='switch-row__text'>
            <Text className='switch-row__title'>{t.voteForm.liveResults}</Text>
            <Text className='switch-row__desc'>{t.voteForm.liveResultsDesc}</Text>
          </View>
          <Switch
            className='switch-row__switch'
            data-testid='live-results'
            checked={form.liveResults}
            color={colors.brand}
            onChange={(e) => patch({ liveResults: e.detail.value })}
          />
        </View>
      </FormField>

      {form.topicId ? (
        <FormField label={t.voteForm.onApproval} error={errors.onApproval} name='onApproval'>
          <View className='switch-row'>
            <View className='switch-row__text'>
              <Text className='switch-row__title'>{t.voteForm.onApprovalOn}</Text>
              <Text className='switch-row__desc'>{t.voteForm.onApprovalDesc}</Text>
            </View>
            <Switch
              className='switch-row__switch'
              data-testid='on-approval'
              checked={form.onApproval}
              color={colors.brand}
              onChange={(e) => patch({ onApproval: e.detail.value }, ['onApproval'])}
            />
          </View>
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
                maxlength={40}
                placeholderClass='textarea__placeholder'
                onInput={(e) => patch({ partyName: e.detail.value })}
              />
              <Text className='vote-form__sublabel vote-form__sublabel--gap'>{t.voteForm.deadline}</Text>
              <Picker
                mode='date'
                value={form.deadlineDate}
                onChange={(e) => patch({ deadlineDate: String(e.detail.value) }, ['onApproval'])}
              >
                <PickerValue icon='calendar' text={form.deadlineDate} testId='on-approval-deadline' />
              </Picker>
            </View>
          ) : null}
        </FormField>
      ) : null}

      <View className='vote-form__bar'>
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='vote-form-submit'
          disabled={create.loading}
          onClick={() => void submit()}
        >
          {create.loading ? t.common.submitting : t.voteForm.submit}
        </Button>
      </View>
    </Screen>
  )
}

/** One choice among several, with a line saying what it means. */
function Pick(props: { on: boolean; title: string; desc?: string; testId: string; disabled?: boolean; onClick: () => void }) {
  return (
    <View
      className={cx('option-row', 'vote-form__pick', props.on && 'option-row--selected', props.disabled && 'vote-form__pick--disabled')}
      hoverClass={props.disabled ? 'none' : 'cell--hover'}
      onClick={props.disabled ? undefined : props.onClick}
      data-testid={props.testId}
      data-selected={props.on ? 'true' : 'false'}
      {...a11y({ role: 'button', selected: props.on })}
    >
      <View className='option-row__body'>
        <Text className='option-row__title'>{props.title}</Text>
        {props.desc ? <Text className='option-row__desc'>{props.desc}</Text> : null}
      </View>
      <Icon name={props.on ? 'checkCircle' : 'chevronRight'} size={props.on ? 40 : 28} color={props.on ? colors.brand : colors.text3} />
    </View>
  )
}

function DateTime(props: {
  label: string
  date: string
  time: string
  testId: string
  onDate: (v: string) => void
  onTime: (v: string) => void
}) {
  return (
    <View className='vote-form__datetime'>
      <Text className='vote-form__sublabel'>{props.label}</Text>
      <View className='vote-form__row'>
        <View className='vote-form__half'>
          <Picker mode='date' value={props.date} onChange={(e) => props.onDate(String(e.detail.value))}>
            <PickerValue icon='calendar' text={props.date} testId={`${props.testId}-date`} />
          </Picker>
        </View>
        <View className='vote-form__half'>
          <Picker mode='time' value={props.time} onChange={(e) => props.onTime(String(e.detail.value))}>
            <PickerValue icon='clock' text={props.time} testId={`${props.testId}-time`} />
          </Picker>
        </View>
      </View>
    </View>
  )
}

function PickerValue({ icon, text, testId }: { icon: 'calendar' | 'clock'; text: string; testId: string }) {
  return (
    <View className='text-input vote-form__picker' data-testid={testId}>
      <Text>{text}</Text>
      <Icon name={icon} size={36} color={colors.text3} />
    </View>
  )
}
