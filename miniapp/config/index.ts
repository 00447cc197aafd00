import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Taro build configuration for Linli's mini-program.
 *
 * Run from the repository root: `npm run build:weapp` / `npm run build:h5` (they `cd miniapp`).
 * Outputs land at the repository root: dist/weapp and dist/h5.
 */
const appRoot = path.resolve(__dirname, '..')
const repoRoot = path.resolve(appRoot, '..')
const domainDir = path.join(repoRoot, 'domain')

/**
 * Where the app finds the HTTP API (compile-time constant `API_BASE`).
 * - h5: `/api` on the same origin (`npm start` serves API + dist/h5 on one port).
 * - weapp: `TARO_APP_API_BASE` from the shell or a miniapp/.env file, default
 *   https://api.linli.example.cn/api. WeChat only calls whitelisted HTTPS domains with an ICP filing.
 */
function apiBase(platform: string | undefined): string {
  if (platform === 'h5') return '/api'
  return process.env.TARO_APP_API_BASE || 'https://api.linli.example.cn/api'
}

/** The slice of webpack-chain used here (its typings predate webpack 5's `extensionAlias`). */
type Chain = {
  resolve: { set: (key: string, value: unknown) => unknown }
  optimization: { get: (key: string) => unknown; set: (key: string, value: unknown) => unknown }
}

/** Domain code imports `./roles.js` meaning roles.ts (ESM style); let webpack follow that. */
function resolveTsFromJs(chain: Chain) {
  chain.resolve.set('extensionAlias', { '.js': ['.ts', '.tsx', '.js'] })
}

/**
 * H5 pages are lazy chunks. Taro splits only initial chunks, so every page chunk carried its own
 * copy of @tarojs/components and our shared components; split async chunks too.
 */
function shareChunksBetweenPages(chain: Chain) {
  const current = (chain.optimization.get('splitChunks') ?? {}) as Record<string, unknown>
  chain.optimization.set('splitChunks', { ...current, chunks: 'all' })
}

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli-miniapp',
    date: '2026-01-01',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: platform === 'h5' ? '../dist/h5' : `../dist/${platform ?? 'weapp'}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase(platform)),
      // Subscribe-message template ids (WeChat console → 订阅消息), the same the server sends with.
      SUBSCRIBE_TEMPLATES: JSON.stringify({
        concern: process.env.TARO_APP_TEMPLATE_CONCERN ?? '',
        council: process.env.TARO_APP_TEMPLATE_COUNCIL ?? '',
        vote: process.env.TARO_APP_TEMPLATE_VOTE ?? '',
      }),
    },
    alias: {
      '@': path.join(appRoot, 'src'),
      '@domain': domainDir,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      optimizeMainPackage: { enable: true },
      compile: { include: [domainDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        resolveTsFromJs(chain as unknown as Chain)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [domainDir] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        resolveTsFromJs(chain as unknown as Chain)
        shareChunksBetweenPages(chain as unknown as Chain)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
