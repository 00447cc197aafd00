import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { Id, IsoTime, PageQuery, page } from './common.js'

/**
 * A resident's own data (个人信息保护法 art. 45): everything the service keeps about them, in one
 * JSON download. Their own ballots show their own choices; nobody else's appear.
 */
export const MyDataExport = onFirstUse(() =>
  z
    .object({
      exportedAt: IsoTime,
      profile: z.object({
        id: Id,
        nickname: z.string(),
        avatarUrl: z.string().nullable(),
        phone: z.string().nullable().meta({ description: '完整手机号（只在本人的导出中出现）' }),
        wechatLinked: z.boolean(),
        createdAt: IsoTime,
        lastSeenAt: IsoTime.nullable(),
      }),
      memberships: z.array(z.object({ communityId: Id, communityName: z.string(), role: z.string(), since: IsoTime })),
      claims: z.array(
        z.object({
          id: Id,
          communityId: Id,
          address: z.string(),
          relation: z.string(),
          status: z.string(),
          reason: z.string().nullable(),
          createdAt: IsoTime,
          reviewedAt: IsoTime.nullable(),
        }),
      ),
      concerns: z.array(
        z.object({
          id: Id,
          publicNo: z.string(),
          communityId: Id,
          category: z.string(),
          description: z.string(),
          placeText: z.string().nullable(),
          visibility: z.string(),
          anonymous: z.boolean(),
          status: z.string(),
          rating: z.number().int().nullable(),
          ratingComment: z.string().nullable(),
          createdAt: IsoTime,
        }),
      ),
      cosigned: z.array(z.object({ concernId: Id, at: IsoTime })),
      following: z.array(z.object({ concernId: Id, at: IsoTime })),
      photos: z.array(z.object({ id: Id, url: z.string(), uploadedAt: IsoTime })),
      topics: z.array(
        z.object({
          id: Id,
          sessionId: Id,
          title: z.string(),
          reason: z.string(),
          status: z.string(),
          decisionReason: z.string().nullable(),
          createdAt: IsoTime,
        }),
      ),
      registrations: z.array(z.object({ sessionId: Id, sessionTitle: z.string(), status: z.string(), at: IsoTime })),
      ballots: z.array(
        z.object({
          proposalId: Id,
          proposalTitle: z.string(),
          choices: z.array(z.string()).meta({ description: '本人所投的选项（只有本人看得到）' }),
          at: IsoTime,
        }),
      ),
      notifications: z.array(z.object({ title: z.string(), body: z.string(), createdAt: IsoTime, readAt: IsoTime.nullable() })),
      /** 道德银行: one's own ledger entries, 爱心超市 redemptions and 好人好事 reports. */
      points: z.array(z.object({ communityId: Id, amount: z.number().int(), kind: z.string(), reason: z.string(), createdAt: IsoTime })),
      redemptions: z.array(
        z.object({ communityId: Id, itemName: z.string(), price: z.number().int(), status: z.string(), createdAt: IsoTime }),
      ),
      goodDeeds: z.array(z.object({ communityId: Id, text: z.string(), status: z.string(), createdAt: IsoTime })),
      /** 志愿活动: one's own sign-ups, their outcome and the minutes credited. */
      volunteerSignups: z.array(
        z.object({
          communityId: Id,
          activityTitle: z.string(),
          status: z.string(),
          creditedMinutes: z.number().int().nullable(),
          createdAt: IsoTime,
        }),
      ),
      /** 党员家庭代办站: the errands one asked (with the contact one gave), those one ran for others (no one else's contact), one's 代办站. */
      errandsAsked: z.array(
        z.object({
          communityId: Id,
          kind: z.string(),
          what: z.string(),
          when: z.string(),
          address: z.string(),
          contactPhone: z.string(),
          residentName: z.string().nullable(),
          onBehalf: z.boolean(),
          status: z.string(),
          thanks: z.string().nullable(),
          createdAt: IsoTime,
        }),
      ),
      errandsRun: z.array(
        z.object({
          communityId: Id,
          kind: z.string(),
          what: z.string(),
          when: z.string(),
          status: z.string(),
          thanks: z.string().nullable(),
          createdAt: IsoTime,
        }),
      ),
      errandStations: z.array(
        z.object({ communityId: Id, name: z.string(), label: z.string(), kinds: z.array(z.string()), note: z.string() }),
      ),
    })
    .meta({ id: 'MyDataExport' }),
)

export const DeleteAccountInput = onFirstUse(() =>
  z.strictObject({
    confirm: z.literal('注销', { error: '请在「confirm」中填写「注销」以确认注销账号' }),
  }),
)

export const AccountDeleted = onFirstUse(() => z.object({ deleted: z.literal(true), deletedAt: IsoTime }))

export const AuditQuery = PageQuery

export const AuditEntry = onFirstUse(() =>
  z.object({
    id: Id,
    at: IsoTime,
    actor: z.object({ id: Id.nullable(), name: z.string(), role: z.string() }),
    action: z.string().meta({ description: '如 concern.accept、claim.approve、topic.decide、vote.open' }),
    subject: z.object({ type: z.string(), id: Id.nullable() }),
    data: z.record(z.string(), z.unknown()).nullable(),
  }),
)

export const AuditPage = onFirstUse(() => page(AuditEntry).meta({ id: 'AuditPage' }))
