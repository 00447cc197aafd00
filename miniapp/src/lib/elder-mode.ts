import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'

/**
 * 长辈模式: larger type, larger touch targets, stronger contrast. Remembered in storage and applied
 * by every page's <Screen> root (class `screen--elder`, which overrides the design tokens).
 */
const KEY = 'linli.elderMode'
const listeners = new Set<() => void>()

function load(): boolean {
  try {
    return Taro.getStorageSync(KEY) === true
  } catch {
    return false
  }
}

/**
 * H5: 长辈模式 also reaches what Taro draws outside the pages (tab bar, showModal, showToast),
 * through an `elder` class on <html> (app.scss).
 */
function applyToDocument(on: boolean) {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  document.documentElement.classList.toggle('elder', on)
}

/**
 * weapp: WeChat's own tab bar cannot take larger labels, but its colours can be darker (the
 * grey labels pass 4.5:1 either way; 长辈模式 goes further, as on the pages). It only changes while
 * a tab page is on screen: called when the mode changes (from 首页's offer or 我的, both tabs) and
 * each time the app comes to the front; a refusal off a tab page is ignored.
 */
export function applyToTabBar(on: boolean = enabled) {
  if (process.env.TARO_ENV !== 'weapp') return
  Taro.setTabBarStyle({
    color: on ? '#2f343d' : '#5c6370',
    selectedColor: on ? '#9a2e12' : '#b8391a',
    backgroundColor: '#ffffff',
    borderStyle: on ? 'black' : 'white',
  }).catch(() => undefined)
}

let enabled = load()
applyToDocument(enabled)

export function isElderMode(): boolean {
  return enabled
}

export function setElderMode(next: boolean) {
  enabled = next
  applyToDocument(next)
  applyToTabBar(next)
  try {
    Taro.setStorageSync(KEY, next)
  } catch {
    // keep the in-memory value even if storage is full
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function useElderMode(): [boolean, (next: boolean) => void] {
  const value = useSyncExternalStore(subscribe, isElderMode, isElderMode)
  return [value, setElderMode]
}
