import { CHINA_OFFSET_MS } from '../councils/china-time.js'

/**
 * The open data of a community's month (开放数据): the 公示栏's facts as CSV files in one zip, for
 * other systems and for Excel. Pure: the files, their columns and what each column means, how a
 * cell is written. Never a name, a room, a phone or free text a resident wrote (docs/open-data.md).
 */

export type CsvCell = string | number | boolean | null | undefined

export interface OpenDataColumn {
  header: string
  /** One line in README.txt. */
  meaning: string
}

export interface OpenDataFile {
  name: string
  title: string
  /** What one row is, for README.txt. */
  row: string
  columns: readonly OpenDataColumn[]
}

const col = (header: string, meaning: string): OpenDataColumn => ({ header, meaning })

export const openDataFiles = {
  kpis: {
    name: 'kpis.csv',
    title: '本月社区三率',
    row: '一行：本月社区的响应率、解决率、满意率和综合得分（与 公示栏 的三率卡片相同）',
    columns: [
      col('月份', 'YYYY-MM，北京时间'),
      col('社区', '社区名称'),
      col('受理数', '本月收到的诉求数（响应率的分母）'),
      col('应办结数', '本月办结时限到期的诉求数（解决率的分母）'),
      col('评价数', '本月居民给出的评价数（满意率的分母）'),
      col('响应率', '按时签收 ÷ 收到，百分比保留一位小数；没有样本为「—」'),
      col('解决率', '已解决且未重办 ÷ 应办结'),
      col('满意率', '满意加权 ÷ 评价数（基本满意按街道设置的系数计）'),
      col('综合得分', '三率按街道设置的权重加权'),
      col('计算说明', '公式与权重，分号分隔'),
    ],
  },
  concerns: {
    name: 'concerns.csv',
    title: '诉求办理情况',
    row: '一行一件本月收到的公开诉求（居民选择不公开的诉求不在其中，但计入三率）',
    columns: [
      col('编号', '诉求的公开编号，如 WA-2026-000123'),
      col('类别', '诉求类别'),
      col('地点', '楼栋名称；不是关于某栋楼的为「社区公共区域」。从不含单元、房号'),
      col('受理时间', '收到诉求的时间，北京时间 YYYY-MM-DD HH:mm'),
      col('办结时间', '办结的时间；未办结为空'),
      col('是否按时办结', '是 / 否；未办结为空'),
      col('状态', '诉求当前的状态'),
      col('满意程度', '居民评价：非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意；未评价为空'),
      col('是否重办', '居民不满意后重新办理过：是 / 否'),
    ],
  },
  resolutions: {
    name: 'resolutions.csv',
    title: '议事决议',
    row: '一行一项本月形成的议事会决议',
    columns: [
      col('议题', '决议所针对的议题'),
      col('决议内容', '议事会记录的决议'),
      col('责任方', '社区 / 物业 / 业委会 / 街道部门'),
      col('责任单位', '责任方的单位名称（如有）'),
      col('完成时限', '北京时间 YYYY-MM-DD'),
      col('形成时间', '决议记录的时间，北京时间'),
      col('议事会', '形成决议的会议'),
      col('进度', '未开始 / 进行中 / 已完成 / 已搁置'),
      col('完成百分比', '0–100；未记录为空'),
    ],
  },
  votes: {
    name: 'votes.csv',
    title: '表决结果',
    row: '一行一项本月公示的表决结果。只有人数和比例，从不含任何人的选择',
    columns: [
      col('表决事项', '表决的方案'),
      col('议事会', '所属议事会；独立表决为空'),
      col('表决规则', '通过需要满足的规则'),
      col('名册（人/户）', '有权投票的人数或户数'),
      col('参与（人/户）', '参与投票的人数或户数'),
      col('参与率', '参与 ÷ 名册'),
      col('各选项票数', '「选项 票数」，分号分隔'),
      col('结果', '通过 / 未通过 / 参与不足'),
      col('公示开始', '北京时间'),
      col('公示截止', '北京时间'),
    ],
  },
} as const satisfies Record<string, OpenDataFile>

export type OpenDataKind = keyof typeof openDataFiles

/** UTF-8 byte order mark: Excel opens a CSV as UTF-8 only with it. */
export const BOM = '\uFEFF'

/** One cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'boolean' ? (value ? '是' : '否') : String(value)
  // A leading =, +, - or @ would run as a formula in Excel (CSV injection): quote it as text.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** A whole CSV file: BOM, header row, one line per row, CRLF line ends (RFC 4180, what Excel writes). */
export function csvFile(file: OpenDataFile, rows: readonly (readonly CsvCell[])[]): string {
  const lines = [file.columns.map((c) => csvCell(c.header)), ...rows.map((r) => r.map(csvCell))].map((cells) => cells.join(','))
  return `${BOM}${lines.join('\r\n')}\r\n`
}

/** README.txt: what the zip holds, one paragraph per file, one line per column. */
export function openDataReadme(community: string, month: string, counts: Record<OpenDataKind, number>): string {
  const parts = [
    `${community} ${month} 开放数据`,
    '',
    '本压缩包是社区公示栏上公开的事实，按月整理成 CSV 文件（UTF-8 带 BOM，逗号分隔，首行为表头，可直接用 Excel 或 WPS 打开）。',
    '时间均为北京时间。数据已去标识化：不含任何居民的姓名、房号、电话，也不含居民填写的文字；地点最多到楼栋；表决只有票数，不含任何人的选择。',
    '',
  ]
  for (const key of Object.keys(openDataFiles) as OpenDataKind[]) {
    const f: OpenDataFile = openDataFiles[key]
    parts.push(`${f.name}：${f.title}（${counts[key]} 行）`, `  ${f.row}`)
    for (const c of f.columns) parts.push(`  - ${c.header}：${c.meaning}`)
    parts.push('')
  }
  parts.push('接口说明：GET /api/communities/{communityId}/open-data.zip?month=YYYY-MM（见 /api/openapi.json）。')
  return `${BOM}${parts.join('\r\n')}\r\n`
}

/** `open-data-2026-11.zip`, and the name people see: `文安路社区-开放数据-2026-11.zip`. */
export function openDataFileNames(community: string, month: string) {
  return { fileName: `${community}-开放数据-${month}.zip`, asciiName: `open-data-${month}.zip` }
}

/** `2026-11-03 09:05` in China time (the open data's times); empty for none. */
export function chinaMinute(instant: Date | null | undefined): string {
  if (!instant) return ''
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}
