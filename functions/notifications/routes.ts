import { Hono } from 'hono'
import { MarkReadInput, NotificationPage, NotificationsQuery, UnreadCount } from '../../domain/schemas/notifications.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { jsonBody, queryOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { listNotifications } from './list.js'
import { markRead } from './service.js'

export const notificationsApi = new Hono<AppEnv>()
// The list reads the person with the page (decision 037): before the middleware that loads them alone.
notificationsApi.get('/', requireSignedIn, queryOf(NotificationsQuery), async (c) =>
  c.json(await listNotifications(c.var.deps.database.db, c.var.userId, c.req.valid('query'))),
)
notificationsApi.use('*', requireUser)

notificationsApi.post('/read', jsonBody(MarkReadInput), async (c) =>
  c.json(await markRead(c.var.deps.database.db, c.var.actor.userId, c.req.valid('json').ids, c.var.deps.now())),
)

export const notificationsDocs = [
  op({
    method: 'get',
    path: '/api/notifications',
    tag: 'notifications',
    summary: '我的消息（含未读数）',
    auth: true,
    query: NotificationsQuery,
    response: NotificationPage,
  }),
  op({
    method: 'post',
    path: '/api/notifications/read',
    tag: 'notifications',
    summary: '标记已读（不传 ids 则全部已读）',
    auth: true,
    body: MarkReadInput,
    example: { ids: ['a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'] },
    response: UnreadCount,
  }),
]
