#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPBars;

namespace ecglens {

/// Per-lead summary of an explanation (the prototype's SHAP summary plot): one horizontal bar
/// per lead, its length the lead's contribution in log-odds, coloured with the band scale.
/// Leads are listed top to bottom in the order given.
class LeadContributionChart : public QWidget
{
    Q_OBJECT
public:
    explicit LeadContributionChart(QWidget* parent = nullptr);

    /// `values` in log-odds of "abnormal", one per name; extra values or names are ignored.
    void setValues(const QStringList& leads, const std::vector<double>& values);
    void clear();
    QCustomPlot* customPlot() const { return m_plot; }
    /// The bars as drawn, in the order given (tests read them).
    const std::vector<QCPBars*>& bars() const { return m_bars; }

    QSize sizeHint() const override { return {320, 300}; }

private:
    QCustomPlot* m_plot;
    std::vector<QCPBars*> m_bars;
};

} // namespace ecglens
