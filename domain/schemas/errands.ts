import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { errandActions, errandKinds, errandStatuses, stationLabels } from '../errands/errands.js'
import { Id, IsoTime } from './common.js'
import { text } from './text.js'

/**
 * The API contract of 党员家庭代办站: stations (a party member's household or a volunteer, the
 * buildings they serve, what they help with) and errands (what, where, when; the address and phone
 * only for the asker, the helper who accepted and staff).
 */

export const ErrandKind = /*#__PURE__*/ z.enum(errandKinds, { error: '请选择要帮忙的事' })
export const StationLabel = /*#__PURE__*/ z.enum(stationLabels, { error: '请选择党员家庭或志愿者' })
export const ErrandStatus = /*#__PURE__*/ z.enum(errandStatuses)
export const ErrandAction = /*#__PURE__*/ z.enum(errandActions)

const distinct = (what: string) => (ids: string[], ctx: z.RefinementCtx) => {
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: `${what}不能重复` })
}
const phone = z.string({ error: '请填写联系电话' }).regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入手机号或座机号')

// ——— Stations ———

const stationFields = onFirstUse(() => ({
  name: text({ label: '代办站名称', min: 2, max: 30 }),
  label: StationLabel,
  buildingIds: z.array(Id).min(1, '请至少选择一栋服务的楼').max(50).superRefine(distinct('楼栋')),
  kinds: z.array(ErrandKind).min(1, '请至少选择一项能帮的事').max(errandKinds.length).superRefine(distinct('帮忙的事')),
  note: text({ label: '说明', max: 200, multiline: true }).default(''),
  active: z.boolean({ error: '请选择是否在服务' }).default(true),
}))

export const StationInput = onFirstUse(() =>
  z.strictObject({
    /** The helper: a verified resident of the community (or one of its members). */
    helperId: Id,
    ...stationFields,
  }),
)

export const StationPatch = onFirstUse(() =>
  z
    .strictObject({
      name: stationFields.name.optional(),
      label: StationLabel.optional(),
      buildingIds: stationFields.buildingIds.optional(),
      kinds: stationFields.kinds.optional(),
      note: text({ label: '说明', max: 200, multiline: true }).optional(),
      active: z.boolean({ error: '请选择是否在服务' }).optional(),
    })
    .refine((v) => Object.keys(v).length > 0, { message: '请至少修改一项' }),
)

export const Station = onFirstUse(() =>
  z
    .object({
      id: Id,
      communityId: Id,
      name: z.string(),
      label: StationLabel,
      labelName: z.string(),
      buildings: z.array(z.object({ id: Id, name: z.string() })),
      kinds: z.array(ErrandKind),
      kindLabels: z.array(z.string()),
      note: z.string(),
      active: z.boolean(),
      /** Staff and the helper only; null for residents. */
      helper: z.object({ id: Id, nickname: z.string() }).nullable(),
      /** The caller keeps this station. */
      mine: z.boolean(),
    })
    .meta({ id: 'ErrandStation' }),
)

export const StationList = onFirstUse(() => z.object({ items: z.array(Station) }).meta({ id: 'ErrandStationList' }))

// ——— Errands ———

const errandFields = onFirstUse(() => ({
  kind: ErrandKind,
  what: text({ label: '要办的事', min: 4, max: 200, multiline: true, tooShort: '请至少用 4 个字说明要办的事' }),
  when: text({ label: '时间', min: 2, max: 40, required: '请填写希望什么时候办' }),
  buildingId: Id,
  /** Private: the asker, the helper who accepts, staff. */
  address: text({ label: '地址', min: 2, max: 60, required: '请填写门牌号，方便上门' }),
  /** Private, as the address. */
  contactPhone: phone,
}))

export const ErrandInput = onFirstUse(() => z.strictObject(errandFields))

/** A worker asks for a resident without a phone: the resident's name and the contact the worker types. */
export const OnBehalfInput = onFirstUse(() =>
  z.strictObject({
    ...errandFields,
    residentName: text({ label: '居民姓名', min: 1, max: 20 }),
  }),
)

export const ErrandsQuery = onFirstUse(() =>
  z.strictObject({
    /** mine: what I asked; helper: open in my stations' buildings and what I accepted; staff: the community's. */
    scope: z.enum(['mine', 'helper', 'staff']).default('mine'),
    status: ErrandStatus.optional(),
  }),
)

export const ConfirmInput = onFirstUse(() =>
  z.strictObject({
    thanks: text({ label: '感谢的话', max: 200, multiline: true }).default(''),
  }),
)

export const Errand = onFirstUse(() =>
  z
    .object({
      id: Id,
      communityId: Id,
      kind: ErrandKind,
      kindLabel: z.string(),
      what: z.string(),
      when: z.string(),
      building: z.object({ id: Id, name: z.string() }),
      status: ErrandStatus,
      statusLabel: z.string(),
      onBehalf: z.boolean(),
      /** I asked for it (or, on behalf, I am the worker who did). */
      mine: z.boolean(),
      /** I accepted it. */
      helping: z.boolean(),
      /** The station that accepted it; null until then. */
      station: z.object({ id: Id, name: z.string(), labelName: z.string() }).nullable(),
      /** Only for the asker, the helper who accepted and staff; null for a helper who has not accepted. */
      contact: z
        .object({
          address: z.string(),
          phone: z.string(),
          /** Who it is for: the resident named by staff, or the asker's nickname. */
          name: z.string(),
        })
        .nullable(),
      thanks: z.string().nullable(),
      /** Points paid to the helper when the asker confirmed. */
      points: z.number().int().nullable(),
      /** The steps the caller may take now. */
      actions: z.array(ErrandAction),
      createdAt: IsoTime,
      acceptedAt: IsoTime.nullable(),
      doneAt: IsoTime.nullable(),
      confirmedAt: IsoTime.nullable(),
      cancelledAt: IsoTime.nullable(),
    })
    .meta({ id: 'Errand' }),
)

export const ErrandList = onFirstUse(() => z.object({ items: z.array(Errand) }).meta({ id: 'ErrandList' }))
