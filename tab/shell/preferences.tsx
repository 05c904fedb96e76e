import { useId } from 'react';
import { Label, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Language } from '@contracts';
import { useT } from '../i18n';
import { THEME_NAMES, type ThemeName } from '../teams/theme';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  pair: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

export interface BrowserPreferences {
  language: Language;
  setLanguage: (language: Language) => void;
  theme: ThemeName;
  setTheme: (theme: ThemeName) => void;
}

/** Language and theme switches, shown outside Teams (inside, Teams decides both). */
export function PreferenceSwitches({ preferences }: { preferences: BrowserPreferences }) {
  const t = useT();
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.root} role="group" aria-label={t.app.settings}>
      <div className={styles.pair}>
        <Label htmlFor={`${id}-language`} size="small">
          {t.app.language}
        </Label>
        <Select
          id={`${id}-language`}
          size="small"
          value={preferences.language}
          onChange={(_, data) => preferences.setLanguage(data.value === 'da' ? 'da' : 'en')}
          data-testid="language-switch"
        >
          <option value="da" lang="da">
            {t.languageNames.da}
          </option>
          <option value="en" lang="en">
            {t.languageNames.en}
          </option>
        </Select>
      </div>
      <div className={styles.pair}>
        <Label htmlFor={`${id}-theme`} size="small">
          {t.app.theme}
        </Label>
        <Select
          id={`${id}-theme`}
          size="small"
          value={preferences.theme}
          onChange={(_, data) =>
            preferences.setTheme(THEME_NAMES.find((name) => name === data.value) ?? 'light')
          }
          data-testid="theme-switch"
        >
          {THEME_NAMES.map((name) => (
            <option key={name} value={name}>
              {t.app.themes[name]}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
