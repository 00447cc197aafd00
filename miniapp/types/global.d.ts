/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string
  export default src
}
declare module '*.svg' {
  const src: string
  export default src
}
declare module '*.scss'
declare module '*.css'

/**
 * Compile-time constant from miniapp/config/index.ts: `/api` in h5, `TARO_APP_API_BASE`
 * (default https://api.linli.example.cn/api) in weapp.
 */
declare const API_BASE: string

/** Compile-time: subscribe-message template ids from `TARO_APP_TEMPLATE_CONCERN` / `_COUNCIL` (empty: not configured). */
declare const SUBSCRIBE_TEMPLATES: { concern: string; council: string; vote: string }

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5' | string
    TARO_APP_API_BASE?: string
    TARO_APP_TEMPLATE_CONCERN?: string
    TARO_APP_TEMPLATE_COUNCIL?: string
    TARO_APP_TEMPLATE_VOTE?: string
  }
}
