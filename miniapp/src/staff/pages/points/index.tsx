import { Button, Image, Input, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Cell } from '@/components/cell'
import { EmptyState } from '@/components/empty-state'
import { FormField } from '@/components/form-field'
import { Screen } from '@/components/screen'
import { Tag } from '@/components/tag'
import {
  createItem,
  type ItemData,
  patchItem,
  refreshPoints,
  reviewGoodDeed,
  saveRules,
  useGoodDeeds,
  useItems,
  useAccounts,
  useRules,
} from '@/features/points/api/points'
import { t } from '@/i18n/zh-cn'
import { nativeA11y } from '@/lib/a11y'
import { type ApiError, mediaUrl } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { openPointsAccount } from '@/lib/routes'
import '../../shell.scss'
import '@/features/points/components/points.scss'

/**
 * 积分管理: the community's points rules, the 爱心超市's items (add, stock, on and off the shelf),
 * 好人好事 to review, and 居民积分 (each resident's entries, with 更正).
 */
export default function StaffPointsPage() {
  const communityId = useRouter().params.communityId || ''
  const rules = useRules(communityId || undefined)
  const items = useItems(communityId || undefined)
  const deeds = useGoodDeeds(communityId || undefined)
  usePullDownRefresh(async () => {
    await Promise.all([rules.refetch(), items.refetch(), deeds.refetch()])
    Taro.stopPullDownRefresh()
  })
  if (!communityId) {
    return (
      <Screen testId='page-staff-points'>
        <EmptyState icon='briefcase' text={t.workbench.notStaff} />
      </Screen>
    )
  }
  return (
    <Screen testId='page-staff-points' className='staff'>
      <AccountsCard communityId={communityId} />
      <RulesCard communityId={communityId} rules={rules.data?.rules} />
      <ItemsCard communityId={communityId} items={items.data?.items ?? []} />
      <View className='section-title'>{t.points.review}</View>
      <View className='card card--flush'>
        {deeds.data?.items.length ? null : <EmptyState icon='check' text={t.points.noPending} />}
        {deeds.data?.items.map((d) => (
          <View key={d.id} className='points-row points-row--stack' data-testid='review-deed'>
            <View className='points-row__body'>
              <Text className='points-row__title'>{d.text}</Text>
              {d.photoUrl ? (
                <Image
                  className='points-deed-photo'
                  src={mediaUrl(d.photoUrl)}
                  mode='aspectFill'
                  {...nativeA11y({ alt: t.points.deedPhoto })}
                />
              ) : null}
            </View>
            <View className='btn-row'>
              <Button
                className='btn btn--primary btn--small'
                hoverClass='btn--hover'
                onClick={() => void reviewGoodDeed({ id: d.id, verdict: 'approve' }).then(refreshPoints)}
                data-testid='deed-approve'
              >
                {t.points.approve}
              </Button>
              <Button
                className='btn btn--plain btn--small'
                hoverClass='btn--hover'
                onClick={() => void reviewGoodDeed({ id: d.id, verdict: 'reject', reason: t.points.rejectReason }).then(refreshPoints)}
                data-testid='deed-reject'
              >
                {t.points.reject}
              </Button>
            </View>
          </View>
        ))}
      </View>
    </Screen>
  )
}

function NumberField(props: { name: string; label: string; value: string; error?: string; onInput: (v: string) => void }) {
  return (
    <FormField name={props.name} label={props.label} error={props.error}>
      <Input
        className='text-input'
        type='number'
        maxlength={6}
        value={props.value}
        data-testid={`input-${props.name}`}
        onInput={(e) => props.onInput(e.detail.value)}
        {...nativeA11y({ label: props.label })}
      />
    </FormField>
  )
}

function RulesCard(props: { communityId: string; rules?: { kind: string; label: string; amount: number }[] }) {
  const [form, setForm] = useState<Record<string, string>>({})
  const [error, setError] = useState<string>()
  const save = useMutation(saveRules, { onSuccess: () => refreshPoints() })
  useEffect(() => {
    if (props.rules) setForm(Object.fromEntries(props.rules.map((r) => [r.kind, String(r.amount)])))
  }, [props.rules])
  async function onSave() {
    setError(undefined)
    try {
      await save.mutateAsync({
        communityId: props.communityId,
        rules: Object.fromEntries(Object.entries(form).map(([k, v]) => [k, Number(v)])),
      })
      void Taro.showToast({ title: t.points.rulesSaved, icon: 'success' })
    } catch (err) {
      setError((err as ApiError).message)
    }
  }
  return (
    <>
      <View className='section-title'>{t.points.rules}</View>
      <View className='points-form'>
        {(props.rules ?? []).map((r) => (
          <NumberField
            key={r.kind}
            name={`rule-${r.kind}`}
            label={r.label}
            value={form[r.kind] ?? ''}
            onInput={(v) => setForm((f) => ({ ...f, [r.kind]: v }))}
          />
        ))}
        {error ? <Text className='field__error'>{error}</Text> : null}
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          loading={save.loading}
          onClick={() => void onSave()}
          data-testid='rules-save'
        >
          {t.points.saveRules}
        </Button>
      </View>
    </>
  )
}

