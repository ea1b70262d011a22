#include "contributions.h"

#include "core/lead_names.h"
#include "core/recording.h"
#include "xai/explain_recording.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace ecglens {

namespace {

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QString signedNumber(double v, int decimals)
{
    const QString n = QLocale().toString(std::abs(v), 'f', decimals);
    return (v < 0 ? QStringLiteral("\u2212") : QStringLiteral("+")) + n;
}

} // namespace

std::vector<int> recordingLeadsForStandardLeads(const Recording& recording)
{
    std::vector<int> out(kStandardLeads.size(), -1);
    for (int i = 0; i < int(recording.leads.size()); ++i) {
        const int k = analysisLeadIndex(recording.leads[std::size_t(i)].name);
        if (k >= 0 && out[std::size_t(k)] < 0)
            out[std::size_t(k)] = i;
    }
    return out;
}

std::vector<ContributionBand> contributionBands(const xai::RecordingExplanation& e,
                                                const Recording& recording)
{
    const std::vector<int> leadOf = recordingLeadsForStandardLeads(recording);
    const auto& players = e.attribution.players;
    const auto& values = e.attribution.shap.values;
    std::vector<ContributionBand> bands;
    for (std::size_t i = 0; i < players.size() && i < values.size(); ++i) {
        const int k = players[i].lead;
        if (k < 0 || k >= int(leadOf.size()) || leadOf[std::size_t(k)] < 0)
            continue;
        ContributionBand b;
        b.lead = leadOf[std::size_t(k)];
        b.startS = e.playerStartS(i);
        b.endS = e.playerEndS(i);
        b.value = values[i];
        b.probabilityValue = i < e.probabilityValues.size() ? e.probabilityValues[i] : 0.0;
        b.player = int(i);
        bands.push_back(b);
    }
    return bands;
}

double contributionScale(const std::vector<ContributionBand>& bands)
{
    double maxAbs = 0.0;
    for (const ContributionBand& b : bands)
        if (std::isfinite(b.value))
            maxAbs = std::max(maxAbs, std::abs(b.value));
    return maxAbs;
}

QColor contributionColour(double value, double maxAbs, double threshold)
{
    if (!(maxAbs > 0) || !std::isfinite(value) || value == 0.0 || std::abs(value) < threshold)
        return QColor(0, 0, 0, 0);
    const double r = std::min(1.0, std::abs(value) / maxAbs);
    // RdBu 5-class: the light inner colours for small values, the dark ends for large ones.
    static const QColor lightRed(0xf4, 0xa5, 0x82);
    static const QColor lightBlue(0x92, 0xc5, 0xde);
    const bool anomalous = value > 0;
    const QColor light = anomalous ? lightRed : lightBlue;
    const QColor dark = anomalous ? contributionAnomalousColour() : contributionNormalColour();
    QColor c = mix(light, dark, r);
    // Round up so that any shown contribution is at least faintly visible.
    c.setAlpha(std::clamp(int(std::ceil(kContributionMaxAlpha * r)), 1, kContributionMaxAlpha));
    return c;
}

QString contributionToolTip(const ContributionBand& band, const QString& leadName)
{
    const QLocale locale;
    const QString direction = band.value >= 0
                                  ? QCoreApplication::translate("ecglens", "towards anomalous")
                                  : QCoreApplication::translate("ecglens", "towards normal");
    return QCoreApplication::translate("ecglens",
                                       "%1 %2\u2013%3 s: %4 log-odds (%5 % probability) %6")
        .arg(leadName, locale.toString(band.startS, 'f', 2), locale.toString(band.endS, 'f', 2),
             signedNumber(band.value, 2), signedNumber(100.0 * band.probabilityValue, 1),
             direction);
}

} // namespace ecglens
