#pragma once

#include "dsp/filters.h"
#include "report.h"

#include <QString>
#include <QStringList>

class QSettings;

namespace ecglens {

/// Everything the window remembers between sessions (QSettings). A plain value: loaded once at
/// start, changed by the action classes, saved when it changes.
struct AppSettings
{
    QString layout = QStringLiteral("12x1"); ///< "12x1", "6x2", "3x4", "stack"
    double speedMmPerS = 25.0;
    double gainMmPerMv = 10.0;
    QString theme = QStringLiteral("red"); ///< "red", "mono"
    bool filterBaseline = false;
    bool filterNotch = false;
    double mainsHz = 50.0;
    double lowPassHz = 0.0;        ///< 0 = off; else 40, 100, 150
    bool showRaw = false;          ///< raw signal even when filters are set
    bool beatMarkers = true;       ///< detected-beat markers on the rhythm strip
    double dpiCalibration = 1.0;   ///< measured / reported screen size
    bool autoAnalyse = true;       ///< run the detector after a recording opens
    bool showContributions = true; ///< SHAP bands on the trace
    /// The window title names the patient (name and ID); off for screens others can see (a
    /// site can make that the default, see siteDefaults).
    bool patientInTitle = true;
    QString language;    ///< interface language code ("de"); empty: the system's
    QString reportPaper; ///< "a4", "letter" (report::paperName); empty: the system's country's
    /// PKCS#12 file whose certificate signs exported reports (its password is asked at each
    /// export, never stored); empty: reports are not signed.
    QString signingCertificate;
    /// Each exported report's results also as an HL7 FHIR R4 Bundle beside it ("X.pdf" ->
    /// "X.fhir.json", report::fhirBundle), for a hospital that imports results: usually a site
    /// setting (report/fhir=true).
    bool reportFhir = false;
    QString lastFolder;
    QString worklistFolder; ///< listed in the worklist; empty: none
    QStringList recentFiles;
    static constexpr int kMaxRecent = 10;

    bool anyFilter() const { return filterBaseline || filterNotch || lowPassHz > 0; }
    dsp::ConditionOptions conditionOptions() const;
    /// The paper reports are exported on and printed on unless the print dialog picks the other.
    report::Paper paper() const;
    void addRecent(const QString& path);

    void load(QSettings& s);
    /// Writes the user's choices. A preference equal to `defaults` (the site's, see
    /// siteDefaults) is removed from `s` rather than written, so it keeps following the site
    /// file: a site changing mains to 60 Hz reaches users who never chose otherwise.
    void save(QSettings& s, const AppSettings& defaults) const;

    /// The defaults a hospital sets for every user of a workstation: for the application's
    /// native settings (`store` in the user scope) the system-scope file Qt reads as fallback
    /// (on Linux /etc/xdg/ECG Lens/ecglens.conf, or $XDG_CONFIG_DIRS), over the built-in ones;
    /// for any other store (a test's .ini, a screenshot's scratch file) the built-in ones.
    static AppSettings siteDefaults(const QSettings& store);
};

} // namespace ecglens
