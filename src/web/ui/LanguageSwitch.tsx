import type { Language } from "../i18n/i18n.tsx";
import { useI18n } from "../i18n/i18n.tsx";

const OTHER: Record<Language, { lang: Language; label: string }> = {
  en: { lang: "es", label: "Español" },
  es: { lang: "en", label: "English" },
};

/** Switches between English and Spanish; the label is in the language it switches to. */
export function LanguageSwitch(props: { onChange?(lang: Language): void }) {
  const { lang, setLang, t } = useI18n();
  const other = OTHER[lang];
  return (
    <button
      type="button"
      className="btn btn-secondary lang-switch"
      aria-label={t("language.switch_to", { language: other.label })}
      onClick={() => (props.onChange ?? setLang)(other.lang)}
    >
      <span lang={other.lang}>{other.label}</span>
    </button>
  );
}
