/** Request examples for the councils operations in the OpenAPI document (checked against their schemas by the contract test). */
export const sessionExample = {
  kind: 'weekly_forum',
  title: '三月邻里事周议',
  description: '议一议小区停车和垃圾分类。',
  startsAt: '2026-03-13T19:00:00+08:00',
  endsAt: '2026-03-13T21:00:00+08:00',
  venue: '睦邻议事厅',
  capacity: 30,
  bookingDeadline: '2026-03-11T19:00:00+08:00',
  agendaSlots: 5,
  invitedParties: [{ kind: 'property_company', name: '安居物业' }],
}
