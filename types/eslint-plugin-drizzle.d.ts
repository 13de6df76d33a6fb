// eslint-plugin-drizzle ships no type declarations.
declare module 'eslint-plugin-drizzle' {
  import type { ESLint } from 'eslint';

  const plugin: ESLint.Plugin;
  export default plugin;
}
