import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import ar from "../../messages/ar.json";
import en from "../../messages/en.json";
import { intlLocale, languageOf, localeTag, parseLocaleTag, type LocaleChoice } from "../../lib/i18n/locale";

const CATALOGUES = { en, ar } as const;
type Messages = typeof en;
type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * The language an e-mail is written in, and its words: every mail (invitations, notifications)
 * reads the recipient's stored locale tag the same way (`User.locale`, or the sender's when
 * the recipient has no account yet; unset or unknown: English) and takes its wording from the
 * catalogues, so both languages are checked like every interface string.
 */
export function mailLanguage(tag: string | null | undefined): { choice: LocaleChoice; tag: string; translator: <N extends Namespace>(namespace: N) => ReturnType<typeof createTranslator<Messages, N>> } {
  const choice = parseLocaleTag(tag) ?? { language: languageOf(tag), numerals: "latn" as const };
  const locale = intlLocale(choice);
  return {
    choice,
    /** The canonical tag, for the date and number formatters of lib/i18n/locale.ts. */
    tag: localeTag(choice),
    translator: <N extends Namespace>(namespace: N) => createTranslator<Messages, N>({ locale, messages: CATALOGUES[choice.language] as Messages, namespace }),
  };
}
