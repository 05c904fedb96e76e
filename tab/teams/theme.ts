import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';

export type ThemeName = 'light' | 'dark' | 'contrast';
export const THEME_NAMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];

/** Maps a Teams host theme ("default", "dark", "contrast", "glass") to ours. */
export function themeFromTeams(teamsTheme: string | undefined): ThemeName {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

export function fluentTheme(name: ThemeName, inTeams: boolean): Theme {
  switch (name) {
    case 'dark':
      return inTeams ? teamsDarkTheme : webDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return webLightTheme;
  }
}

const THEME_KEY = 'chorus.theme';

export function storedTheme(): ThemeName | null {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return THEME_NAMES.find((name) => name === value) ?? null;
  } catch {
    return null;
  }
}

export function storeTheme(name: ThemeName): void {
  try {
    localStorage.setItem(THEME_KEY, name);
  } catch {
    // not remembered; the choice still applies for this visit
  }
}

/** The operating system's preference, for a first visit in a browser. */
export function systemTheme(): ThemeName {
  if (typeof matchMedia !== 'function') return 'light';
  if (matchMedia('(forced-colors: active)').matches) return 'contrast';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
