import type { z } from 'zod'
import { chinaMinute, csvFile, type OpenDataKind, openDataFileNames, openDataFiles, openDataReadme } from '../../domain/board/open-data.js'
import { responsiblePartyLabels } from '../../domain/councils/kinds.js'
import { categories } from '../../domain/concerns/categories.js'
import { concernStatusLabels } from '../../domain/concerns/labels.js'
import { chinaDay } from '../../domain/kpis/period.js'
import { satisfactionLabels, satisfactionLevel } from '../../domain/kpis/formulas.js'
import type { BoardQuery } from '../../domain/schemas/board.js'
import { together } from '../../db/together.js'
import type { Deps } from '../context.js'
import { communityFrom, communityPart } from '../communities/index.js'
import { AppError } from '../http/errors.js'
import { publicKpiCardFrom, publicKpiCardParts } from '../kpis/index.js'
import { boardPeriod } from './board.js'
import { COMMON_AREA, receivedConcernsFrom, receivedConcernsPart } from './concerns.js'
import { allResolutionsPart, boardResolutionsFrom } from './resolutions.js'
import { allPublishedVotesPart, publishedVotesFrom } from './votes.js'

export const ZIP_TYPE = 'application/zip'

/**
 * 开放数据: the 公示栏's facts of a community's month as CSV files in a zip, with README.txt, for
 * anyone — other systems have no WeChat account (docs/decisions/026). De-identified: no name, room,
 * phone or resident's text; the place at most the building; vote counts, never a choice. A
 * month's public facts are small (hundreds of rows), so the zip is built in memory; fflate (which
 * builds its tables when loaded) is loaded on the first download, not on every cold start.
 */
export async function getOpenData(deps: Deps, communityId: string, q: z.output<typeof BoardQuery>) {
  const { db } = deps.database
  const now = deps.now()
  const period = boardPeriod(q.month, now)
  const month = period.from.slice(0, 7)
  // The community and every file's rows in one statement (decision 039); no actor: the data is open.
  const read = await together(db, {
    community: communityPart(db, communityId),
    ...publicKpiCardParts(db, communityId, period),
    concerns: receivedConcernsPart(db, communityId, period),
    resolutions: allResolutionsPart(db, communityId, period),
    votes: allPublishedVotesPart(db, communityId, period),
  })
  const community = communityFrom(read.community)
  if (!community) throw new AppError('NOT_FOUND', '社区不存在')
  const kpis = publicKpiCardFrom({ id: communityId, name: community.name }, period, read)
  const concerns = receivedConcernsFrom(read.concerns)
  const resolutions = boardResolutionsFrom(read.resolutions)
  const votes = publishedVotesFrom(read.votes, now)
  const r = kpis.rates
  const rows: Record<OpenDataKind, (string | number | null)[][]> = {
    kpis: [
      [
        month,
        community.name,
        kpis.samples.received,
        kpis.samples.due,
        kpis.samples.rated,
        r.response.percent,
        r.resolution.percent,
        r.satisfaction.percent,
        r.composite.percent,
        kpis.formula.join('；'),
      ],
    ],
    concerns: concerns.map((c) => [
      c.publicNo,
      categories[c.category].label,
      c.building ?? COMMON_AREA,
      chinaMinute(c.createdAt),
      chinaMinute(c.resolvedAt),
      c.resolvedAt ? (c.dueAt && c.resolvedAt.getTime() <= c.dueAt.getTime() ? '是' : '否') : '',
      concernStatusLabels[c.status],
      c.rating ? satisfactionLabels[satisfactionLevel(c.rating)] : '',
      c.reopenCount > 0 ? '是' : '否',
    ]),
    resolutions: resolutions.items.map((x) => [
      x.topic,
      x.text,
      responsiblePartyLabels[x.party],
      x.partyName,
      chinaDay(new Date(x.deadline)),
      chinaMinute(new Date(x.decidedAt)),
      x.session.title,
      x.statusLabel,
      x.progress,
    ]),
    votes: votes.items.map((v) => [
      v.title,
      v.session,
      v.ruleLabel,
      v.electorate,
      v.participants,
      v.participation,
      v.options.map((o) => `${o.label} ${o.count}`).join('；'),
      v.outcomeLabel,
      chinaMinute(new Date(v.publishedAt)),
      chinaMinute(new Date(v.publicUntil)),
    ]),
  }
  const counts = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length])) as Record<OpenDataKind, number>
  const { strToU8, zipSync } = await import('fflate')
  const files: Record<string, Uint8Array> = { 'README.txt': strToU8(openDataReadme(community.name, month, counts)) }
  for (const kind of Object.keys(openDataFiles) as OpenDataKind[])
    files[openDataFiles[kind].name] = strToU8(csvFile(openDataFiles[kind], rows[kind]))
  const zip = zipSync(files, { level: 6, mtime: now })
  return { zip, ...openDataFileNames(community.name, month) }
}
