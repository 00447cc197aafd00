import Taro from '@tarojs/taro'

export type SubscribeTopic = keyof typeof SUBSCRIBE_TEMPLATES

/**
 * Asks for permission to send one WeChat subscribe message about `topic` (诉求进度, 议事会通知 or 投票通知).
 * WeChat allows this only inside a tap handler and counts one message per "allow", so call it at
 * the start of the tap that creates the thing to follow (submit, follow, register), without
 * awaiting anything before it. A refusal or an unconfigured template changes nothing else: the
 * in-app 消息 list still has every notice. No-op outside weapp.
 */
export function askToSubscribe(topic: SubscribeTopic): void {
  if (process.env.TARO_ENV !== 'weapp') return
  const id = SUBSCRIBE_TEMPLATES[topic]
  if (!id) return
  // Taro's typing makes `entityIds` (group tasks) required; WeChat needs only `tmplIds` here.
  const option = { tmplIds: [id] } as Partial<Taro.requestSubscribeMessage.Option> as Taro.requestSubscribeMessage.Option
  Taro.requestSubscribeMessage(option).catch(() => undefined)
}
