// The current UI language, shared by every component.

import type { Lang } from "./format";
import { languages, messages, type Messages } from "./i18n";

const STORAGE_KEY = "rapporteur.language";

function isLang(value: unknown): value is Lang {
  return languages.some((lang) => lang === value);
}

function stored(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : "ja";
  } catch {
    // Storage may be unavailable; the language then simply is not remembered.
    return "ja";
  }
}

class Locale {
  language = $state<Lang>(stored());

  get t(): Messages {
    return messages[this.language];
  }

  set(language: Lang): void {
    this.language = language;
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // See `stored`.
    }
  }
}

export const locale = new Locale();
