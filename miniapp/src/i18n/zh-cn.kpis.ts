/** The residents' 三率 card on 首页. */
export const kpiCardText = {
  kpiCard: {
    title: '本月社区三率',
    empty: '—',
    samples: {
      response: (n: number) => `收到 ${n} 件`,
      resolution: (n: number) => `到期 ${n} 件`,
      satisfaction: (n: number) => `评价 ${n} 件`,
      composite: '三项加权',
    },
    noSample: '本月暂无',
    note: '按本社区全部诉求统计，不含任何个人信息',
    formulaToggle: '计算方法',
  },
} as const
