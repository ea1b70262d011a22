#pragma once

// The languages of the interface and the report. English is the source language; other
// languages are Qt Linguist files in translations/ (ecglens_<code>.ts), compiled at build time
// and embedded under kTranslationsPrefix (in ecglens_report, so the GUI and the CLI both carry
// them): an installed program can never look for them in the wrong place. The engine's English
// text is translated where the app rebuilds it (advice_language.h, finding_text.h); the rest
// (advice bases, reader and detector warnings) stays English.

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace ecglens {

/// Where qt_add_translations embeds the compiled .qm files (app/gui/CMakeLists.txt).
inline const QString kTranslationsPrefix = QStringLiteral(":/i18n");

/// Codes of the languages the interface is available in, English first: {"en", "de"}.
QStringList interfaceLanguages();

/// A language's own name for the language menu: "English", "Deutsch" (else the code).
QString languageName(const QString& code);

/// The language to use for `setting` ("" = the system's, else a code): one of
/// interfaceLanguages(), English when none of the system's preferred languages (`uiLanguages`,
/// e.g. {"de-CH", "en-GB"}; default: the system locale's, not the application's default locale,
/// which follows the language chosen) is available.
QString resolveLanguage(const QString& setting, const QStringList& uiLanguages);
QString resolveLanguage(const QString& setting);

/// Installs the translators for `code` (from resolveLanguage) on `app`: ECG Lens's own and Qt's
/// (qtbase_<code>.qm from Qt's translations folder, for the standard dialogs' buttons); for
/// English only the plural forms ("1 window", "2 windows"). Call before any window is made.
/// Returns an empty string, or what could not be loaded.
QString installTranslations(QCoreApplication& app, const QString& code);

/// Removes what installTranslations installed: back to the English source texts.
void removeTranslations(QCoreApplication& app);

/// The language installTranslations last installed ("en" before any): what text the
/// application makes outside Qt's translators (the advice catalogue) follows. Global, as Qt's
/// translators are.
QString installedLanguage();

} // namespace ecglens
