#pragma once

#include <QColor>
#include <QString>

namespace ecglens {

/// Colours of the paper and the traces: classic red ECG paper or monochrome (for printing on
/// grey-scale devices and for colour-blind readers).
struct EcgTheme
{
    QString key;  ///< "red" or "mono"
    QColor paper; ///< background
    QColor minor; ///< 1 mm lines
    QColor major; ///< 5 mm lines
    QColor trace;
    QColor label;
    QColor pulse; ///< calibration pulse
    QColor caliper;
    QColor marchOut;

    static EcgTheme red();
    static EcgTheme mono();
    /// red() for "red", mono() for "mono", red() otherwise.
    static EcgTheme fromKey(const QString& key);
};

} // namespace ecglens
