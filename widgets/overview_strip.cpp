#include "overview_strip.h"

#include "view/signal_view.h"

#include <QFontMetrics>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ecglens {

namespace {
constexpr int kPad = 4;
}

OverviewStrip::OverviewStrip(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(40);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Whole recording: click or drag to move the visible window"));
    setAccessibleName(tr("Overview of the whole recording"));
}

void OverviewStrip::setSignalView(std::shared_ptr<const view::SignalView> view, int lead)
{
    m_view = std::move(view);
    m_lead = lead;
    rebuildEnvelope();
    update();
}

void OverviewStrip::setLead(int lead)
{
    m_lead = lead;
    rebuildEnvelope();
    update();
}

void OverviewStrip::setVisibleWindow(double startS, double spanS)
{
    m_startS = startS;
    m_spanS = spanS;
    update();
}

void OverviewStrip::setColors(const QColor& background, const QColor& trace, const QColor& window)
{
    m_background = background;
    m_trace = trace;
    m_window = window;
    rebuildEnvelope();
    update();
}

void OverviewStrip::setProbabilities(const std::vector<WindowProbability>& windows,
                                     double anomalous)
{
    m_probabilities = windows;
    std::sort(
        m_probabilities.begin(), m_probabilities.end(),
        [](const WindowProbability& a, const WindowProbability& b) { return a.startS < b.startS; });
    m_anomalous = anomalous;
    updateToolTip();
    rebuildEnvelope();
    update();
}

void OverviewStrip::setMarks(const std::vector<double>& timesS)
{
    m_marks = timesS;
    updateToolTip();
    rebuildEnvelope();
    update();
}

void OverviewStrip::updateToolTip()
{
    QString tip = m_probabilities.empty()
                      ? tr("Whole recording: click or drag to move the visible window")
                      : tr("Whole recording with the detector's probability per window (line; "
                           "dashed: anomalous threshold): click or drag to move the visible "
                           "window");
    if (!m_marks.empty())
        tip += QLatin1Char('\n') + tr("Numbered: the Look first windows of the Flagged segments "
                                      "dock, 1 the most probable");
    setToolTip(tip);
    // For a screen reader, which cannot see the numbers: where they are, in order.
    QStringList at;
    for (double t : m_marks)
        at << QLocale().toString(t, 'f', 0) + QStringLiteral(" s");
    setAccessibleDescription(m_marks.empty()
                                 ? QString()
                                 : tr("Look first windows, most probable first, centred at %1")
                                       .arg(at.join(QStringLiteral(", "))));
}

double OverviewStrip::xToTime(double x) const
{
    const double dur = m_view ? m_view->recording().durationS() : 0.0;
    return (x - kPad) / std::max(1, width() - 2 * kPad) * dur;
}

double OverviewStrip::timeToX(double t) const
{
    const double dur = m_view ? m_view->recording().durationS() : 0.0;
    return dur > 0 ? kPad + t / dur * (width() - 2 * kPad) : kPad;
}

void OverviewStrip::rebuildEnvelope()
{
    m_envelope = QImage(size(), QImage::Format_ARGB32_Premultiplied);
    if (m_envelope.isNull())
        return;
    m_envelope.fill(m_background);
    if (!m_view)
        return;
    QPainter p(&m_envelope);
    drawEnvelope(p);
    drawTrend(p);
    drawMarks(p);
}

void OverviewStrip::drawMarks(QPainter& p) const
{
    if (m_marks.empty())
        return;
    QFont font = p.font();
    font.setPixelSize(std::clamp(height() / 4, 8, 11));
    font.setBold(true);
    p.setFont(font);
    const int tag = QFontMetrics(font).height();
    // From the last to the first, so that where two meet the better one is on top.
    for (std::size_t i = m_marks.size(); i-- > 0;) {
        const double x = timeToX(m_marks[i]);
        p.setPen(QPen(markColour(), 1));
        p.drawLine(QPointF(x, tag), QPointF(x, height() - kPad));
        const QRectF box(x - 0.5 * tag, 0, tag, tag);
        p.setPen(Qt::NoPen);
        p.setBrush(markColour());
        p.drawRect(box);
        p.setPen(Qt::white);
        p.drawText(box, Qt::AlignCenter, QString::number(i + 1));
    }
}

void OverviewStrip::drawTrend(QPainter& p) const
{
    if (m_probabilities.empty())
        return;
    const double h = height() - 2 * kPad;
    auto y = [&](double prob) { return kPad + h * (1.0 - std::clamp(prob, 0.0, 1.0)); };
    QPolygonF trend;
    for (const WindowProbability& w : m_probabilities)
        trend << QPointF(timeToX(0.5 * (w.startS + w.endS)), y(w.probability));
    p.setPen(QPen(trendColour(), 1, Qt::DashLine));
    p.drawLine(QPointF(kPad, y(m_anomalous)), QPointF(width() - kPad, y(m_anomalous)));
    p.setPen(QPen(trendColour(), 2));
    p.drawPolyline(trend);
}

void OverviewStrip::drawEnvelope(QPainter& p) const
{
    if (m_lead < 0 || m_lead >= int(m_view->leadCount()))
        return;
    const auto& samples = m_view->recording().leads[m_lead].samples;
    const int w = width() - 2 * kPad;
    if (samples.empty() || w <= 0)
        return;
    const double perPx = double(samples.size()) / w;
    const auto buckets = m_view->pyramid(m_lead).buckets(
        0, std::max(1.0, perPx), std::size_t(std::min<double>(w, samples.size())));
    // Robust vertical scale: the 2nd..98th percentile of bucket extremes, so one artefact does
    // not flatten the whole strip.
    std::vector<float> lows, highs;
    for (const auto& b : buckets)
        if (std::isfinite(b.min)) {
            lows.push_back(b.min);
            highs.push_back(b.max);
        }
    if (lows.empty())
        return;
    std::sort(lows.begin(), lows.end());
    std::sort(highs.begin(), highs.end());
    const double lo = lows[lows.size() / 50];
    const double hi = highs[highs.size() - 1 - highs.size() / 50];
    const double range = std::max(1e-6, hi - lo);
    const int h = height() - 2 * kPad;
    QColor envelope = m_trace;
    envelope.setAlpha(150);
    p.setPen(QPen(envelope, 1));
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        if (!std::isfinite(buckets[i].min))
            continue;
        const double x = kPad + double(i) * w / double(buckets.size());
        const double y0 = kPad + h - std::clamp((buckets[i].min - lo) / range, 0.0, 1.0) * h;
        const double y1 = kPad + h - std::clamp((buckets[i].max - lo) / range, 0.0, 1.0) * h;
        p.drawLine(QPointF(x, y0), QPointF(x, std::min(y1, y0 - 1)));
    }
}

void OverviewStrip::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    if (m_envelope.size() != size())
        rebuildEnvelope();
    p.drawImage(0, 0, m_envelope);
    if (!m_view)
        return;
    const double x0 = timeToX(m_startS);
    const double x1 = std::max(x0 + 3, timeToX(m_startS + m_spanS));
    QColor fill = m_window;
    fill.setAlpha(50);
    p.setPen(QPen(m_window, 2));
    p.setBrush(fill);
    p.drawRect(QRectF(x0, 1, x1 - x0, height() - 2));
}

void OverviewStrip::resizeEvent(QResizeEvent*)
{
    rebuildEnvelope();
}

void OverviewStrip::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        emit centreRequested(xToTime(event->position().x()));
}

void OverviewStrip::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton)
        emit centreRequested(xToTime(event->position().x()));
}

} // namespace ecglens
