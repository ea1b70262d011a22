#include "app_settings.h"

#include "i18n.h"

#include <QSettings>

#include <algorithm>

namespace ecglens {

dsp::ConditionOptions AppSettings::conditionOptions() const
{
    dsp::ConditionOptions o;
    o.baseline = filterBaseline;
    o.mains = filterNotch;
    o.mainsHz = mainsHz;
    if (lowPassHz > 0)
        o.lowPassHz = lowPassHz;
    else
        o.lowPassHz.reset();
    return o;
}

report::Paper AppSettings::paper() const
{
    return report::paperFromName(reportPaper).value_or(report::systemPaper());
}

void AppSettings::addRecent(const QString& path)
{
    recentFiles.removeAll(path);
    recentFiles.prepend(path);
    while (recentFiles.size() > kMaxRecent)
        recentFiles.removeLast();
}

void AppSettings::load(QSettings& s)
{
    const AppSettings d;
    layout = s.value(QStringLiteral("view/layout"), d.layout).toString();
    speedMmPerS = s.value(QStringLiteral("view/speed"), d.speedMmPerS).toDouble();
    gainMmPerMv = s.value(QStringLiteral("view/gain"), d.gainMmPerMv).toDouble();
    theme = s.value(QStringLiteral("view/theme"), d.theme).toString();
    filterBaseline = s.value(QStringLiteral("filters/baseline"), d.filterBaseline).toBool();
    filterNotch = s.value(QStringLiteral("filters/notch"), d.filterNotch).toBool();
    mainsHz = s.value(QStringLiteral("filters/mainsHz"), d.mainsHz).toDouble();
    lowPassHz = s.value(QStringLiteral("filters/lowPassHz"), d.lowPassHz).toDouble();
    showRaw = s.value(QStringLiteral("filters/showRaw"), d.showRaw).toBool();
    beatMarkers = s.value(QStringLiteral("view/beatMarkers"), d.beatMarkers).toBool();
    dpiCalibration = s.value(QStringLiteral("screen/dpiCalibration"), d.dpiCalibration).toDouble();
    autoAnalyse = s.value(QStringLiteral("analysis/auto"), d.autoAnalyse).toBool();
    showContributions =
        s.value(QStringLiteral("analysis/showContributions"), d.showContributions).toBool();
    patientInTitle = s.value(QStringLiteral("privacy/patientInTitle"), d.patientInTitle).toBool();
    language = s.value(QStringLiteral("ui/language")).toString();
    reportPaper = s.value(QLatin1String(report::kPaperSettingKey)).toString().toLower();
    signingCertificate = s.value(QStringLiteral("report/signingCertificate")).toString();
    reportFhir = s.value(QStringLiteral("report/fhir"), d.reportFhir).toBool();
    lastFolder = s.value(QStringLiteral("files/lastFolder")).toString();
    worklistFolder = s.value(QStringLiteral("files/worklistFolder")).toString();
    recentFiles = s.value(QStringLiteral("files/recent")).toStringList();
    // Sanitise values edited by hand (a user's file or a site's): what the menus cannot offer
    // falls back to the built-in default, so a typo cannot filter the ECG at 7 Hz.
    static const QStringList layouts = {QStringLiteral("12x1"), QStringLiteral("6x2"),
                                        QStringLiteral("3x4"), QStringLiteral("stack")};
    if (!layouts.contains(layout))
        layout = d.layout;
    if (theme != QLatin1String("red") && theme != QLatin1String("mono"))
        theme = d.theme;
    static const double lowPasses[] = {0.0, 40.0, 100.0, 150.0};
    if (std::find(std::begin(lowPasses), std::end(lowPasses), lowPassHz) == std::end(lowPasses))
        lowPassHz = d.lowPassHz;
    if (!language.isEmpty() && !interfaceLanguages().contains(language))
        language.clear(); // the system's
    if (!report::paperFromName(reportPaper))
        reportPaper.clear(); // the system's
    static const double speeds[] = {12.5, 25.0, 50.0};
    if (std::find(std::begin(speeds), std::end(speeds), speedMmPerS) == std::end(speeds))
        speedMmPerS = d.speedMmPerS;
    // Written so that NaN ("nan" in the file), which fails every comparison, falls back too.
    if (!(gainMmPerMv > 0 && gainMmPerMv <= 100))
        gainMmPerMv = d.gainMmPerMv;
    if (mainsHz != 50.0 && mainsHz != 60.0)
        mainsHz = d.mainsHz;
    if (!(dpiCalibration >= 0.25 && dpiCalibration <= 4.0))
        dpiCalibration = 1.0;
}

void AppSettings::save(QSettings& s, const AppSettings& defaults) const
{
    // A preference equal to the site's default is not stored for the user (see the header).
    const auto put = [&s](const QString& key, const QVariant& value, const QVariant& site) {
        if (value == site)
            s.remove(key);
        else
            s.setValue(key, value);
    };
    const AppSettings& d = defaults;
    put(QStringLiteral("view/layout"), layout, d.layout);
    put(QStringLiteral("view/speed"), speedMmPerS, d.speedMmPerS);
    put(QStringLiteral("view/gain"), gainMmPerMv, d.gainMmPerMv);
    put(QStringLiteral("view/theme"), theme, d.theme);
    put(QStringLiteral("filters/baseline"), filterBaseline, d.filterBaseline);
    put(QStringLiteral("filters/notch"), filterNotch, d.filterNotch);
    put(QStringLiteral("filters/mainsHz"), mainsHz, d.mainsHz);
    put(QStringLiteral("filters/lowPassHz"), lowPassHz, d.lowPassHz);
    put(QStringLiteral("filters/showRaw"), showRaw, d.showRaw);
    put(QStringLiteral("view/beatMarkers"), beatMarkers, d.beatMarkers);
    put(QStringLiteral("screen/dpiCalibration"), dpiCalibration, d.dpiCalibration);
    put(QStringLiteral("analysis/auto"), autoAnalyse, d.autoAnalyse);
    put(QStringLiteral("analysis/showContributions"), showContributions, d.showContributions);
    put(QStringLiteral("privacy/patientInTitle"), patientInTitle, d.patientInTitle);
    put(QStringLiteral("ui/language"), language, d.language);
    put(QLatin1String(report::kPaperSettingKey), reportPaper, d.reportPaper);
    put(QStringLiteral("report/signingCertificate"), signingCertificate, d.signingCertificate);
    put(QStringLiteral("report/fhir"), reportFhir, d.reportFhir);
    // The user's own state, never a site's.
    s.setValue(QStringLiteral("files/lastFolder"), lastFolder);
    s.setValue(QStringLiteral("files/worklistFolder"), worklistFolder);
    s.setValue(QStringLiteral("files/recent"), recentFiles);
}

AppSettings AppSettings::siteDefaults(const QSettings& store)
{
    AppSettings d;
    if (store.format() != QSettings::NativeFormat || store.scope() != QSettings::UserScope)
        return d;
    QSettings site(QSettings::NativeFormat, QSettings::SystemScope, store.organizationName(),
                   store.applicationName());
    d.load(site);
    d.lastFolder.clear();
    d.worklistFolder.clear();
    d.recentFiles.clear();
    return d;
}

} // namespace ecglens
