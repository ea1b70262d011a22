#include "beat_markers.h"

#include "ecg_plot.h"

#include <algorithm>

namespace ecglens {

BeatMarkerLayer::BeatMarkerLayer(EcgPlot* plot)
    : QCPLayerable(plot, QStringLiteral("overlay")), m_plot(plot)
{}

void BeatMarkerLayer::setBeats(std::vector<BeatMark> beats)
{
    m_beats = std::move(beats);
    std::sort(m_beats.begin(), m_beats.end(),
              [](const BeatMark& a, const BeatMark& b) { return a.timeS < b.timeS; });
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void BeatMarkerLayer::setHighlighted(std::vector<double> timesS)
{
    m_highlight = std::move(timesS);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void BeatMarkerLayer::setStimuli(std::vector<double> timesS)
{
    m_stimuli = std::move(timesS);
    std::sort(m_stimuli.begin(), m_stimuli.end());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void BeatMarkerLayer::setMarkersVisible(bool on)
{
    m_markersVisible = on;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void BeatMarkerLayer::clear()
{
    m_beats.clear();
    m_highlight.clear();
    m_stimuli.clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int BeatMarkerLayer::count(char code) const
{
    return int(std::count_if(m_beats.begin(), m_beats.end(),
                             [code](const BeatMark& b) { return b.code == code; }));
}

void BeatMarkerLayer::applyDefaultAntialiasingHint(QCPPainter* painter) const
{
    painter->setAntialiasing(true);
}

void BeatMarkerLayer::draw(QCPPainter* painter)
{
    if (!m_plot->signalView())
        return;
    const QRect paper = m_plot->paperRect();
    const double pxPerMm = m_plot->paperMetrics().pixelsPerMm();

    // Evidence: a translucent band 0.3 s wide (at the trace's scale) across the paper.
    if (!m_highlight.empty()) {
        const double halfW = std::max(4.0, 0.15 * m_plot->pixelsPerSecond());
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(255, 170, 0, 70));
        for (double t : m_highlight) {
            const double x = m_plot->timeToX(t);
            if (x + halfW < paper.left() || x - halfW > paper.right())
                continue;
            painter->drawRect(QRectF(x - halfW, paper.top(), 2 * halfW, paper.height()));
        }
    }
    if (!m_markersVisible || (m_beats.empty() && m_stimuli.empty()))
        return;

    const PaperLayout& layout = m_plot->paperLayout();
    std::vector<int> panels;
    for (int i = 0; i < int(layout.panels.size()); ++i)
        if (layout.panels[i].rhythm)
            panels.push_back(i);
    if (panels.empty())
        for (int i = 0; i < int(layout.panels.size()); ++i)
            if (layout.panels[i].row == 0)
                panels.push_back(i);

    QFont font = m_plot->font();
    font.setBold(true);
    font.setPixelSize(int(std::clamp(2.6 * pxPerMm, 9.0, 14.0)));
    painter->setFont(font);
    const double tick = std::clamp(1.5 * pxPerMm, 4.0, 9.0);
    const QColor normal(60, 60, 60, 200);
    const QColor ventricular(200, 0, 30);
    const QColor supra(20, 80, 210);
    const QColor stimulus(190, 0, 190); // report::kStimulusRgb on the paper
    for (int index : panels) {
        const Panel& p = layout.panels[index];
        const auto [from, to] = m_plot->panelWindow(p);
        // Just above the trace (2 mV above baseline at the lead's gain), never above the row.
        const double top =
            std::max(m_plot->rowTopY(p.row) + 0.5 * pxPerMm,
                     m_plot->baselineY(p.row) - 2.0 * m_plot->leadGainMmPerMv(p.lead) * pxPerMm);
        // Stimuli first, so a beat's marker stays on top: a stroke from the marker row down
        // to the baseline's 1 mV level, where the spike itself starts on the trace.
        painter->setPen(QPen(stimulus, 1.5, Qt::SolidLine, Qt::FlatCap));
        const double strokeEnd =
            std::max(top + 2 * tick,
                     m_plot->baselineY(p.row) - 1.0 * m_plot->leadGainMmPerMv(p.lead) * pxPerMm);
        for (auto s = std::lower_bound(m_stimuli.begin(), m_stimuli.end(), from);
             s != m_stimuli.end() && *s < to; ++s) {
            const double x = m_plot->timeToX(*s);
            painter->drawLine(QPointF(x, top), QPointF(x, strokeEnd));
        }
        auto it = std::lower_bound(m_beats.begin(), m_beats.end(), from,
                                   [](const BeatMark& b, double t) { return b.timeS < t; });
        for (; it != m_beats.end() && it->timeS < to; ++it) {
            const double x = m_plot->timeToX(it->timeS);
            if (it->code == 'N') {
                painter->setPen(QPen(normal, 1.5));
                painter->drawLine(QPointF(x, top), QPointF(x, top + tick));
                continue;
            }
            const QColor c = it->code == 'V' ? ventricular : it->code == 'S' ? supra : normal;
            painter->setPen(Qt::NoPen);
            painter->setBrush(c);
            const QPointF tri[] = {{x - tick * 0.6, top}, {x + tick * 0.6, top}, {x, top + tick}};
            painter->drawPolygon(tri, 3);
            painter->setPen(c);
            painter->drawText(QPointF(x + tick * 0.7, top + tick), QString(QLatin1Char(it->code)));
        }
    }
}

} // namespace ecglens
