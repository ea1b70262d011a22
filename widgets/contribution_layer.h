#pragma once

#include "contributions.h"

#include <qcustomplot.h>

#include <vector>

namespace ecglens {

class EcgPlot;

/// SHAP contribution bands behind the traces of an EcgPlot: one translucent rectangle per
/// (lead, time segment), spanning the row of every panel that shows that lead, in any layout.
/// Lives on its own layer between the paper grid and the traces, so the trace stays on top.
class ContributionLayer : public QCPLayerable
{
    Q_OBJECT
public:
    explicit ContributionLayer(EcgPlot* plot);

    void setBands(std::vector<ContributionBand> bands);
    void clear();
    const std::vector<ContributionBand>& bands() const { return m_bands; }
    void setBandsVisible(bool visible);
    bool bandsVisible() const { return m_visible; }
    void setThreshold(double absLogOdds);
    double threshold() const { return m_threshold; }
    void setHighlightCount(int n);
    int highlightCount() const { return m_highlight; }
    /// Largest |value| of the current set (0 when empty).
    double scale() const { return m_maxAbs; }

    /// Bands that are drawn: all when visible, minus those below the threshold.
    std::vector<ContributionBand> visibleBands() const;
    /// Index into bands() of the drawn band under a widget pixel, or -1.
    int bandAt(const QPointF& pos) const;
    /// Pixel rectangles of a band, one per panel showing its lead in the visible window.
    std::vector<QRectF> bandRects(const ContributionBand& band) const;

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;

private:
    bool shown(const ContributionBand& band) const;
    std::vector<int> strongest() const;

    EcgPlot* m_plot;
    std::vector<ContributionBand> m_bands;
    double m_maxAbs = 0.0;
    double m_threshold = 0.0;
    bool m_visible = true;
    int m_highlight = 0;
};

} // namespace ecglens
