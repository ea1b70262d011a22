#pragma once

#include <QString>
#include <QWidget>

#include <utility>
#include <vector>

class QCustomPlot;

namespace ecglens {

/// Waterfall (force) chart of one explanation: from the base value (the model output with
/// every segment removed) through each segment's contribution to the model output. Bars are
/// laid out on the log-odds axis, where contributions add up; the bottom axis is labelled in
/// probability (probability = sigmoid(a * logOdds + b), Platt calibration), the top axis in
/// log-odds. Steps are sorted by |value|; more than 10 steps show the 9 largest and one
/// "other N segments" step that carries the rest, so the chain still ends at the output.
class WaterfallChart : public QWidget
{
    Q_OBJECT
public:
    struct Step
    {
        QString label;
        double value; ///< log-odds
    };

    explicit WaterfallChart(QWidget* parent = nullptr);

    void setWaterfall(double baseLogOdds, const std::vector<Step>& steps, double outputLogOdds,
                      double calibrationA = 1.0, double calibrationB = 0.0);
    void clear();
    QCustomPlot* customPlot() const { return m_plot; }
    /// Number of step bars drawn (at most 10).
    int shownSteps() const { return int(m_shown.size()); }

    /// The steps as drawn, top to bottom (aggregated, sorted).
    const std::vector<Step>& displayedSteps() const { return m_shown; }
    /// [from, to] of each drawn bar on the log-odds axis, top to bottom.
    const std::vector<std::pair<double, double>>& barExtents() const { return m_extents; }
    double baseLogOdds() const { return m_base; }
    double outputLogOdds() const { return m_output; }
    /// Calibrated probability of a log-odds value with the current calibration.
    double probabilityOf(double logOdds) const;

    QSize sizeHint() const override { return {420, 320}; }

private:
    void updateProbabilityTicks();

    QCustomPlot* m_plot;
    std::vector<Step> m_shown;
    std::vector<std::pair<double, double>> m_extents;
    double m_base = 0.0;
    double m_output = 0.0;
    double m_a = 1.0;
    double m_b = 0.0;
};

} // namespace ecglens
