#pragma once

// The SHAP colour scale and bands, Qt Gui only: the viewer's contribution layer and the PDF
// report's ECG pages draw the same explanation in the same colours.

#include <QColor>
#include <QString>

#include <vector>

namespace ecglens {

struct Recording;
namespace xai {
struct RecordingExplanation;
}

/// One explained segment (a SHAP player) as the viewer draws it: plain data, no engine types.
struct ContributionBand
{
    int lead = -1;               ///< index into the recording's leads (SignalView lead order)
    double startS = 0, endS = 0; ///< seconds from the start of the recording
    double value = 0;            ///< SHAP value, log-odds of "abnormal" (+ = towards anomalous)
    double probabilityValue = 0; ///< the same on the probability scale (for tooltips)
    int player = -1;             ///< index into the explanation's players (contributionBands)
};

/// Index into recording.leads of each standard lead (kStandardLeads order; -1 when the recording
/// lacks it), matching leads by name as the detector does (MLII counts as II, MV1 as V1, ...).
std::vector<int> recordingLeadsForStandardLeads(const Recording& recording);

/// The explanation's players as bands on `recording`'s leads, in player order; players on leads
/// the recording lacks have no trace to draw on and are left out.
std::vector<ContributionBand> contributionBands(const xai::RecordingExplanation& explanation,
                                                const Recording& recording);

/// Largest |value| of `bands` (0 when empty): the end of the colour scale.
double contributionScale(const std::vector<ContributionBand>& bands);

/// Model output probability of one analysis window.
struct WindowProbability
{
    double startS = 0, endS = 0, probability = 0;
};

/// ColorBrewer RdBu (5-class) ends: colour-blind-safe, and they stay distinct in grey scale.
inline QColor contributionNormalColour()
{
    return QColor(0x21, 0x66, 0xac);
}
inline QColor contributionAnomalousColour()
{
    return QColor(0xb2, 0x18, 0x2b);
}
/// Alpha of a band at |value| = maxAbs: strong enough to read, weak enough to keep the grid.
constexpr int kContributionMaxAlpha = 150;

/// Diverging scale: value/maxAbs in [-1,1] -> blue (towards normal) .. transparent .. red
/// (towards anomalous). The hue runs through the RdBu palette (#2166ac #92c5de | #f4a582
/// #b2182b) and alpha grows linearly with |value| up to kContributionMaxAlpha; |value| <
/// threshold, value 0 and maxAbs <= 0 give a fully transparent colour. Values beyond maxAbs
/// are clamped to the end colours.
QColor contributionColour(double value, double maxAbs, double threshold = 0.0);

/// Tooltip of a band, e.g. "V2 3.42–4.18 s: +0.31 log-odds (+4.2 % probability) towards
/// anomalous".
QString contributionToolTip(const ContributionBand& band, const QString& leadName);

} // namespace ecglens
