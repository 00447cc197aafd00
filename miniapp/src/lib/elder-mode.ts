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

let enabled = load()
applyToDocument(enabled)

export function isElderMode(): boolean {
  return enabled
}

export function setElderMode(next: boolean) {
  enabled = next
  applyToDocument(next)
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
