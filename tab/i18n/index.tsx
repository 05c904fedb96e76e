import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '@contracts';
import { da } from './da';
import { en, type Dictionary } from './en';

export type { Dictionary };

const dictionaries: Record<Language, Dictionary> = { da, en };

/** Scandinavian readers get Danish (closest to their own language); everyone else gets English. */
export function languageFromLocale(locale: string | null | undefined): Language {
  const tag = (locale ?? '').toLowerCase();
  return /^(da|nb|nn|no|sv)\b/.test(tag) ? 'da' : 'en';
}

const LANGUAGE_KEY = 'chorus.language';

export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return value === 'da' || value === 'en' ? value : null;
  } catch {
    return null; // storage can be blocked (private mode, third-party iframe)
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // not remembered; the choice still applies for this visit
  }
}

/** The browser's preferred language, for when nothing is stored and we are not in Teams. */
export function browserLanguage(): Language {
  return languageFromLocale(navigator.languages?.[0] ?? navigator.language);
}

interface I18nValue {
  language: Language;
  t: Dictionary;
  /** Formats an ISO timestamp as a date (and optionally time) in the current language. */
  formatDate: (iso: string, withTime?: boolean) => string;
  formatNumber: (n: number) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo<I18nValue>(() => {
    const locale = language === 'da' ? 'da-DK' : 'en-GB';
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
    const numberFormat = new Intl.NumberFormat(locale);
    return {
      language,
      t: dictionaries[language],
      formatDate: (iso, withTime = false) => {
        const date = new Date(iso);
        if (Number.isNaN(date.getTime())) return iso;
        return (withTime ? dateTimeFormat : dateFormat).format(date);
      },
      formatNumber: (n) => numberFormat.format(n),
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The dictionary for the current language: `const t = useT(); t.join.submit`. */
export function useT(): Dictionary {
  return useI18n().t;
}
