import type { Category } from '../domain/concerns/categories.js'

/** The words of the seeded year of concerns: what residents write, what staff answer. `{b}` is the place. */

interface Rng {
  pick: <T>(xs: readonly T[]) => T
}

const descriptions: Record<Category, readonly string[]> = {
  noise: [
    '{b}楼上装修，电钻声从早上七点响到晚上，老人孩子都休息不好',
    '{b}附近广场舞音响声音太大，晚上九点以后还在放',
    '{b}楼下商铺的空调外机噪声很大，夜里睡不着',
  ],
  utilities: [
    '{b}突然停水了，没有看到任何通知，家里老人做不了饭',
    '{b}暖气不热，屋里只有十五六度，家里有老人孩子',
    '{b}楼道电表箱跳闸，整个单元都停电了',
    '{b}楼道里有很明显的燃气味，请尽快来人查看',
    '{b}地下室水管爆了，水已经漫到楼道口',
  ],
  sanitation: [
    '{b}门口的垃圾桶满了两天没人清运，味道很大',
    '{b}楼道里堆满了杂物和纸箱，影响通行也有火灾隐患',
    '{b}旁边绿化带里有人倒了建筑垃圾，一直没人清理',
  ],
  parking: [
    '{b}门前的消防通道经常被私家车占用',
    '{b}附近的电动车充电桩坏了两个，晚上排队充电',
    '外来车辆长期占用{b}附近的车位，业主停不进去',
  ],
  property: ['{b}单元门禁坏了一个星期，谁都能随便进出', '{b}电梯这个月停了好几次，老人上下楼很困难', '{b}楼道保洁不到位，一周都没有拖地'],
  facilities: [
    '{b}旁边的路灯坏了，晚上出门特别黑，老人不方便',
    '{b}附近的健身器材螺丝松动，孩子玩的时候有危险',
    '{b}门前的路面塌了一个坑，下雨天积水',
  ],
  renovation: ['{b}想加装电梯，希望社区帮忙组织业主协商', '{b}外墙皮大块脱落，下雨天屋里渗水', '{b}的老旧水管锈蚀严重，水龙头流出黄水'],
  safety: [
    '{b}楼道里有人私拉电线给电动车充电，很危险',
    '{b}旁边的大树歪得厉害，刮大风的时候怕倒下来',
    '{b}楼道的消防栓没有水，灭火器也过期了',
  ],
  dispute: ['{b}楼上卫生间漏水到我家，和邻居协商不成', '邻居在{b}楼道里长期堆放个人物品，说了也不听', '{b}有邻居遛狗不拴绳，孩子们很害怕'],
  other: ['希望社区在{b}附近多组织一些老年人活动', '{b}附近快递太多没地方放，建议增加快递柜', '建议在{b}附近增设几张休息座椅'],
}

/** What is raised about a place that is not a building (`{b}` is the place). */
const placeDescriptions: Record<Category, readonly string[]> = {
  noise: ['{b}的广场舞音响声音太大，晚上九点以后还在放', '{b}附近夜里经常有人聚集喧哗'],
  utilities: ['{b}的消防水管漏水，地面一直是湿的', '{b}的路灯线路裸露在外，下雨天怕漏电'],
  sanitation: ['{b}的垃圾桶满了两天没人清运，味道很大', '{b}旁边有人倒了建筑垃圾，一直没人清理'],
  parking: ['{b}的消防通道经常被私家车占用', '{b}的电动车充电桩坏了两个，晚上排队充电'],
  property: ['{b}的门禁坏了一个星期，谁都能随便进出', '{b}的保洁不到位，地面很脏'],
  facilities: ['{b}的路灯坏了，晚上出门特别黑', '{b}的健身器材螺丝松动，孩子玩的时候有危险', '{b}的路面塌了一个坑，下雨天积水'],
  renovation: ['{b}的路面和地下管网老化，希望纳入改造', '{b}的围墙破损，希望修缮'],
  safety: ['{b}有人私拉电线给电动车充电，很危险', '{b}旁边的大树歪得厉害，刮大风的时候怕倒下来'],
  dispute: ['{b}经常有人占用公共空间堆放物品', '{b}有人遛狗不拴绳，孩子们很害怕'],
  other: ['希望在{b}多组织一些老年人活动', '建议在{b}增设几张休息座椅', '{b}快递太多没地方放，建议增加快递柜'],
}

const places = ['小区东门', '小区南门', '地下车库', '中心广场', '社区服务站门口'] as const

const resolutions: Record<Category, readonly string[]> = {
  noise: ['已上门劝导，装修时间已调整为工作日 8:30–12:00、14:00–18:00', '已与广场舞队协商，音量调小并在 20:30 前结束'],
  utilities: [
    '已联系维修人员处理，供水（供电）已恢复',
    '已协调热力公司排气调试，室温恢复到 20 度以上',
    '燃气公司已到场检修，管线接口已更换',
  ],
  sanitation: ['垃圾已清运，已要求保洁每天两次巡查', '楼道杂物已清理完毕，通道已畅通'],
  parking: ['已张贴提示并联系车主挪车，消防通道已畅通', '充电桩已报修并修复'],
  property: ['物业已更换门禁控制器，恢复正常', '电梯已由维保单位检修，更换了门机部件', '已督促物业保洁，楼道已清扫'],
  facilities: ['路灯已更换灯泡，恢复照明', '健身器材已加固，螺丝已更换', '路面坑洞已修补'],
  renovation: ['已组织业主协商会，加装电梯意向征集中', '外墙脱落部分已修补，纳入明年改造计划', '已报街道纳入管网改造项目'],
  safety: ['飞线已拆除，已告知集中充电点位置', '危树已修剪加固', '消防栓已通水，灭火器已更换'],
  dispute: ['已组织双方调解，楼上已修好防水', '已与邻居沟通，楼道物品已清走', '已上门提醒文明养犬'],
  other: ['已纳入社区活动计划，下月开始', '已联系快递柜运营方选址', '已在广场增设座椅'],
}

const declineReasons = [
  '属于业主户内维修，请联系物业有偿服务（电话见单元门公告）',
  '不属于社区职责范围，已告知对应部门的电话',
  '经现场核实，反映的情况已不存在',
] as const

const ackNotes = ['已收到，马上安排人员处理', '已签收，正在联系相关单位', '收到，今天内上门查看'] as const
const praise = ['处理很及时，谢谢网格员', '师傅很负责，已经修好了', '满意，辛苦了', '反映当天就解决了，点赞'] as const
const complaints = ['问题没有彻底解决，过两天又坏了', '处理太慢了，等了好几天', '只是敷衍了一下，没有解决'] as const

/** The texts of one concern: its description at a building (`3号楼`) or a place of the community. */
export function historyText(rng: Rng, category: Category, buildingNo: number | null) {
  const place = rng.pick(places)
  const where = buildingNo ? `${buildingNo}号楼` : place
  return {
    description: rng.pick((buildingNo ? descriptions : placeDescriptions)[category]).replace('{b}', where),
    place,
    resolution: rng.pick(resolutions[category]),
    declineReason: rng.pick(declineReasons),
    ackNote: rng.pick(ackNotes),
    praise,
    complaints,
  }
}
