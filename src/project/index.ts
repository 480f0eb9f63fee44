/**
 * Seeing across files: the project root, module resolution, the per-process cache of parsed
 * project files, following imports to their definitions, and the listing of project files.
 * Knows files and modules, not frameworks or rules. See README.md in this folder.
 */
export { displayPath, findProjectRoot, pathForDisplay, projectRoot } from './root';
export { nearestTsconfig, resolveModule, resolverAvailable, SOURCE_EXTENSIONS } from './resolve';
export { MAX_CACHED_FILES, MAX_FILE_BYTES, projectFile, projectFileMentions } from './files';
export type { ProjectFile } from './files';
export { classNamed, deferDefinition, exportedDefinition, importBinding, importedDefinition, importedFileMayReach, importedFileMentions, importedNameCalls, importedNameMayHold, importedNameReferences, MAX_REEXPORT_HOPS, projectImportNames } from './exports';
export type { Definition, DefinitionOptions, FileTest, ImportBinding } from './exports';
export { importersOf, possibleImporters } from './importers';
export { MAX_LIST_DEPTH, MAX_LISTED_FILES, projectFiles, SKIPPED_DIRECTORIES } from './listing';
export type { ListingOptions } from './listing';
export { clearProjectCaches, projectSettings } from './settings';
export type { ProjectSettings, SettingsSource } from './settings';
export { isTestCode } from './test-code';
export { workspacePackages } from './workspaces';
export type { NamedClass } from './exports';
