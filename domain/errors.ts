/**
 * Stable error codes for programs, with the Chinese message a person sees. The HTTP layer maps
 * codes to statuses; the mini-program shows `message` as is.
 */
export const errorCatalog = {
  BAD_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请检查后重试' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录凭证无效或已过期，请重新进入小程序' },
  FORBIDDEN: { status: 403, message: '没有权限进行此操作' },
  NOT_FOUND: { status: 404, message: '要找的内容不存在' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持此请求方法' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容太大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请以 JSON 格式提交（content-type: application/json）' },
  CLAIM_ALREADY_PENDING: { status: 409, message: '您已提交过该房屋的认证申请，请等待社区审核' },
  CLAIM_ALREADY_VERIFIED: { status: 409, message: '您已是该房屋的认证居民' },
  CLAIM_NOT_PENDING: { status: 409, message: '该申请已处理，不能重复审核' },
  PHOTO_MISSING: { status: 400, message: '请选择要上传的照片' },
  PHOTO_TYPE_UNSUPPORTED: { status: 415, message: '只能上传 JPG、PNG 或 WebP 格式的照片' },
  PHOTO_UNREADABLE: { status: 400, message: '照片已损坏或无法识别，请换一张' },
  PHOTO_TOO_LARGE: { status: 413, message: '照片太大了，单张不能超过 10 MB' },
  PHOTO_NOT_YOURS: { status: 400, message: '只能使用自己上传的照片' },
  CONTENT_REFUSED: { status: 422, message: '内容可能含有不当信息，请修改后再提交' },
  NOT_A_MEMBER: { status: 403, message: '请先认证房屋或加入该社区后再反映诉求' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, message: '这次提交与之前的不一致，请刷新后重新提交' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, message: '请求标识（Idempotency-Key）格式不对' },
  CONCERN_CHANGED: { status: 409, message: '诉求状态刚刚发生了变化，请刷新后再试' },
  TRANSITION_NOT_ALLOWED: { status: 409, message: '诉求当前状态不能进行此操作' },
  MERGE_TARGET_INVALID: { status: 409, message: '只能合并到本社区另一条未办结的诉求' },
  ASSIGNEE_INVALID: { status: 400, message: '承办人须是本社区的工作人员或共建单位' },
  CRON_FORBIDDEN: { status: 401, message: '定时任务凭证无效' },
  SIGNATURE_INVALID: { status: 401, message: '消息签名无效' },
  DEV_LOGIN_DISABLED: { status: 404, message: '演示登录未开启' },
  RATE_LIMITED: { status: 429, message: '操作太频繁了，请稍后再试' },
  STORAGE_UNAVAILABLE: { status: 503, message: '照片暂时无法保存，请稍后重试' },
  WECHAT_UNAVAILABLE: { status: 503, message: '微信服务暂时不可用，请稍后再试' },
  DATABASE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  INTERNAL: { status: 500, message: '服务出错了，请稍后再试' },
  SESSION_CHANGED: { status: 409, message: '议事会状态刚刚发生了变化，请刷新后再试' },
  SESSION_TRANSITION_NOT_ALLOWED: { status: 409, message: '议事会当前状态不能进行此操作' },
  TOPICS_PENDING: { status: 409, message: '还有议题待处理，请先列入议程、顺延或不予采纳' },
  TOPIC_TRANSITION_NOT_ALLOWED: { status: 409, message: '议题当前状态不能进行此操作' },
  TRACKED_TRANSITION_NOT_ALLOWED: { status: 409, message: '跟踪事项当前状态不能这样修改' },
  TRACKED_CHANGED: { status: 409, message: '跟踪事项刚刚被别人更新了，请刷新后再试' },
  RESPONSIBLE_WORKER_INVALID: { status: 400, message: '负责人须是本社区的工作人员' },
  BOOKING_CLOSED: { status: 409, message: '这场议事会现在不接受议题申报' },
  BOOKING_DEADLINE_PASSED: { status: 409, message: '议题申报已截止，请申报下一次议事会' },
  AGENDA_FULL: { status: 409, message: '议程已排满，请申报下一次议事会' },
  TOO_MANY_PENDING_TOPICS: { status: 409, message: '您在这场议事会待审核的议题已达上限，请等社区处理后再申报' },
  CONCERN_ALREADY_ON_AGENDA: { status: 409, message: '这条诉求已经列入议事会议程，不需要重复申报' },
  CONCERN_NOT_ELIGIBLE: { status: 400, message: '只能关联自己反映或附议过的本社区诉求' },
  DEFER_TARGET_INVALID: { status: 409, message: '只能顺延到本社区之后一场尚未召开的议事会' },
  REGISTRATION_NOT_OPEN: { status: 409, message: '这场议事会还没有开放报名' },
  REGISTRATION_CLOSED: { status: 409, message: '议事会已开始，报名已截止' },
  SESSION_CANCELLED: { status: 409, message: '这场议事会已取消' },
  CHECK_IN_NOT_OPEN: { status: 409, message: '现在不在签到时间内' },
  CHECK_IN_CODE_INVALID: { status: 400, message: '签到码不正确，请核对后重试' },
  VOTE_NOT_OPEN: { status: 409, message: '投票还没开始' },
  VOTE_CLOSED: { status: 409, message: '投票已截止，不能再投票' },
  VOTE_TRANSITION_NOT_ALLOWED: { status: 409, message: '表决当前状态不能进行此操作' },
  VOTE_CHANGED: { status: 409, message: '表决状态刚刚发生了变化，请刷新后再试' },
  NOT_IN_ELECTORATE: { status: 403, message: '您不在这次表决的投票范围内' },
  NOT_AN_OWNER: { status: 403, message: '业主表决只能由认证为业主的居民投票' },
  HOUSEHOLD_ALREADY_VOTED: { status: 409, message: '您家已有成员投过票了（每户一票）' },
  BALLOT_CHOICE_INVALID: { status: 400, message: '所选的选项不对，请重新选择' },
  RESULT_NOT_READY: { status: 409, message: '投票结束后才公布结果' },
  ELECTORATE_EMPTY: { status: 409, message: '投票范围内还没有可以投票的居民，暂不能发布表决' },
  GRID_BUILDING_TAKEN: { status: 409, message: '楼栋已在其他网格，请先从原网格移出' },
  GRID_NAME_TAKEN: { status: 409, message: '本社区已有同名网格' },
  MILESTONE_NOT_ALLOWED: { status: 409, message: '诉求当前状态不能记录这一节点' },
  PROPOSAL_TOPIC_INVALID: { status: 400, message: '只能关联本社区已列入议程的议题' },
  NEED_NOT_REVIEWABLE: { status: 409, message: '这条需求已审核过' },
  NEED_NOT_OPEN: { status: 409, message: '这条需求不在征集中' },
  NEED_NOT_LINKABLE: { status: 409, message: '这条需求已有项目，或尚未列入需求清单' },
  ROUND_EXISTS: { status: 409, message: '这场议事会已开过排序' },
  ROUND_NOT_OPEN: { status: 409, message: '排序不在进行中' },
  DOTS_EXCEEDED: { status: 409, message: '点数不够了' },
  POINTS_NOT_ENOUGH: { status: 409, message: '积分不够兑换这件物品' },
  OUT_OF_STOCK: { status: 409, message: '这件物品已经兑完了' },
  ITEM_UNAVAILABLE: { status: 409, message: '这件物品已下架' },
  CODE_ALREADY_USED: { status: 409, message: '这个兑换码已经领取过了' },
  REDEMPTION_CANCELLED: { status: 409, message: '这个兑换已取消，积分已退回' },
  REDEMPTION_EXPIRED: { status: 409, message: '这个兑换码已过期，积分已退回' },
  GOOD_DEED_ALREADY_REVIEWED: { status: 409, message: '这条好人好事已经审核过了' },
  ERRAND_NOT_ALLOWED: { status: 409, message: '这件代办当前的状态不能这样操作' },
  ERRAND_CHANGED: { status: 409, message: '这件代办刚刚有了变化，请刷新后再试' },
  STATION_HELPER_TAKEN: { status: 409, message: '这位居民已有一个代办站' },
  RESOURCE_WITHDRAWN: { status: 409, message: '这项资源已撤回，不能再修改或用于新项目' },
  ACTIVITY_FULL: { status: 409, message: '名额已满，请关注其他志愿活动' },
  ACTIVITY_STARTED: { status: 409, message: '活动已经开始' },
  ACTIVITY_CANCELLED: { status: 409, message: '这个志愿活动已取消' },
  ACTIVITY_NOT_ENDED: { status: 409, message: '活动结束后才能签退、确认时长' },
  ACTIVITY_SIGNED_OFF: { status: 409, message: '这个活动已经签退过了' },
  ENTRY_NOT_REVERSIBLE: { status: 409, message: '这条积分记录不能更正（已更正过、本身是更正或兑换记录，或余额不足以扣回）' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof errorCatalog

/** Field-level messages in Chinese for zod issues: the field is named so a person can fix it. */
export function fieldIssueMessage(path: string, code: string, expected?: string): string {
  const field = path || '请求'
  switch (code) {
    case 'invalid_type':
      return expected === 'undefined' || expected === 'never' ? `不应包含字段「${field}」` : `字段「${field}」缺失或类型不对`
    case 'unrecognized_keys':
      return `${field}包含未知字段`
    case 'too_small':
      return `字段「${field}」太短或太小`
    case 'too_big':
      return `字段「${field}」太长或太大`
    case 'invalid_format':
    case 'invalid_string':
      return `字段「${field}」格式不对`
    case 'invalid_value':
    case 'invalid_enum_value':
      return `字段「${field}」的取值不在允许范围内`
    default:
      return `字段「${field}」不合法`
  }
}
