import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { type ResponsibleParty, responsiblePartyKinds, responsiblePartyLabels } from '@domain/councils/kinds.js'
import { ORG_NAME_MAX, RESOLUTION_TEXT_MAX, RESOLUTION_TEXT_MIN } from '@domain/limits.js'
import { Chips } from '@/components/chips'
import { colors } from '@/components/colors'
import { ErrorLine } from '@/components/form-field'
import { Icon } from '@/components/icon'
import { PickerValue } from '@/components/picker-value'
import type { AgendaItemData } from '@/features/councils/api/get-session'
import { useRecordResolution } from '@/features/councils/api/record-resolution'
import { useStaffDirectory } from '@/features/concerns/api/get-staff-directory'
import { chinaMoment } from '@/features/councils/format'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { chinaDate, chinaIso } from '@/lib/china-date'
import { cx } from '@/lib/format'

type Field = 'text' | 'responsibleName' | 'responsibleUserId' | 'deadline'
const parties = responsiblePartyKinds.map((k) => ({ key: k, label: responsiblePartyLabels[k] }))
const DAY = 86_400_000

function fieldOf(path: string): Field | null {
  const head = path.split('.')[0]
  return head === 'text' || head === 'responsibleName' || head === 'responsibleUserId' || head === 'deadline' ? head : null
}

/** One agenda item: why it is there, and its resolution (决议) with who carries it out and by when; or defer it. */
export function ResolutionForm({
  item,
  communityId,
  onRecorded,
  onDefer,
}: {
  item: AgendaItemData
  communityId: string
  onRecorded: () => void
  onDefer?: () => void
}) {
  const r = item.resolution
  const [text, setText] = useState(r?.text ?? '')
  const [party, setParty] = useState<ResponsibleParty>(r?.responsibleParty ?? 'community')
  const [name, setName] = useState(r?.responsibleName ?? '')
  const [deadline, setDeadline] = useState(chinaDate(r?.deadline ?? new Date(Date.now() + 30 * DAY).toISOString()))
  const [worker, setWorker] = useState('none')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const record = useRecordResolution()

  async function submit() {
    if (text.trim().length < RESOLUTION_TEXT_MIN) return setErrors({ text: t.run.resolutionTooShort(RESOLUTION_TEXT_MIN) })
    try {
      await record.mutateAsync({
        topicId: item.topicId,
        body: {
          text: text.trim(),
          responsibleParty: party,
          responsibleName: name.trim() || undefined,
          responsibleUserId: party === 'community' && worker !== 'none' ? worker : undefined,
          deadline: chinaIso(deadline, '18:00'),
        },
      })
      void Taro.showToast({ title: t.run.recorded, icon: 'success' })
      onRecorded()
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrorsOf(err, fieldOf))
    }
  }

  return (
    <View className='card run-item' data-testid='run-item' data-topic-id={item.topicId} data-resolved={r ? 'true' : 'false'}>
      <ItemHead item={item} />

      <View className={cx('sheet-field run-field', errors.text && 'sheet-field--error')}>
        <Text className='sheet-field__label'>{t.run.resolution}</Text>
        <Textarea
          className='textarea textarea--short'
          data-testid='resolution-input'
          value={text}
          maxlength={RESOLUTION_TEXT_MAX}
          placeholder={t.run.resolutionPlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => {
            setText(e.detail.value)
            setErrors((x) => ({ ...x, text: undefined }))
          }}
        />
        {errors.text ? <ErrorLine text={errors.text} /> : null}
      </View>
      <View className='sheet-field run-field'>
        <Text className='sheet-field__label'>{t.run.party}</Text>
        <Chips items={parties} value={party} onChange={setParty} testIdPrefix='party' />
      </View>
      {party === 'community' ? (
        <WorkerField communityId={communityId} value={worker} onChange={setWorker} error={errors.responsibleUserId} />
      ) : null}
      <View className={cx('sheet-field run-field', errors.responsibleName && 'sheet-field--error')}>
        <Text className='sheet-field__label'>{t.run.partyName}</Text>
        <Input
          className='text-input'
          data-testid='responsible-name-input'
          value={name}
          maxlength={ORG_NAME_MAX}
          placeholder={t.run.partyNamePlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => setName(e.detail.value)}
        />
        {errors.responsibleName ? <ErrorLine text={errors.responsibleName} /> : null}
      </View>
      <View className={cx('sheet-field run-field', errors.deadline && 'sheet-field--error')}>
        <Text className='sheet-field__label'>{t.run.deadline}</Text>
        <Picker
          mode='date'
          value={deadline}
          start={chinaDate(new Date().toISOString())}
          onChange={(e) => setDeadline(String(e.detail.value))}
        >
          <PickerValue icon='calendar' text={deadline} testId='resolution-deadline' />
        </Picker>
        {errors.deadline ? <ErrorLine text={errors.deadline} /> : null}
      </View>
      <Button
        className='btn btn--primary btn--block run-item__submit'
        hoverClass='btn--hover'
        data-testid='record-resolution'
        disabled={record.loading}
        onClick={() => void submit()}
      >
        {record.loading ? t.common.submitting : r ? t.run.update : t.run.record}
      </Button>
      {onDefer ? (
        <Button
          className='btn btn--plain btn--block btn--small run-item__defer'
          hoverClass='btn--hover'
          data-testid='run-defer'
          onClick={onDefer}
        >
          {t.run.defer}
        </Button>
      ) : null}
    </View>
  )
}

/** The item's number, title, time allotted and linked concern, why it is on the agenda, and the resolution already recorded. */
function ItemHead({ item }: { item: AgendaItemData }) {
  const r = item.resolution
  return (
    <>
      <View className='run-item__top'>
        <Text className='run-item__order'>{item.order}</Text>
        <View className='run-item__titles'>
          <Text className='run-item__title'>{item.title}</Text>
          <Text className='run-item__meta'>
            {t.run.allotted(item.minutes)}
            {item.concern ? ` · ${t.session.linkedConcern} ${item.concern.publicNo}` : ''}
          </Text>
        </View>
      </View>
      <Text className='run-item__label'>{t.run.reason}</Text>
      <Text className='run-item__reason'>{item.reason}</Text>

      {r ? (
        <View className='run-item__recorded' data-testid='run-recorded'>
          <Icon name='checkCircle' size={36} color={colors.success} />
          <Text>
            {t.run.done} · {r.responsibleName ?? r.responsiblePartyLabel} · {chinaMoment(r.deadline)}
          </Text>
        </View>
      ) : null}
    </>
  )
}

/** 社区 may name the worker responsible: the tracked item's updates and overdue notice go to them. */
function WorkerField(props: { communityId: string; value: string; onChange: (v: string) => void; error?: string }) {
  const staff = useStaffDirectory(props.communityId)
  const workers = [{ key: 'none', label: t.run.noWorker }, ...(staff.data?.workers ?? []).map((w) => ({ key: w.userId, label: w.name }))]
  if (workers.length < 2) return null
  return (
    <View className={cx('sheet-field run-field', props.error && 'sheet-field--error')}>
      <Text className='sheet-field__label'>{t.run.worker}</Text>
      <Chips items={workers} value={props.value} onChange={props.onChange} testIdPrefix='worker' scroll />
      {props.error ? <ErrorLine text={props.error} /> : null}
    </View>
  )
}
