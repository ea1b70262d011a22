#pragma once

#include "contributions.h"

#include <QWidget>

#include <vector>

class QCustomPlot;
class QMouseEvent;

namespace ecglens {

/// Under the traces: the model's probability (0..1) of each analysis window over time, dashed
/// lines at the borderline and anomalous thresholds, flagged runs shaded. Its time axis follows
/// the plot's visible range (setTimeRange); a click asks the viewer to jump to that time.
class ProbabilityTrack : public QWidget
{
    Q_OBJECT
public:
    explicit ProbabilityTrack(QWidget* parent = nullptr);

    /// Windows in any order; thresholds are probabilities (0..1).
    void setWindows(const std::vector<WindowProbability>& windows, double borderline,
                    double anomalous);
    void setFlagged(const std::vector<WindowProbability>& flagged);
    void clear();
    bool hasData() const { return !m_windows.empty(); }
    /// Keeps the track in step with the plot's visible time range (s).
    void setTimeRange(double startS, double endS);
    /// Pixel margins of the time axis inside the widget, so times line up with the plot's paper.
    void setHorizontalMargins(int left, int right);
    QCustomPlot* customPlot() const { return m_plot; }

    const std::vector<WindowProbability>& windows() const { return m_windows; }
    const std::vector<WindowProbability>& flagged() const { return m_flagged; }
    double borderline() const { return m_borderline; }
    double anomalous() const { return m_anomalous; }

    QSize sizeHint() const override { return {400, 72}; }
    QSize minimumSizeHint() const override { return {120, 48}; }

signals:
    /// The user clicked this time (s from the start of the recording).
    void timeClicked(double seconds);
    /// Windows were set or cleared (the viewer shows the track only with data).
    void dataChanged();

private:
    void rebuild();
    void onPress(QMouseEvent* event);
    /// The curve in words for a screen reader (peak, thresholds, flagged runs).
    void updateAccessibleDescription();

    QCustomPlot* m_plot;
    std::vector<WindowProbability> m_windows;
    std::vector<WindowProbability> m_flagged;
    double m_borderline = 0.0;
    double m_anomalous = 0.0;
};

} // namespace ecglens