function ItemsCard(props: { communityId: string; items: ItemData[] }) {
  const [name, setName] = useState('')
  const [price, setPrice] = useState('')
  const [stock, setStock] = useState('')
  const [error, setError] = useState<string>()
  const add = useMutation(createItem, { onSuccess: () => refreshPoints() })
  async function onAdd() {
    setError(undefined)
    try {
      await add.mutateAsync({ communityId: props.communityId, name, price: Number(price), stock: Number(stock) })
      setName('')
      setPrice('')
      setStock('')
      void Taro.showToast({ title: t.points.itemAdded, icon: 'success' })
    } catch (err) {
      setError((err as ApiError).message)
    }
  }
  const change = (itemId: string, patch: Partial<ItemData>) => void patchItem({ itemId, patch }).then(refreshPoints)
  return (
    <>
      <View className='section-title'>{t.points.items}</View>
      <View className='card card--flush'>
        {props.items.map((i) => (
          <View key={i.id} className='points-row points-row--stack' data-testid='staff-item'>
            <View className='points-row__body'>
              <Text className='points-row__title'>{i.name}</Text>
              <Text className='points-row__desc'>{`${t.points.price(i.price)} · ${t.points.stock(i.stock)}`}</Text>
              {i.active ? null : <Tag>{t.points.offShelfTag}</Tag>}
            </View>
            <View className='btn-row'>
              <Button className='btn btn--plain btn--small' hoverClass='btn--hover' onClick={() => change(i.id, { stock: i.stock + 1 })}>
                {t.points.stockUp}
              </Button>
              <Button className='btn btn--plain btn--small' hoverClass='btn--hover' onClick={() => change(i.id, { active: !i.active })}>
                {i.active ? t.points.offShelf : t.points.onShelf}
              </Button>
            </View>
          </View>
        ))}
      </View>
      <View className='points-form'>
        <FormField name='item-name' label={t.points.itemName} error={error}>
          <Input
            className='text-input'
            value={name}
            maxlength={40}
            data-testid='input-item-name'
            onInput={(e) => setName(e.detail.value)}
            {...nativeA11y({ label: t.points.itemName })}
          />
        </FormField>
        <NumberField name='item-price' label={t.points.itemPrice} value={price} onInput={setPrice} />
        <NumberField name='item-stock' label={t.points.itemStock} value={stock} onInput={setStock} />
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          loading={add.loading}
          onClick={() => void onAdd()}
          data-testid='item-add'
        >
          {t.points.newItem}
        </Button>
      </View>
    </>
  )
}

/** 居民积分: the accounts by name (the first 200, or those whose name has the typed text); one opens its entries. */
function AccountsCard(props: { communityId: string }) {
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const accounts = useAccounts(props.communityId, q)
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300)
    return () => clearTimeout(timer)
  }, [typed])
  const items = accounts.data?.items
  return (
    <>
      <View className='section-title'>{t.points.accounts}</View>
      <View className='points-form'>
        <FormField name='accounts-q' label={t.points.accountsSearch} hint={t.points.accountsHint}>
          <Input
            className='text-input'
            value={typed}
            maxlength={20}
            data-testid='accounts-search'
            onInput={(e) => setTyped(e.detail.value)}
            {...nativeA11y({ label: t.points.accountsSearch })}
          />
        </FormField>
      </View>
      <View className='card card--flush points-accounts'>
        {items && !items.length ? <EmptyState icon='users' text={t.points.noAccounts} /> : null}
        {(items ?? []).slice(0, 30).map((a) => (
          <Cell
            key={a.userId}
            icon='user'
            title={a.name}
            value={t.points.accountBalance(a.balance)}
            arrow
            onClick={() => void openPointsAccount(props.communityId, a.userId)}
            testId='account-row'
          />
        ))}
      </View>
    </>
  )
}
