import * as z from 'zod'

/**
 * The kinds of council session (docs/product.md, "Council sessions"): each with its label, a one-line
 * description for the 议事 tab, and the defaults a new session of that kind starts from.
 */
export const sessionKinds = ['monthly_council', 'weekly_forum', 'special_topic', 'round_table'] as const
export const SessionKind = /*#__PURE__*/ z.enum(sessionKinds)
export type SessionKind = z.infer<typeof SessionKind>

export interface SessionKindInfo {
  label: string
  description: string
  /** An icon name from the mini-program's icon set. */
  icon: string
  defaultCapacity: number
  defaultAgendaSlots: number
  defaultDurationMinutes: number
  /** Topic booking closes this many hours before the start. */
  defaultBookingLeadHours: number
  /** Whether the create form opens with the invited-parties section shown (any kind may invite). */
  invitesParties: boolean
}

export const sessionKindInfo: Record<SessionKind, SessionKindInfo> = {
  monthly_council: {
    label: '每月一议',
    description: '每月固定召开，把居民的急难愁盼摆上桌面，商量出解决办法',
    icon: 'calendar',
    defaultCapacity: 60,
    defaultAgendaSlots: 6,
    defaultDurationMinutes: 120,
    defaultBookingLeadHours: 72,
    invitesParties: false,
  },
  weekly_forum: {
    label: '邻里事周议',
    description: '每周一次，邻里小事随时议、及时办',
    icon: 'people',
    defaultCapacity: 30,
    defaultAgendaSlots: 4,
    defaultDurationMinutes: 90,
    defaultBookingLeadHours: 24,
    invitesParties: false,
  },
  special_topic: {
    label: '专题议事会',
    description: '一件大事专门商量，物业、业委会、设计和施工单位一起上桌',
    icon: 'hammer',
    defaultCapacity: 80,
    defaultAgendaSlots: 3,
    defaultDurationMinutes: 150,
    defaultBookingLeadHours: 72,
    invitesParties: true,
  },
  round_table: {
    label: '民情恳谈会',
    description: '围坐一桌听民声，面对面收集大家的意见和建议',
    icon: 'message',
    defaultCapacity: 20,
    defaultAgendaSlots: 5,
    defaultDurationMinutes: 90,
    defaultBookingLeadHours: 24,
    invitesParties: false,
  },
}

/** Who may be invited to sit at the table (专题协商议事会: "all parties at the table"). */
export const invitedPartyKinds = ['property_company', 'owners_committee', 'street_department', 'designer', 'builder'] as const
export const InvitedPartyKind = /*#__PURE__*/ z.enum(invitedPartyKinds)
export type InvitedPartyKind = z.infer<typeof InvitedPartyKind>

export const invitedPartyLabels: Record<InvitedPartyKind, string> = {
  property_company: '物业',
  owners_committee: '业委会',
  street_department: '街道部门',
  designer: '设计单位',
  builder: '施工单位',
}

/** Who carries out a resolution (决议): the community or one of the 三方联动 partners. */
export const responsiblePartyKinds = ['community', 'property_company', 'owners_committee', 'street_department'] as const
export const ResponsibleParty = /*#__PURE__*/ z.enum(responsiblePartyKinds)
export type ResponsibleParty = z.infer<typeof ResponsibleParty>

export const responsiblePartyLabels: Record<ResponsibleParty, string> = {
  community: '社区',
  property_company: '物业',
  owners_committee: '业委会',
  street_department: '街道部门',
}

/** The defaults a new session of `kind` starting at `startsAt` is filled in with. */
export function sessionDefaults(kind: SessionKind, startsAt: Date) {
  const info = sessionKindInfo[kind]
  return {
    endsAt: new Date(startsAt.getTime() + info.defaultDurationMinutes * 60_000),
    bookingDeadline: new Date(startsAt.getTime() - info.defaultBookingLeadHours * 3600_000),
    capacity: info.defaultCapacity,
    agendaSlots: info.defaultAgendaSlots,
  }
}
