#include "probability_track.h"

#include <QLocale>
#include <QMouseEvent>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace ecglens {

namespace {

const QColor kBorderline(0xd9, 0x8c, 0x00); // amber
const QColor kAnomalous(0xb2, 0x18, 0x2b);  // the RdBu red of the contribution scale
const QColor kLine(0x20, 0x20, 0x40);

} // namespace

ProbabilityTrack::ProbabilityTrack(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFixedHeight(sizeHint().height());
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Probability of an abnormal ECG per analysis window; dashed lines: borderline "
                  "and anomalous thresholds; shaded: flagged segments. Click to go there."));
    m_plot->setAccessibleName(tr("Probability of an abnormal ECG over time"));

    m_plot->setBackground(QColor(252, 252, 252));
    m_plot->axisRect()->setAutoMargins(QCP::msNone);
    m_plot->axisRect()->setMargins(QMargins(40, 8, 4, 8)); // room for the 0 and 1 labels
    m_plot->yAxis->setRange(0.0, 1.0);
    // Labels in the left margin (the plot's calibration-pulse column), clear of the curve.
    m_plot->yAxis->setTickLabelPadding(2);
    m_plot->yAxis->setTickLengthOut(2);
    QSharedPointer<QCPAxisTickerText> yTicks(new QCPAxisTickerText);
    yTicks->addTick(0.0, QStringLiteral("0"));
    yTicks->addTick(0.5, QLocale().toString(0.5));
    yTicks->addTick(1.0, QStringLiteral("1"));
    m_plot->yAxis->setTicker(yTicks);
    QFont small = m_plot->font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    m_plot->yAxis->setTickLabelFont(small);
    m_plot->yAxis->setTickLabelColor(QColor(90, 90, 90));
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->xAxis->setTickLabels(false);
    m_plot->xAxis->grid()->setPen(QPen(QColor(225, 225, 225), 0));
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerTime>(new QCPAxisTickerTime));
    m_plot->xAxis->setRange(0.0, 10.0);
    connect(m_plot, &QCustomPlot::mousePress, this, &ProbabilityTrack::onPress);
    rebuild();
}

void ProbabilityTrack::setWindows(const std::vector<WindowProbability>& windows, double borderline,
                                  double anomalous)
{
    m_windows = windows;
    std::sort(m_windows.begin(), m_windows.end(),
              [](const WindowProbability& a, const WindowProbability& b) {
                  return a.startS + a.endS < b.startS + b.endS;
              });
    m_borderline = borderline;
    m_anomalous = anomalous;
    rebuild();
    emit dataChanged();
}

void ProbabilityTrack::setFlagged(const std::vector<WindowProbability>& flagged)
{
    m_flagged = flagged;
    rebuild();
}

void ProbabilityTrack::clear()
{
    m_windows.clear();
    m_flagged.clear();
    m_borderline = m_anomalous = 0.0;
    rebuild();
    emit dataChanged();
}

void ProbabilityTrack::setTimeRange(double startS, double endS)
{
    if (!(endS > startS))
        return;
    m_plot->xAxis->setRange(startS, endS);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ProbabilityTrack::setHorizontalMargins(int left, int right)
{
    QMargins m = m_plot->axisRect()->margins();
    m.setLeft(std::max(0, left));
    m.setRight(std::max(0, right));
    m_plot->axisRect()->setMargins(m);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ProbabilityTrack::rebuild()
{
    m_plot->clearItems();
    m_plot->clearPlottables();
    updateAccessibleDescription();
    // Flagged runs behind everything else.
    for (const WindowProbability& f : m_flagged) {
        auto* r = new QCPItemRect(m_plot);
        r->setLayer(QStringLiteral("grid"));
        r->topLeft->setCoords(f.startS, 1.0);
        r->bottomRight->setCoords(f.endS, 0.0);
        r->setPen(Qt::NoPen);
        QColor c = kAnomalous;
        c.setAlpha(45);
        r->setBrush(c);
    }
    if (!m_windows.empty()) {
        // One point per window at its centre: overlapping windows make a continuous curve.
        auto* g = m_plot->addGraph();
        QVector<double> t, p;
        t.reserve(int(m_windows.size()));
        p.reserve(int(m_windows.size()));
        for (const WindowProbability& w : m_windows) {
            t.append(0.5 * (w.startS + w.endS));
            p.append(std::clamp(w.probability, 0.0, 1.0));
        }
        g->setData(t, p, true);
        g->setPen(QPen(kLine, 1.5));
        g->setBrush(QColor(60, 60, 100, 40));
        g->setScatterStyle(m_windows.size() <= 200
                               ? QCPScatterStyle(QCPScatterStyle::ssDisc, kLine, kLine, 4)
                               : QCPScatterStyle());
        auto threshold = [&](double y, const QColor& colour) {
            auto* line = new QCPItemStraightLine(m_plot);
            line->point1->setCoords(0.0, y);
            line->point2->setCoords(1.0, y);
            line->setPen(QPen(colour, 1.2, Qt::DashLine));
        };
        threshold(m_borderline, kBorderline);
        threshold(m_anomalous, kAnomalous);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ProbabilityTrack::onPress(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QRect r = m_plot->axisRect()->rect();
    const double x = std::clamp<double>(event->position().x(), r.left(), r.right());
    emit timeClicked(m_plot->xAxis->pixelToCoord(x));
}

void ProbabilityTrack::updateAccessibleDescription()
{
    if (m_windows.empty()) {
        m_plot->setAccessibleDescription(tr("No analysis yet."));
        return;
    }
    // What the curve shows at a glance: its peak, the thresholds and the flagged runs.
    const auto peak = std::max_element(m_windows.begin(), m_windows.end(),
                                       [](const WindowProbability& a, const WindowProbability& b) {
                                           return a.probability < b.probability;
                                       });
    const QLocale locale;
    QStringList runs;
    for (const WindowProbability& f : m_flagged)
        runs << tr("%1 to %2 s")
                    .arg(locale.toString(f.startS, 'f', 1), locale.toString(f.endS, 'f', 1));
    m_plot->setAccessibleDescription(
        tr("%1 analysis windows; highest probability %2 in the window from %3 to %4 s; "
           "thresholds borderline %5, anomalous %6; flagged: %7.")
            .arg(locale.toString(qlonglong(m_windows.size())),
                 locale.toString(peak->probability, 'f', 2), locale.toString(peak->startS, 'f', 1),
                 locale.toString(peak->endS, 'f', 1), locale.toString(m_borderline, 'f', 2),
                 locale.toString(m_anomalous, 'f', 2),
                 runs.isEmpty() ? tr("none") : runs.join(QLatin1String(", "))));
}

} // namespace ecglens
