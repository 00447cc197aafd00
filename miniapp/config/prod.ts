import type { UserConfigExport } from '@tarojs/cli'

/** Release builds: minified JS and CSS (Taro's defaults), quiet logs. */
export default {
  logger: { quiet: true, stats: false },
  mini: {},
  h5: {
    /** Keep the H5 bundle readable enough to debug from test failures: no source maps shipped. */
    enableSourceMap: false,
  },
} satisfies UserConfigExport<'webpack5'>
