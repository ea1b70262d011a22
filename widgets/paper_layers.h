#pragma once

#include <qcustomplot.h>

namespace ecglens {

class EcgPlot;

/// The ECG paper: background and the 1 mm / 5 mm grid, drawn in pixels from PaperMetrics so
/// the squares are true physical size. When zoomed out far enough that 1 mm lines would merge,
/// the vertical lines switch to round time steps (1 s, 10 s, 1 min, ...).
class PaperLayer : public QCPLayerable
{
    Q_OBJECT
public:
    explicit PaperLayer(EcgPlot* plot);

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;

private:
    EcgPlot* m_plot;
};

/// Lead labels, 1 mV calibration pulses, column separators and calipers.
class OverlayLayer : public QCPLayerable
{
    Q_OBJECT
public:
    explicit OverlayLayer(EcgPlot* plot);

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;

private:
    void drawPulsesAndLabels(QCPPainter* painter);
    void drawCalipers(QCPPainter* painter);
    EcgPlot* m_plot;
};

} // namespace ecglens
