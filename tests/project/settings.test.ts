import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { projectSettings } from '../../src/project/settings';

describe('projectSettings', () => {
  it('defaults when nothing is configured', () => {
    expect(projectSettings({ settings: {} })).toEqual({ root: null, tsconfig: null, crossFile: true });
    expect(projectSettings(undefined)).toEqual({ root: null, tsconfig: null, crossFile: true });
    expect(projectSettings(null)).toEqual({ root: null, tsconfig: null, crossFile: true });
  });

  it('reads root and tsconfig relative to the working directory, from a context or a settings object', () => {
    const project = { root: 'tests/fixtures', tsconfig: 'tsconfig.json', crossFile: false };
    const expected = { root: path.resolve('tests/fixtures'), tsconfig: path.resolve('tsconfig.json'), crossFile: false };
    expect(projectSettings({ settings: { 'agent-guard': { project } } })).toEqual(expected);
    expect(projectSettings({ 'agent-guard': { project } })).toEqual(expected);
  });

  it('keeps absolute paths as they are', () => {
    expect(projectSettings({ 'agent-guard': { project: { root: '/abs/root' } } }).root).toBe('/abs/root');
  });

  it('ignores entries of the wrong type instead of throwing', () => {
    expect(projectSettings({ 'agent-guard': { project: { root: 5, tsconfig: [], crossFile: 'no' } } })).toEqual({ root: null, tsconfig: null, crossFile: true });
    expect(projectSettings({ 'agent-guard': { project: { root: '  ', crossFile: 0 } } })).toEqual({ root: null, tsconfig: null, crossFile: true });
    expect(projectSettings({ 'agent-guard': { project: 'off' } })).toEqual({ root: null, tsconfig: null, crossFile: true });
    expect(projectSettings({ 'agent-guard': null })).toEqual({ root: null, tsconfig: null, crossFile: true });
    expect(projectSettings({ settings: 'x' } as never)).toEqual({ root: null, tsconfig: null, crossFile: true });
  });

  it('switches off only on crossFile: false', () => {
    expect(projectSettings({ 'agent-guard': { project: { crossFile: false } } }).crossFile).toBe(false);
    expect(projectSettings({ 'agent-guard': { project: { crossFile: true } } }).crossFile).toBe(true);
  });

  it('memoises per project object', () => {
    const raw = { 'agent-guard': { project: { root: '.' } } };
    expect(projectSettings(raw)).toBe(projectSettings({ settings: raw }));
  });
});
