#include "contribution_layer.h"

#include "ecg_plot.h"
#include "lead_scale_text.h"
#include "view/signal_view.h"

#include <QHelpEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ecglens {

namespace {

QString layerName()
{
    return QStringLiteral("contributions");
}

/// The "contributions" layer, created once per plot directly below the traces ("main").
QString ensureLayer(QCustomPlot* plot)
{
    if (!plot->layer(layerName()))
        plot->addLayer(layerName(), plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);
    return layerName();
}

} // namespace

ContributionLayer::ContributionLayer(EcgPlot* plot)
    : QCPLayerable(plot, ensureLayer(plot)), m_plot(plot)
{}

void ContributionLayer::setBands(std::vector<ContributionBand> bands)
{
    m_bands = std::move(bands);
    m_maxAbs = contributionScale(m_bands);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ContributionLayer::clear()
{
    setBands({});
}

void ContributionLayer::setBandsVisible(bool visible)
{
    m_visible = visible;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ContributionLayer::setThreshold(double absLogOdds)
{
    m_threshold = std::max(0.0, absLogOdds);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ContributionLayer::setHighlightCount(int n)
{
    m_highlight = std::max(0, n);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool ContributionLayer::shown(const ContributionBand& band) const
{
    return m_visible && std::isfinite(band.value) && band.value != 0.0 &&
           std::abs(band.value) >= m_threshold && band.endS > band.startS;
}

std::vector<ContributionBand> ContributionLayer::visibleBands() const
{
    std::vector<ContributionBand> out;
    for (const ContributionBand& b : m_bands)
        if (shown(b))
            out.push_back(b);
    return out;
}

std::vector<int> ContributionLayer::strongest() const
{
    std::vector<int> idx;
    for (int i = 0; i < int(m_bands.size()); ++i)
        if (shown(m_bands[i]))
            idx.push_back(i);
    const auto n = std::min<std::size_t>(std::size_t(m_highlight), idx.size());
    std::partial_sort(idx.begin(), idx.begin() + std::ptrdiff_t(n), idx.end(), [&](int a, int b) {
        return std::abs(m_bands[a].value) > std::abs(m_bands[b].value);
    });
    idx.resize(n);
    return idx;
}

std::vector<QRectF> ContributionLayer::bandRects(const ContributionBand& band) const
{
    std::vector<QRectF> rects;
    const PaperLayout& layout = m_plot->paperLayout();
    const QRect paper = m_plot->paperRect();
    const double rowPx = m_plot->rowPitchMm() * m_plot->paperMetrics().pixelsPerMm();
    for (const Panel& p : layout.panels) {
        if (p.lead != band.lead)
            continue;
        const auto [from, to] = m_plot->panelWindow(p);
        const double t0 = std::max(from, band.startS);
        const double t1 = std::min(to, band.endS);
        if (t1 <= t0)
            continue;
        const double x0 = std::max<double>(paper.left(), m_plot->timeToX(t0));
        const double x1 = std::min<double>(paper.right() + 1, m_plot->timeToX(t1));
        const double y0 = m_plot->rowTopY(p.row);
        const double y1 = std::min<double>(paper.bottom() + 1, y0 + rowPx);
        if (x1 > x0 && y1 > y0)
            rects.emplace_back(QPointF(x0, y0), QPointF(x1, y1));
    }
    return rects;
}

int ContributionLayer::bandAt(const QPointF& pos) const
{
    // The strongest band wins where bands of one lead overlap.
    int best = -1;
    for (int i = 0; i < int(m_bands.size()); ++i) {
        if (!shown(m_bands[i]))
            continue;
        for (const QRectF& r : bandRects(m_bands[i]))
            if (r.contains(pos) &&
                (best < 0 || std::abs(m_bands[i].value) > std::abs(m_bands[best].value)))
                best = i;
    }
    return best;
}

void ContributionLayer::applyDefaultAntialiasingHint(QCPPainter* painter) const
{
    painter->setAntialiasing(false);
}

void ContributionLayer::draw(QCPPainter* painter)
{
    if (!m_visible || m_bands.empty() || !m_plot->signalView())
        return;
    painter->setPen(Qt::NoPen);
    for (const ContributionBand& b : m_bands) {
        if (!shown(b))
            continue;
        const QColor c = contributionColour(b.value, m_maxAbs, m_threshold);
        if (c.alpha() == 0)
            continue;
        painter->setBrush(c);
        for (const QRectF& r : bandRects(b))
            painter->drawRect(r);
    }
    // Review navigation: outline the strongest bands so the eye finds them first.
    const auto top = strongest();
    if (top.empty())
        return;
    painter->setBrush(Qt::NoBrush);
    for (int i : top) {
        const ContributionBand& b = m_bands[i];
        QColor edge = b.value > 0 ? contributionAnomalousColour() : contributionNormalColour();
        painter->setPen(QPen(edge.darker(130), 2.0, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        for (const QRectF& r : bandRects(b))
            painter->drawRect(r.adjusted(1, 1, -1, -1));
    }
}

// ---- EcgPlot's contribution API (kept here so ecg_plot.cpp stays about navigation) -----

void EcgPlot::setContributions(std::vector<ContributionBand> bands)
{
    m_contributions->setBands(std::move(bands));
}

void EcgPlot::clearContributions()
{
    m_contributions->clear();
}

void EcgPlot::setContributionsVisible(bool visible)
{
    m_contributions->setBandsVisible(visible);
}

bool EcgPlot::contributionsVisible() const
{
    return m_contributions->bandsVisible();
}

void EcgPlot::setContributionThreshold(double absLogOdds)
{
    m_contributions->setThreshold(absLogOdds);
}

double EcgPlot::contributionThreshold() const
{
    return m_contributions->threshold();
}

void EcgPlot::highlightStrongest(int n)
{
    m_contributions->setHighlightCount(n);
}

std::vector<ContributionBand> EcgPlot::visibleContributionBands() const
{
    return m_contributions->visibleBands();
}

double EcgPlot::contributionScale() const
{
    return m_contributions->scale();
}

QString EcgPlot::contributionToolTipAt(const QPointF& pos) const
{
    const int i = m_contributions->bandAt(pos);
    if (i < 0 || !m_view)
        return {};
    const ContributionBand& band = m_contributions->bands()[std::size_t(i)];
    QString name;
    if (band.lead >= 0 && band.lead < int(m_view->leadCount()))
        name = leadLabel(m_view->recording().leads[std::size_t(band.lead)]);
    return contributionToolTip(band, name);
}

bool EcgPlot::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = contributionToolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QCustomPlot::event(event);
}

} // namespace ecglens
