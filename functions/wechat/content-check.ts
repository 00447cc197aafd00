import type { WechatClient } from './client.js'

/**
 * Residents' words and pictures are checked before other people see them (WeChat's rule for
 * user-generated content). `wechat` asks WeChat's security API; `local` passes everything and is
 * only for `npm start` and tests that are not about moderation.
 */
export interface ContentCheck {
  /** True only when the text may be shown to others. */
  textPasses(text: string, openid: string | null): Promise<boolean>
  /**
   * `pass` now, or `pending` with the trace id whose verdict arrives later (null: no automatic
   * verdict will come, staff review it). Until it passes, the image is hidden from others.
   */
  submitImage(url: string, openid: string | null): Promise<{ verdict: 'pass' } | { verdict: 'pending'; traceId: string | null }>
}

export function wechatContentCheck(wechat: WechatClient): ContentCheck {
  return {
    async textPasses(text, openid) {
      // WeChat checks text in the context of a user who used the mini-program recently; a
      // person without an openid cannot be checked, so their text is not shown.
      if (!openid) return false
      return (await wechat.checkText(text, openid, 3)) === 'pass'
    },
    async submitImage(url, openid) {
      if (!openid) return { verdict: 'pending', traceId: null }
      const { traceId } = await wechat.submitMediaCheck(url, openid)
      return { verdict: 'pending', traceId }
    },
  }
}

export const localContentCheck: ContentCheck = {
  textPasses: async () => true,
  submitImage: async () => ({ verdict: 'pass' }),
}
