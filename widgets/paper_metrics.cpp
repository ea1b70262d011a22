#include "paper_metrics.h"

#include <QScreen>

namespace ecglens {

PaperMetrics::PaperMetrics(double pixelsPerMm, double speedMmPerS, double gainMmPerMv)
    : m_pixelsPerMm(pixelsPerMm), m_speedMmPerS(speedMmPerS), m_gainMmPerMv(gainMmPerMv)
{}

PaperMetrics PaperMetrics::fromScreen(const QScreen* screen, double speedMmPerS, double gainMmPerMv,
                                      double calibration)
{
    // Logical pixels: Qt scales painting by devicePixelRatio, so divide it out of the physical
    // density to get the pixels that QPainter coordinates refer to.
    double dpi = 96.0;
    if (screen && screen->physicalDotsPerInch() > 1.0)
        dpi = screen->physicalDotsPerInch() / screen->devicePixelRatio();
    if (calibration <= 0.0)
        calibration = 1.0;
    return PaperMetrics(dpi / 25.4 * calibration, speedMmPerS, gainMmPerMv);
}

} // namespace ecglens
