// Translation and locale files hold the words of the user interface: `password: "Passwort"`, `api_key: "API-Schlüssel"`,
// `token.expired = Le jeton a expiré`. Their keys are named after secrets because the texts are about them, so the
// generic layer (a literal keyed to a secret-like name) has nothing to say there. Provider formats still run: a
// real token pasted into a locale file is as leaked as anywhere else.

/** Folders that hold translations in the common frameworks (Rails config/locales, i18next, Angular, Django, Laravel). */
const LOCALE_FOLDER = /(?:^|\/)(?:i18n|l10n|locales?|translations?|lang|langs|languages|messages|nls)\//i;

/** Translation file formats by extension: gettext catalogues, XLIFF, .NET resources, Qt and Android string tables. */
const LOCALE_FILE = /\.(?:po|pot|mo|xliff|xlf|resx|resw|ts\.xml|strings|stringsdict|arb|ftl)$/i;

/** Java/Spring message bundles (`messages_de.properties`, `ValidationMessages.properties`) and Android `strings.xml`. */
const MESSAGE_BUNDLE = /(?:^|\/)(?:\w*[Mm]essages(?:_[a-z]{2,3}(?:_[A-Z]{2})?)?\.properties|[\w-]+_[a-z]{2,3}(?:_[A-Z]{2})?\.properties|strings\.xml)$/;

/** True when the project-relative path is a translation or locale file. */
export function isLocaleFile(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return LOCALE_FILE.test(p) || MESSAGE_BUNDLE.test(p) || LOCALE_FOLDER.test(p);
}
