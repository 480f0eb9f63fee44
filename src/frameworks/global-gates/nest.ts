/**
 * NestJS project-level gates: `{ provide: APP_GUARD, useClass: X }` in any module, and
 * `app.useGlobalGuards(new X())` in `main.ts`; what makes a guard class refuse a request.
 */

/** The token that registers a guard for every route. */
export const NEST_APP_GUARD = { module: '@nestjs/core', path: ['APP_GUARD'] } as const;
/** Quick text filter for files that may register one. */
export const NEST_APP_GUARD_TEXT = /\bAPP_GUARD\b/u;
/** Provider keys naming the guard class. */
export const NEST_GUARD_PROVIDER_KEYS: readonly string[] = ['useClass', 'useExisting'];
/** Bootstrap files, in the folder above which the app's modules live. */
export const NEST_MAIN_FILES: readonly string[] = ['main.ts', 'main.js'];
/** The app method that registers global guards. */
export const NEST_GLOBAL_GUARDS_METHOD = 'useGlobalGuards';
/** The guard method Nest calls for every request. */
export const NEST_GUARD_METHOD = 'canActivate';
/** `AuthGuard('jwt')` of `@nestjs/passport`: refuses a request its strategy does not authenticate. */
export const NEST_PASSPORT_GUARD = { module: '@nestjs/passport', path: ['AuthGuard'] } as const;
/** Exceptions a guard throws to refuse (Nest answers 401/403). */
export const NEST_REFUSING_EXCEPTIONS = /^(?:Unauthori[sz]ed|Forbidden)(?:Exception|Error)$/u;
/** Reads of route metadata in a guard (`reflector.getAllAndOverride(IS_PUBLIC_KEY, …)`): absent on an unmarked route. */
export const NEST_METADATA_READS: ReadonlySet<string> = new Set(['get', 'getAll', 'getAllAndOverride', 'getAllAndMerge']);
