import Taro from '@tarojs/taro'

/**
 * Forms being filled in, kept on the phone (wx storage in weapp, localStorage in H5) so that
 * closing the app or losing the network loses nothing. One draft per form name on a phone, tied
 * to the person who wrote it and to a scope (e.g. the community); kept a week; all of them
 * forgotten when that person signs out.
 */
interface Stored<T> {
  userId: string
  scope: string
  savedAt: string
  data: T
}

const PREFIX = 'linli.draft.'
const KEEP_MS = 7 * 86_400_000

/** The saved draft of form `name`, if `userId` wrote it for `scope` within the week. */
export function readDraft<T>(name: string, userId: string, scope: string, now = Date.now()): { data: T; savedAt: string } | null {
  try {
    const s = Taro.getStorageSync(PREFIX + name) as Stored<T> | '' | undefined
    if (!s || typeof s !== 'object' || s.userId !== userId || s.scope !== scope) return null
    if (!(now - Date.parse(s.savedAt) < KEEP_MS)) return null
    return { data: s.data, savedAt: s.savedAt }
  } catch {
    return null
  }
}

export function saveDraft<T>(name: string, userId: string, scope: string, data: T, now = Date.now()) {
  try {
    Taro.setStorageSync(PREFIX + name, { userId, scope, savedAt: new Date(now).toISOString(), data } satisfies Stored<T>)
  } catch {
    // storage full or unavailable: the form still works, it just is not kept
  }
}

export function clearDraft(name: string) {
  try {
    Taro.removeStorageSync(PREFIX + name)
  } catch {
    // nothing kept
  }
}

/** Every draft on the phone (signing out). */
export function clearAllDrafts() {
  try {
    for (const key of Taro.getStorageInfoSync().keys) if (key.startsWith(PREFIX)) Taro.removeStorageSync(key)
  } catch {
    // nothing kept
  }
}
