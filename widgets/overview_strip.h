#pragma once

#include "contributions.h"

#include <QImage>
#include <QWidget>

#include <memory>
#include <vector>

class QPainter;

namespace ecglens {

namespace view {
class SignalView;
}
struct EcgTheme;

/// The whole recording as a min/max envelope of one lead, with the visible window drawn on it,
/// and, once the detector has run, its window probabilities over the whole recording as a trend
/// line (0 at the bottom, 1 at the top; the anomalous threshold dashed). Clicking or dragging asks
/// for the window to move there.
class OverviewStrip : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewStrip(QWidget* parent = nullptr);

    void setSignalView(std::shared_ptr<const view::SignalView> view, int lead);
    void setLead(int lead);
    void setVisibleWindow(double startS, double spanS);
    void setColors(const QColor& background, const QColor& trace, const QColor& window);
    /// The detector's windows (any order) and anomalous threshold; empty clears the trend.
    void setProbabilities(const std::vector<WindowProbability>& windows, double anomalous);
    const std::vector<WindowProbability>& probabilities() const { return m_probabilities; }
    /// Numbered marks (1, 2, …) along the top at these times (s): where the Look first windows
    /// lie in the whole recording; empty clears them.
    void setMarks(const std::vector<double>& timesS);
    const std::vector<double>& marks() const { return m_marks; }
    /// Colour of the marks.
    static QColor markColour() { return QColor(0, 90, 200); }
    /// Colour of the trend line (and of its threshold).
    static QColor trendColour() { return contributionAnomalousColour(); }
    QSize sizeHint() const override { return {400, 56}; }

signals:
    /// The user wants the visible window centred on this time (s).
    void centreRequested(double timeS);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    /// Redraws the cached image: the envelope, then the probability trend over it.
    void rebuildEnvelope();
    void drawEnvelope(QPainter& p) const;
    void drawTrend(QPainter& p) const;
    void drawMarks(QPainter& p) const;
    void updateToolTip();
    double xToTime(double x) const;
    double timeToX(double t) const;

    std::shared_ptr<const view::SignalView> m_view;
    int m_lead = 0;
    double m_startS = 0.0;
    double m_spanS = 0.0;
    QImage m_envelope; ///< cached: rebuilt when the signal, probabilities or size change
    std::vector<WindowProbability> m_probabilities; ///< sorted by start
    double m_anomalous = 1.0;
    std::vector<double> m_marks;
    QColor m_background = QColor(250, 250, 250);
    QColor m_trace = QColor(40, 40, 60);
    QColor m_window = QColor(0, 90, 200);
};

} // namespace ecglens
