#include "i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace ecglens {

QStringList interfaceLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString languageName(const QString& code)
{
    // QLocale's native names carry a region ("American English") that the menu does not mean.
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    return code;
}

QString resolveLanguage(const QString& setting)
{
    return resolveLanguage(setting, QLocale::system().uiLanguages());
}

QString resolveLanguage(const QString& setting, const QStringList& uiLanguages)
{
    const QStringList available = interfaceLanguages();
    if (available.contains(setting))
        return setting;
    // The system's preferred languages in order ("de-CH", "en-GB", ...), first one available.
    for (const QString& ui : uiLanguages) {
        const QString code = ui.section(QLatin1Char('-'), 0, 0).toLower();
        if (available.contains(code))
            return code;
    }
    return QStringLiteral("en");
}

namespace {
QString g_installed = QStringLiteral("en");
} // namespace

QString installedLanguage()
{
    return g_installed;
}

void removeTranslations(QCoreApplication& app)
{
    for (QTranslator* t : app.findChildren<QTranslator*>(Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    g_installed = QStringLiteral("en");
}

QString installTranslations(QCoreApplication& app, const QString& code)
{
    auto* own = new QTranslator(&app);
    const QString ownFile =
        kTranslationsPrefix + QStringLiteral("/ecglens_") + code + QStringLiteral(".qm");
    if (!own->load(ownFile)) {
        delete own;
        return QStringLiteral("%1 is missing from this build").arg(ownFile);
    }
    QCoreApplication::installTranslator(own);
    g_installed = code;
    if (code == QLatin1String("en"))
        return {}; // the source language: only the plural forms; Qt's own texts are English
    auto* qt = new QTranslator(&app);
    const QString qtFolder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qt->load(QStringLiteral("qtbase_") + code, qtFolder)) {
        QCoreApplication::installTranslator(qt);
        return {};
    }
    delete qt;
    return QStringLiteral("Qt's own translations (qtbase_%1.qm) are not in %2: standard dialog "
                          "buttons stay English (Debian package qt6-translations-l10n)")
        .arg(code, qtFolder);
}

} // namespace ecglens
