#include "paper_layers.h"

#include "ecg_plot.h"
#include "lead_scale_text.h"
#include "view/signal_view.h"

#include <QLocale>

#include <cmath>

namespace ecglens {

namespace {

/// Smallest "round" time step (s) at least `minSeconds` long.
double niceTimeStep(double minSeconds)
{
    static const double steps[] = {0.04, 0.2, 0.5, 1,   2,   5,    10,   15,   30,
                                   60,   120, 300, 600, 900, 1800, 3600, 7200, 21600};
    for (double s : steps)
        if (s >= minSeconds)
            return s;
    return 43200;
}

} // namespace

PaperLayer::PaperLayer(EcgPlot* plot) : QCPLayerable(plot, QStringLiteral("grid")), m_plot(plot) {}

void PaperLayer::applyDefaultAntialiasingHint(QCPPainter* painter) const
{
    painter->setAntialiasing(false);
}

void PaperLayer::draw(QCPPainter* painter)
{
    const EcgTheme& theme = m_plot->theme();
    const QRect paper = m_plot->paperRect();
    const QRect area(0, 0, m_plot->width(), paper.bottom() + 1);
    painter->fillRect(m_plot->rect(), theme.paper);
    const double pxPerMm = m_plot->paperMetrics().pixelsPerMm();
    const double speed = m_plot->paperMetrics().speedMmPerS();
    const double pxPerS = m_plot->pixelsPerSecond();

    QVector<QLineF> minor, major;
    // Vertical lines: 1 mm of paper = 1/speed s; fall back to round time steps when zoomed out.
    double minorS = 1.0 / speed;
    double majorS = 5.0 / speed;
    bool drawMinor = minorS * pxPerS >= 3.0;
    if (majorS * pxPerS < 8.0) {
        majorS = niceTimeStep(60.0 / pxPerS);
        minorS = majorS / 5.0;
        drawMinor = minorS * pxPerS >= 6.0;
    }
    const double t0 = m_plot->xToTime(area.left());
    const double t1 = m_plot->xToTime(area.right());
    const double step = drawMinor ? minorS : majorS;
    const auto kFirst = static_cast<long long>(std::floor(t0 / step));
    const auto kLast = static_cast<long long>(std::ceil(t1 / step));
    for (long long k = kFirst; k <= kLast; ++k) {
        const double x = std::round(m_plot->timeToX(double(k) * step));
        const QLineF line(x, area.top(), x, area.bottom());
        if (!drawMinor || k % 5 == 0)
            major.append(line);
        else
            minor.append(line);
    }
    // Horizontal lines: always true millimetres from the top of the paper.
    const int rows = int(std::floor(paper.height() / pxPerMm));
    for (int k = 0; k <= rows; ++k) {
        const double y = std::round(paper.top() + k * pxPerMm);
        const QLineF line(area.left(), y, area.right(), y);
        if (k % 5 == 0)
            major.append(line);
        else if (pxPerMm >= 3.0)
            minor.append(line);
    }
    painter->setPen(QPen(theme.minor, 0));
    painter->drawLines(minor);
    painter->setPen(QPen(theme.major, 0));
    painter->drawLines(major);
}

OverlayLayer::OverlayLayer(EcgPlot* plot)
    : QCPLayerable(plot, QStringLiteral("overlay")), m_plot(plot)
{}

void OverlayLayer::applyDefaultAntialiasingHint(QCPPainter* painter) const
{
    painter->setAntialiasing(true);
}

void OverlayLayer::draw(QCPPainter* painter)
{
    drawPulsesAndLabels(painter);
    drawCalipers(painter);
}

void OverlayLayer::drawPulsesAndLabels(QCPPainter* painter)
{
    const auto& view = m_plot->signalView();
    if (!view)
        return;
    const EcgTheme& theme = m_plot->theme();
    const PaperLayout& layout = m_plot->paperLayout();
    const QRect paper = m_plot->paperRect();
    const double pxPerMm = m_plot->paperMetrics().pixelsPerMm();
    const double rowPx = m_plot->rowPitchMm() * pxPerMm;
    const auto& leads = view->recording().leads;

    QFont font = m_plot->font();
    font.setBold(true);
    font.setPixelSize(int(std::clamp(std::min(3.5 * pxPerMm, rowPx * 0.28), 9.0, 22.0)));
    painter->setFont(font);
    const QFontMetrics fm(font);

    // 1 mV calibration pulse at the start of every row: 0.2 s wide at paper speed (5 mm at
    // 25 mm/s), as tall as that row's first lead gain says (10 mm at 10 mm/mV).
    const double pulseW = 0.2 * m_plot->paperMetrics().speedMmPerS() * pxPerMm;
    painter->setPen(QPen(theme.pulse, 1.5));
    painter->setBrush(Qt::NoBrush);
    for (int row = 0; row < layout.rows; ++row) {
        int lead = -1;
        for (const Panel& p : layout.panels)
            if (p.row == row && p.column == 0)
                lead = p.lead;
        if (lead < 0 || !m_plot->leadScale(lead).ecg) // another signal: its scale is labelled
            continue;
        const double y = m_plot->baselineY(row);
        const double h = m_plot->leadGainMmPerMv(lead) * pxPerMm;
        const double x = 1.5 * pxPerMm;
        const QPointF pts[] = {{x, y},
                               {x + pxPerMm, y},
                               {x + pxPerMm, y - h},
                               {x + pxPerMm + pulseW, y - h},
                               {x + pxPerMm + pulseW, y},
                               {x + 2 * pxPerMm + pulseW, y}};
        painter->drawPolyline(pts, 6);
    }

    // Lead labels at the top left of each panel; separators between columns.
    for (const Panel& p : layout.panels) {
        const auto [from, to] = m_plot->panelWindow(p);
        const double x = std::max<double>(paper.left(), m_plot->timeToX(from));
        if (x > paper.right())
            continue;
        const double y = m_plot->baselineY(p.row);
        if (p.column > 0) {
            painter->setPen(QPen(theme.trace, 1.5));
            painter->drawLine(QPointF(x, y - 3 * pxPerMm), QPointF(x, y + 3 * pxPerMm));
        }
        QString text = leadLabel(leads[p.lead]);
        if (p.rhythm && layout.columns > 1)
            text += QObject::tr(" (rhythm)");
        if (const view::LeadScale scale = m_plot->leadScale(p.lead); !scale.ecg)
            text += leadScaleSuffix(scale, leads[p.lead].unit);
        else if (m_plot->leadGainMmPerMv(p.lead) != m_plot->paperMetrics().gainMmPerMv())
            text += QStringLiteral(" ×%1").arg(m_plot->leadGainMmPerMv(p.lead) /
                                               m_plot->paperMetrics().gainMmPerMv());
        const double top = m_plot->rowTopY(p.row) + 2;
        QRectF box(x + 4, top, fm.horizontalAdvance(text) + 6, fm.height());
        QColor bg = theme.paper;
        bg.setAlpha(200);
        painter->setPen(Qt::NoPen);
        painter->setBrush(bg);
        painter->drawRect(box);
        painter->setPen(theme.label);
        painter->drawText(box, Qt::AlignCenter, text);
    }
}

void OverlayLayer::drawCalipers(QCPPainter* painter)
{
    const CaliperReading r = m_plot->caliperReading();
    const QRect paper = m_plot->paperRect();
    const EcgTheme& theme = m_plot->theme();
    auto vline = [&](double t, const QPen& pen) {
        const double x = m_plot->timeToX(t);
        if (x < paper.left() || x > paper.right())
            return;
        painter->setPen(pen);
        painter->drawLine(QPointF(x, paper.top()), QPointF(x, paper.bottom()));
    };
    if (!r.valid)
        return;
    if (m_plot->marchOut()) {
        QPen dashed(theme.marchOut, 1.2, Qt::DashLine);
        const double from = m_plot->visibleStartS();
        for (double t : marchOutTimes(r.aS, r.bS, from, from + m_plot->visibleSpanS()))
            vline(t, dashed);
    }
    const QPen pen(theme.caliper, 1.5);
    vline(r.aS, pen);
    vline(r.bS, pen);
    // In the interface's number format, without group separators (1200 ms, not 1,200).
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    const QString text =
        QStringLiteral("Δt %1 ms   %2 bpm   ΔV %3 %4")
            .arg(locale.toString(r.dtMs, 'f', 0), locale.toString(r.rateBpm, 'f', 1),
                 locale.toString(r.dv, 'f', 2), r.unit);
    QFont font = m_plot->font();
    font.setPixelSize(13);
    font.setBold(true);
    painter->setFont(font);
    const QFontMetrics fm(font);
    const double x = std::clamp(m_plot->timeToX(std::max(r.aS, r.bS)) + 6, double(paper.left()),
                                double(paper.right() - fm.horizontalAdvance(text) - 10));
    const QRectF box(x, paper.top() + 4, fm.horizontalAdvance(text) + 10, fm.height() + 4);
    painter->setPen(QPen(theme.caliper, 1));
    painter->setBrush(QColor(255, 255, 255, 230));
    painter->drawRect(box);
    painter->setPen(theme.caliper);
    painter->drawText(box, Qt::AlignCenter, text);
}

} // namespace ecglens
