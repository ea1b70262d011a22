#pragma once

#include <QWidget>

namespace ecglens {

/// Legend of the contribution colour scale: a horizontal bar from "towards normal" (blue) over
/// 0 (transparent) to "towards anomalous" (red), the numeric ends ±maxAbs in log-odds, the
/// hidden |value| < threshold range greyed, and a caption naming the removal baseline.
class ContributionLegend : public QWidget
{
    Q_OBJECT
public:
    explicit ContributionLegend(QWidget* parent = nullptr);

    void setScale(double maxAbs);
    double scale() const { return m_maxAbs; }
    /// e.g. "removed segments replaced by: isoelectric baseline".
    void setBaselineName(const QString& text);
    QString baselineName() const { return m_baseline; }
    void setThreshold(double absLogOdds);
    double threshold() const { return m_threshold; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void updateToolTip();

    double m_maxAbs = 0.0;
    double m_threshold = 0.0;
    QString m_baseline;
};

} // namespace ecglens
