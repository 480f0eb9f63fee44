/**
 * What marks a file as browser code, and what marks it as server-only: React client hooks by
 * module, browser globals, folder names and server-only markers (directives, modules, file
 * paths, exports). Read by `analysis/http/browser-code.ts`; tables only.
 */

/**
 * Hooks that only run in a client component (React Server Components reject them), by the module
 * that exports them; `default` is the module's default export (`import useSWR from 'swr'`).
 * Hooks a Server Component may call (`use`, `useId`, `useMemo`, `useCallback`) are not listed.
 */
export const CLIENT_HOOKS: Readonly<Record<string, readonly string[]>> = {
  react: [
    'useState',
    'useReducer',
    'useEffect',
    'useLayoutEffect',
    'useInsertionEffect',
    'useRef',
    'useContext',
    'useImperativeHandle',
    'useSyncExternalStore',
    'useTransition',
    'useDeferredValue',
    'useOptimistic',
    'useActionState',
    'useEffectEvent',
  ],
  'react-dom': ['useFormStatus', 'useFormState'],
  '@tanstack/react-query': ['useQuery', 'useQueries', 'useInfiniteQuery', 'useMutation', 'useSuspenseQuery', 'useSuspenseInfiniteQuery', 'useQueryClient'],
  'react-query': ['useQuery', 'useQueries', 'useInfiniteQuery', 'useMutation', 'useQueryClient'],
  swr: ['default', 'useSWR', 'useSWRConfig'],
  'swr/infinite': ['default'],
  'swr/mutation': ['default'],
  '@apollo/client': ['useQuery', 'useLazyQuery', 'useMutation', 'useSubscription', 'useSuspenseQuery', 'useApolloClient'],
  'next/navigation': ['useRouter', 'usePathname', 'useSearchParams', 'useParams', 'useSelectedLayoutSegment', 'useSelectedLayoutSegments'],
  'next/router': ['useRouter'],
  'next-auth/react': ['useSession'],
  'react-router': ['useNavigate', 'useLocation', 'useParams', 'useSearchParams'],
  'react-router-dom': ['useNavigate', 'useLocation', 'useParams', 'useSearchParams'],
  'react-redux': ['useSelector', 'useDispatch', 'useStore'],
  'react-hook-form': ['useForm', 'useFormContext', 'useWatch'],
  jotai: ['useAtom', 'useAtomValue', 'useSetAtom'],
};

/**
 * Globals only a browser defines (Node has none of them but `navigator`, since Node 21, which
 * server code has no reason to read). Read outside a `typeof` guard, they mark browser code.
 */
export const BROWSER_GLOBALS: ReadonlySet<string> = new Set([
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'location',
  'history',
  'indexedDB',
  'matchMedia',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'IntersectionObserver',
  'ResizeObserver',
  'MutationObserver',
]);

/**
 * Names of flags that tell the browser from the server, for flags imported from another file
 * (`import { isBrowser } from '@/lib/env'`): true in a browser (`isBrowser`, `isClient`,
 * `inBrowser`, `canUseDOM`, `IS_BROWSER`, webpack's `process.browser`), or true on the server
 * (`isServer`, `isSSR`, `IS_SERVER`).
 */
export const BROWSER_FLAG = /^(?:(?:is|in)_?(?:browser|client|dom)|can_?use_?dom)$/iu;
export const SERVER_FLAG = /^is_?(?:server|ssr|node)$/iu;
/** `process.browser`: webpack's (and older Next.js's) flag, true in the browser bundle. */
export const PROCESS_BROWSER = 'browser';

/** Folders whose files are (client) components in a Next.js app. */
export const COMPONENT_FOLDERS: ReadonlySet<string> = new Set(['components', 'ui']);

/** Folders beside a components folder that make the tree a Next.js app (its routers). */
export const NEXT_APP_FOLDERS: readonly string[] = ['app', 'pages'];

/** The package.json dependency that makes a package a Next.js app. */
export const NEXT_PACKAGE = 'next';

/** File-level directives that make a file server code. */
export const SERVER_DIRECTIVES: ReadonlySet<string> = new Set(['use server']);

/**
 * Methods of a headless browser's page (Puppeteer, Playwright) whose function argument is sent to
 * the page and runs there: `page.evaluate(() => document.title)` reads the page's globals from a
 * Node script, which stays server code.
 */
export const PAGE_FUNCTION_METHODS: ReadonlySet<string> = new Set(['evaluate', 'evaluateHandle', '$eval', '$$eval', 'waitForFunction', 'addInitScript', 'evaluateOnNewDocument']);

/**
 * Modules only server code imports: `server-only` (the build fails if a client imports the
 * file), Next.js's request APIs, and Node's built-ins written with `node:` (`NODE_PREFIX`).
 */
export const SERVER_ONLY_MODULES: ReadonlySet<string> = new Set([
  'server-only',
  'next/headers',
  'next/server',
  'fs',
  'fs/promises',
  'child_process',
  'worker_threads',
  'cluster',
  'net',
  'tls',
]);
export const NODE_PREFIX = 'node:';

/**
 * Modules only a mobile or desktop client app imports (React Native, Expo): a file that imports
 * one runs on a device, not on a server. Matched as a name or a prefix (`expo-secure-store`,
 * `@react-native-google-signin/google-signin`).
 */
export const CLIENT_APP_MODULES: readonly string[] = ['react-native', 'expo'];
export const CLIENT_APP_MODULE_PREFIXES: readonly string[] = ['react-native-', '@react-native', 'expo-', '@expo/'];

/**
 * Paths (`/`-separated, matched anywhere in the file's path) of files that run only on a server:
 * Next.js route handlers (`app/**\/route.*`, any `route.*`), middleware and instrumentation, API
 * routes (`pages/api/**`), `*.server.*` files and Remix `.server/` folders (SvelteKit's
 * `+page.server.*`, `hooks.server.*`), SvelteKit endpoints (`+server.*`).
 */
export const SERVER_ONLY_PATHS: readonly RegExp[] = [
  /\/route\.[cm]?[jt]sx?$/u,
  /\/(?:middleware|instrumentation)\.[cm]?[jt]sx?$/u,
  /\/pages\/api\//u,
  /\/[^/]+\.server\.[^/]+$/u,
  /\/\.server\//u,
  /\/\+server\.[^/]+$/u,
];

/**
 * Exports that only run on a server: Remix/React Router `loader`/`action`, the Next.js pages
 * router's data functions, the app router's metadata functions, and route handlers' methods.
 */
export const SERVER_ONLY_EXPORTS: ReadonlySet<string> = new Set([
  'loader',
  'action',
  'getServerSideProps',
  'getStaticProps',
  'getStaticPaths',
  'generateMetadata',
  'generateStaticParams',
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
]);

/** Calls that wrap a component (`memo(function Row() {…})`, `forwardRef((props, ref) => …)`, MobX `observer`). */
export const COMPONENT_WRAPPERS: ReadonlySet<string> = new Set(['memo', 'forwardRef', 'observer']);
