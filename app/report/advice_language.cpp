#include "advice_language.h"

#include "i18n.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace ecglens {

namespace {

/// The translated catalogue for `language`, items by code; empty when there is none. Every
/// built-in translation is read once, on first use (the window asks at each advice update).
QJsonObject translatedItems(const QString& language)
{
    static const QHash<QString, QJsonObject> byLanguage = [] {
        QHash<QString, QJsonObject> out;
        for (const QString& code : interfaceLanguages()) {
            QFile f(QStringLiteral(":/advice/catalogue_") + code + QStringLiteral(".json"));
            if (f.open(QIODevice::ReadOnly))
                out.insert(code, QJsonDocument::fromJson(f.readAll())
                                     .object()
                                     .value(QStringLiteral("items"))
                                     .toObject());
        }
        return out;
    }();
    return byLanguage.value(language);
}

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

std::vector<advice::AdviceItem> localisedAdvice(std::vector<advice::AdviceItem> items,
                                                const QString& language)
{
    if (language.isEmpty() || language == QLatin1String("en"))
        return items;
    const QJsonObject translated = translatedItems(language);
    for (advice::AdviceItem& item : items) {
        const QJsonObject t = translated.value(qs(item.code)).toObject();
        if (t.value(QStringLiteral("source_title")).toString() != qs(item.title) ||
            t.value(QStringLiteral("source_text")).toString() != qs(item.text))
            continue; // translated from other English: keep the English
        const QString title = t.value(QStringLiteral("title")).toString();
        const QString text = t.value(QStringLiteral("text")).toString();
        if (title.isEmpty() || text.isEmpty())
            continue;
        item.title = title.toStdString();
        item.text = text.toStdString();
    }
    return items;
}

QString adviceTitle(const QString& code, const QString& language)
{
    for (const advice::Rule& rule : advice::builtinCatalogue().rules)
        if (qs(rule.code) == code) {
            advice::AdviceItem item;
            item.code = rule.code;
            item.title = rule.title;
            item.text = rule.text;
            return qs(localisedAdvice({item}, language).front().title);
        }
    return code;
}

QStringList adviceTranslationProblems(const QString& language)
{
    const QJsonObject translated = translatedItems(language);
    if (translated.isEmpty())
        return {QStringLiteral(":/advice/catalogue_%1.json is missing or empty").arg(language)};
    QStringList problems;
    for (const advice::Rule& rule : advice::builtinCatalogue().rules) {
        const QJsonObject t = translated.value(qs(rule.code)).toObject();
        if (t.isEmpty())
            problems << qs(rule.code) + QStringLiteral(": not translated");
        else if (t.value(QStringLiteral("source_title")).toString() != qs(rule.title) ||
                 t.value(QStringLiteral("source_text")).toString() != qs(rule.text))
            problems << qs(rule.code) +
                            QStringLiteral(": translated from other English than the catalogue's");
        else if (t.value(QStringLiteral("title")).toString().isEmpty() ||
                 t.value(QStringLiteral("text")).toString().isEmpty())
            problems << qs(rule.code) + QStringLiteral(": empty translation");
    }
    if (translated.size() != qsizetype(advice::builtinCatalogue().rules.size()))
        problems << QStringLiteral("%1 translated items for %2 catalogue items")
                        .arg(translated.size())
                        .arg(advice::builtinCatalogue().rules.size());
    return problems;
}

} // namespace ecglens
