#pragma once

#include <QMetaType>
#include <QString>

#include <vector>

namespace ecglens {

/// What a pair of calipers reads: interval, the rate that interval means, and the voltage
/// difference between the two markers on the caliper lead.
struct CaliperReading
{
    bool valid = false;
    double aS = 0.0;                     ///< first marker, seconds from the start
    double bS = 0.0;                     ///< second marker, seconds
    double dtMs = 0.0;                   ///< |b - a| in ms
    double rateBpm = 0.0;                ///< 60000 / dtMs
    double dv = 0.0;                     ///< value(b) - value(a) on `lead`, in `unit`
    QString unit = QStringLiteral("mV"); ///< the lead's own unit when it is not an ECG
    int lead = -1;
};

/// Interval arithmetic of calipers, kept apart from the widget so it is easy to test.
CaliperReading readCalipers(double aS, double bS, double valueA, double valueB, int lead);

/// Times of the marched-out markers a + k*(b - a), k = ..., -1, 2, 3, ... inside [fromS, toS]
/// (the two markers themselves excluded). At most `maxCount` times.
std::vector<double> marchOutTimes(double aS, double bS, double fromS, double toS,
                                  int maxCount = 200);

/// Index of the sharpest deflection (largest distance from the local mean) in samples
/// [first, last): where a clinician means to put a caliper when clicking near an R peak.
/// Returns `fallback` when the window has no valid sample.
long long snapToPeak(const float* samples, long long count, long long first, long long last,
                     long long fallback);

} // namespace ecglens

Q_DECLARE_METATYPE(ecglens::CaliperReading)
