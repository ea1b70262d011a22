#pragma once

class QScreen;

namespace ecglens {

/// Converts ECG paper units (mm, mm/s, mm/mV) to screen pixels. Physical DPI comes from the
/// screen; `calibration` corrects monitors that report it wrong (measured / reported).
class PaperMetrics
{
public:
    PaperMetrics() = default;
    PaperMetrics(double pixelsPerMm, double speedMmPerS, double gainMmPerMv);

    static PaperMetrics fromScreen(const QScreen* screen, double speedMmPerS, double gainMmPerMv,
                                   double calibration = 1.0);

    double pixelsPerMm() const { return m_pixelsPerMm; }
    double speedMmPerS() const { return m_speedMmPerS; }
    double gainMmPerMv() const { return m_gainMmPerMv; }
    double pixelsPerSecond() const { return m_pixelsPerMm * m_speedMmPerS; }
    double pixelsPerMv() const { return m_pixelsPerMm * m_gainMmPerMv; }

    void setSpeedMmPerS(double v) { m_speedMmPerS = v; }
    void setGainMmPerMv(double v) { m_gainMmPerMv = v; }
    void setPixelsPerMm(double v) { m_pixelsPerMm = v; }

private:
    double m_pixelsPerMm = 96.0 / 25.4;
    double m_speedMmPerS = 25.0;
    double m_gainMmPerMv = 10.0;
};

} // namespace ecglens
