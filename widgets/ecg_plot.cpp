#include "ecg_plot.h"

#include "contribution_layer.h"
#include "paper_layers.h"
#include "view/signal_view.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QRubberBand>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace ecglens {

namespace {

constexpr int kBottomMarginPx = 18;
constexpr double kMaxZoom = 20.0;

/// Cosmetic 1-px pen: Qt's raster engine draws it with its fast line path; a wider pen turns
/// each polyline into one huge stroked polygon (seconds per frame for Holter envelopes).
QPen tracePen(const EcgTheme& theme)
{
    QPen pen(theme.trace, 1.0);
    pen.setCosmetic(true);
    return pen;
}

double leadRate(const Recording& rec, const Lead& lead)
{
    return lead.fsHz > 0 ? lead.fsHz : rec.fsHz;
}

} // namespace

EcgPlot::EcgPlot(QWidget* parent) : QCustomPlot(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setPlottingHints(QCP::phCacheLabels);
    setNoAntialiasingOnDrag(true);

    axisRect()->setAutoMargins(QCP::msNone);
    axisRect()->setMinimumMargins(QMargins(0, 0, 0, 0));
    xAxis->grid()->setVisible(false);
    yAxis->grid()->setVisible(false);
    yAxis->setVisible(false);
    yAxis->setRangeReversed(true);
    xAxis->setBasePen(Qt::NoPen);
    xAxis->setTickPen(Qt::NoPen);
    xAxis->setSubTickPen(Qt::NoPen);
    QSharedPointer<QCPAxisTickerTime> ticker(new QCPAxisTickerTime);
    ticker->setTimeFormat(QStringLiteral("%h:%m:%s"));
    ticker->setTickCount(8);
    xAxis->setTicker(ticker);
    xAxis->setPadding(2);

    m_paper = new PaperLayer(this);
    m_overlay = new OverlayLayer(this);
    m_contributions = new ContributionLayer(this);
    m_rubber = new QRubberBand(QRubberBand::Rectangle, this);
    setTheme(m_theme);
    rearrange();
}

EcgPlot::~EcgPlot() = default;

void EcgPlot::setSignalView(std::shared_ptr<const view::SignalView> view)
{
    m_view = std::move(view);
    m_startS = 0.0;
    m_zoom = 1.0;
    m_leadGain.clear();
    m_calA.reset();
    m_calB.reset();
    m_rhythmLead = -1;
    m_stackSubset.clear();
    rearrange();
    emitCaliper();
}

void EcgPlot::replaceSignalView(std::shared_ptr<const view::SignalView> view)
{
    const int leadsBefore = m_view ? int(m_view->leadCount()) : -1;
    m_view = std::move(view);
    if (!m_view || int(m_view->leadCount()) != leadsBefore)
        rearrange();
    else
        updateGeometryAndData();
    emitCaliper();
}

double EcgPlot::durationS() const
{
    return m_view && m_view->recordingPtr() ? m_view->recording().durationS() : 0.0;
}

// ---- paper ----------------------------------------------------------------------------------

void EcgPlot::setPaperMetrics(const PaperMetrics& metrics)
{
    m_metrics = metrics;
    updateGeometryAndData();
}

void EcgPlot::setSpeedMmPerS(double speed)
{
    m_metrics.setSpeedMmPerS(speed);
    updateGeometryAndData();
}

void EcgPlot::setGainMmPerMv(double gain)
{
    m_metrics.setGainMmPerMv(gain);
    updateGeometryAndData();
}

void EcgPlot::setLeadGainMmPerMv(int lead, double gain)
{
    if (gain > 0)
        m_leadGain[lead] = gain;
    else
        m_leadGain.erase(lead);
    updateGeometryAndData();
}

double EcgPlot::leadGainMmPerMv(int lead) const
{
    const auto it = m_leadGain.find(lead);
    return it != m_leadGain.end() ? it->second : m_metrics.gainMmPerMv();
}

view::LeadScale EcgPlot::leadScale(int lead) const
{
    if (!m_view || lead < 0 || lead >= int(m_view->leadCount()))
        return {};
    // A signal that is not an ECG fills up to 80 % of its row (at the paper gain; a lead's own
    // gain stretches it as it does an ECG lead).
    const double gain = leadGainMmPerMv(lead);
    return m_view->scale(std::size_t(lead), gain,
                         0.8 * rowPitchMm() * gain / m_metrics.gainMmPerMv());
}

void EcgPlot::setTheme(const EcgTheme& theme)
{
    m_theme = theme;
    setBackground(QBrush(theme.paper));
    axisRect()->setBackground(Qt::NoBrush);
    xAxis->setTickLabelColor(theme.label);
    for (QCPGraph* g : m_graphs)
        g->setPen(tracePen(theme));
    replot(QCustomPlot::rpQueuedReplot);
}

// ---- layout ---------------------------------------------------------------------------------

void EcgPlot::setLeadLayout(LeadLayout layout)
{
    if (layout == m_layout)
        return;
    m_layout = layout;
    rearrange();
    emit layoutChanged(layout);
}

void EcgPlot::setRhythmLead(int lead)
{
    m_rhythmLead = lead;
    rearrange();
}

void EcgPlot::setStackSubset(const std::vector<int>& leads)
{
    m_stackSubset = leads;
    rearrange();
}

void EcgPlot::rearrange()
{
    clearGraphs();
    m_graphs.clear();
    QStringList names;
    if (m_view)
        for (const Lead& lead : m_view->recording().leads)
            names << QString::fromStdString(lead.name);
    m_arranged = arrangeLeads(m_layout, names, m_rhythmLead, m_stackSubset);
    for (std::size_t i = 0; i < m_arranged.panels.size(); ++i) {
        QCPGraph* g = addGraph();
        g->setPen(tracePen(m_theme));
        g->setAdaptiveSampling(false); // the pyramid already decimates, exactly
        m_graphs.push_back(g);
    }
    updateGeometryAndData();
}

// ---- geometry -------------------------------------------------------------------------------

double EcgPlot::leftMarginPx() const
{
    // Room for the 1 mV calibration pulse (0.2 s wide at paper speed) and a little paper.
    const double pulseMm = 0.2 * m_metrics.speedMmPerS();
    return std::round((pulseMm + 5.0) * m_metrics.pixelsPerMm());
}

QRect EcgPlot::paperRect() const
{
    const int left = int(leftMarginPx());
    return QRect(left, 0, std::max(1, width() - left), std::max(1, height() - kBottomMarginPx));
}

double EcgPlot::visibleSpanS() const
{
    return paperRect().width() / pixelsPerSecond();
}

double EcgPlot::columnSpanS() const
{
    const double span = visibleSpanS();
    const int columns = std::max(1, m_arranged.columns);
    if (columns == 1)
        return span;
    const double dur = durationS();
    return (dur > 0 ? std::min(span, dur) : span) / columns;
}

std::pair<double, double> EcgPlot::panelWindow(const Panel& panel) const
{
    const double col = columnSpanS();
    const double from = m_startS + panel.column * col;
    return {from, from + panel.columnSpan * col};
}

double EcgPlot::timeToX(double timeS) const
{
    return paperRect().left() + (timeS - m_startS) * pixelsPerSecond();
}

double EcgPlot::xToTime(double x) const
{
    return m_startS + (x - paperRect().left()) / pixelsPerSecond();
}

double EcgPlot::rowPitchMm() const
{
    const double heightMm = paperRect().height() / m_metrics.pixelsPerMm();
    const double rowMm = heightMm / std::max(1, m_arranged.rows);
    // When rows are tall enough they are a whole number of 5 mm squares apart, so every
    // baseline sits on a 5 mm line and rows are evenly spaced.
    return rowMm < 10.0 ? rowMm : std::floor(rowMm / 5.0) * 5.0;
}

double EcgPlot::rowBaselineMm(int row) const
{
    // A little below the middle of the row: QRS complexes are mostly upright.
    const double pitch = rowPitchMm();
    if (pitch < 10.0)
        return (row + 0.58) * pitch;
    return row * pitch + std::max(5.0, std::round(0.58 * pitch / 5.0) * 5.0);
}

double EcgPlot::levelMm(int row, const view::LeadScale& scale) const
{
    // Another signal swings about its centre, which sits in the middle of the row.
    return scale.ecg ? rowBaselineMm(row) : (row + 0.5) * rowPitchMm();
}

double EcgPlot::rowTopY(int row) const
{
    return paperRect().top() + row * rowPitchMm() * m_metrics.pixelsPerMm();
}

double EcgPlot::baselineY(int row) const
{
    return paperRect().top() + rowBaselineMm(row) * m_metrics.pixelsPerMm();
}

std::optional<QPointF> EcgPlot::pointFor(int panelIndex, double timeS, double value) const
{
    if (panelIndex < 0 || panelIndex >= int(m_arranged.panels.size()))
        return std::nullopt;
    const Panel& p = m_arranged.panels[panelIndex];
    const auto [from, to] = panelWindow(p);
    if (timeS < from || timeS > to)
        return std::nullopt;
    const view::LeadScale scale = leadScale(p.lead);
    const double y =
        paperRect().top() + (levelMm(p.row, scale) - (value - scale.centre) * scale.mmPerUnit) *
                                m_metrics.pixelsPerMm();
    return QPointF(timeToX(timeS), y);
}

int EcgPlot::panelAt(const QPointF& pos) const
{
    const QRect r = paperRect();
    if (!r.contains(pos.toPoint()) || m_arranged.rows == 0)
        return -1;
    const double pitchPx = rowPitchMm() * m_metrics.pixelsPerMm();
    const int row = std::clamp(int((pos.y() - r.top()) / pitchPx), 0, m_arranged.rows - 1);
    const double t = xToTime(pos.x());
    for (std::size_t i = 0; i < m_arranged.panels.size(); ++i) {
        const Panel& p = m_arranged.panels[i];
        const auto [from, to] = panelWindow(p);
        if (p.row == row && t >= from && t < to)
            return int(i);
    }
    return -1;
}

double EcgPlot::valueAt(int lead, double timeS) const
{
    if (!m_view || lead < 0 || lead >= int(m_view->leadCount()))
        return std::nan("");
    const Recording& rec = m_view->recording();
    const Lead& l = rec.leads[lead];
    const double fs = leadRate(rec, l);
    const auto i = static_cast<long long>(std::llround(timeS * fs));
    if (fs <= 0 || i < 0 || i >= static_cast<long long>(l.samples.size()))
        return std::nan("");
    return l.samples[std::size_t(i)] * (leadScale(lead).ecg ? millivoltsPerUnit(l.unit) : 1.0);
}

// ---- navigation -----------------------------------------------------------------------------

void EcgPlot::clampStart()
{
    const double dur = durationS();
    double covered = visibleSpanS();
    if (m_arranged.columns > 1 && dur > 0)
        covered = std::min(covered, dur);
    m_startS = std::clamp(m_startS, 0.0, std::max(0.0, dur - covered));
}

void EcgPlot::setZoom(double zoom, std::optional<double> anchorS)
{
    const double dur = durationS();
    const double fullSpanAtOne = paperRect().width() / m_metrics.pixelsPerSecond();
    const double minZoom = dur > 0 ? std::min(1.0, fullSpanAtOne / (dur * 1.0)) : 1.0;
    zoom = std::clamp(zoom, minZoom, kMaxZoom);
    const double anchor = anchorS.value_or(m_startS + visibleSpanS() / 2);
    const double fraction = (anchor - m_startS) / visibleSpanS();
    m_zoom = zoom;
    m_startS = anchor - fraction * visibleSpanS();
    updateGeometryAndData();
}

void EcgPlot::zoomBy(double factor)
{
    setZoom(m_zoom * factor);
}

void EcgPlot::zoomToFit()
{
    setZoom(0.0);
    setVisibleStartS(0.0);
}

void EcgPlot::setVisibleStartS(double startS)
{
    m_startS = startS;
    updateGeometryAndData();
}

void EcgPlot::panByFraction(double fraction)
{
    setVisibleStartS(m_startS + fraction * visibleSpanS());
}

void EcgPlot::jumpTo(double timeS)
{
    setVisibleStartS(timeS - visibleSpanS() * 0.1);
}

void EcgPlot::updateGeometryAndData()
{
    clampStart();
    const QRect r = paperRect();
    axisRect()->setMargins(
        QMargins(r.left(), r.top(), width() - r.right() - 1, height() - r.bottom() - 1));
    xAxis->setRange(m_startS, m_startS + visibleSpanS());
    yAxis->setRange(0.0, r.height() / m_metrics.pixelsPerMm());
    if (auto ticker = qSharedPointerDynamicCast<QCPAxisTickerTime>(xAxis->ticker())) {
        const bool withHours = durationS() >= 3600.0 || m_startS + visibleSpanS() >= 3600.0;
        ticker->setTimeFormat(withHours ? QStringLiteral("%h:%m:%s") : QStringLiteral("%m:%s"));
        ticker->setTickCount(std::max(2, r.width() / 140));
    }
    rebuildGraphData();
    replot(QCustomPlot::rpQueuedReplot);
    emit viewChanged(m_startS, visibleSpanS());
}

void EcgPlot::rebuildGraphData()
{
    const double pxPerS = pixelsPerSecond();
    const double pxPerMm = m_metrics.pixelsPerMm();
    QVector<QCPGraphData> points;
    for (std::size_t k = 0; k < m_arranged.panels.size() && k < m_graphs.size(); ++k) {
        const Panel& p = m_arranged.panels[k];
        points.clear();
        bool rawTrace = true;
        if (m_view && p.lead >= 0 && p.lead < int(m_view->leadCount())) {
            const Recording& rec = m_view->recording();
            const Lead& lead = rec.leads[p.lead];
            const double fs = leadRate(rec, lead);
            const auto [from, to] = panelWindow(p);
            const double n = double(lead.samples.size());
            if (fs > 0 && n > 0) {
                const view::LeadScale ls = leadScale(p.lead);
                const double scale = ls.mmPerUnit;
                const double base = levelMm(p.row, ls) + ls.centre * scale;
                // ECG traces may run into the neighbouring rows, as on paper; another signal
                // stays in its row (a flush spike beyond its usual range is cut at the edge).
                const double rowTop = p.row * rowPitchMm(), rowBottom = rowTop + rowPitchMm();
                const auto yMm = [&](float v) {
                    const double y = base - v * scale;
                    return ls.ecg ? y : std::clamp(y, rowTop, rowBottom); // NaN stays a gap
                };
                const auto a = std::size_t(std::clamp(std::floor(from * fs), 0.0, n));
                const auto b = std::size_t(std::clamp(std::ceil(to * fs), 0.0, n));
                const double widthPx = std::max(1.0, (to - from) * pxPerS);
                const double perPx = double(b - a) / widthPx;
                if (perPx <= 3.0) {
                    points.reserve(int(b - a));
                    for (std::size_t i = a; i < b; ++i)
                        points.append(QCPGraphData(double(i) / fs, yMm(lead.samples[i])));
                } else {
                    rawTrace = false;
                    // One bucket per pixel; min then max at the bucket's start, so the line
                    // paints the vertical extent of each pixel column.
                    const auto count = std::size_t(std::ceil(double(b - a) / perPx));
                    const auto buckets = m_view->pyramid(p.lead).buckets(a, perPx, count);
                    points.reserve(int(2 * buckets.size()));
                    const double half = 0.5 * perPx / fs;
                    for (std::size_t i = 0; i < buckets.size(); ++i) {
                        const double t = (double(a) + double(i) * perPx) / fs;
                        points.append(QCPGraphData(t, yMm(buckets[i].min)));
                        points.append(QCPGraphData(t + half, yMm(buckets[i].max)));
                    }
                }
            }
        }
        // Envelopes are vertical runs, which look the same without antialiasing and draw
        // several times faster; raw traces keep smooth edges.
        m_graphs[k]->setAntialiased(rawTrace);
        m_graphs[k]->data()->set(points, true);
    }
    (void)pxPerMm;
}

void EcgPlot::resizeEvent(QResizeEvent* event)
{
    QCustomPlot::resizeEvent(event);
    updateGeometryAndData();
}

// ---- calipers -------------------------------------------------------------------------------

void EcgPlot::setCaliperMode(bool on)
{
    m_caliperMode = on;
    setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
}

void EcgPlot::setMarchOut(bool on)
{
    m_marchOut = on;
    replot(QCustomPlot::rpQueuedReplot);
}

void EcgPlot::setCalipers(double aS, double bS, int lead)
{
    m_calA = aS;
    m_calB = bS;
    m_calLead = lead;
    emitCaliper();
    replot(QCustomPlot::rpQueuedReplot);
}

void EcgPlot::clearCalipers()
{
    m_calA.reset();
    m_calB.reset();
    emitCaliper();
    replot(QCustomPlot::rpQueuedReplot);
}

CaliperReading EcgPlot::caliperReading() const
{
    if (!m_calA || !m_calB)
        return {};
    CaliperReading r = readCalipers(*m_calA, *m_calB, valueAt(m_calLead, *m_calA),
                                    valueAt(m_calLead, *m_calB), m_calLead);
    if (!leadScale(m_calLead).ecg)
        r.unit = QString::fromStdString(m_view->recording().leads[std::size_t(m_calLead)].unit);
    return r;
}

void EcgPlot::emitCaliper()
{
    emit caliperChanged(caliperReading());
}

double EcgPlot::placeCaliper(int panel, double timeS) const
{
    if (!m_snap || !m_view || panel < 0)
        return timeS;
    const int lead = m_arranged.panels[panel].lead;
    const Recording& rec = m_view->recording();
    const Lead& l = rec.leads[lead];
    const double fs = leadRate(rec, l);
    if (fs <= 0)
        return timeS;
    // Snap within +-60 ms: about half a QRS either side, never to the next beat.
    const auto centre = static_cast<long long>(std::llround(timeS * fs));
    const auto half = static_cast<long long>(std::llround(0.06 * fs));
    const long long i = snapToPeak(l.samples.data(), static_cast<long long>(l.samples.size()),
                                   centre - half, centre + half + 1, centre);
    return double(i) / fs;
}

// ---- input ----------------------------------------------------------------------------------

void EcgPlot::mousePressEvent(QMouseEvent* event)
{
    m_pressPos = event->pos();
    m_pressStartS = m_startS;
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Rubber;
        m_rubber->setGeometry(QRect(m_pressPos, QSize()));
        m_rubber->show();
        return;
    }
    if (m_caliperMode) {
        const double x = event->position().x();
        const int panel = panelAt(event->position());
        const double t = placeCaliper(panel, xToTime(x));
        if (panel >= 0)
            m_calLead = m_arranged.panels[panel].lead;
        auto near = [&](const std::optional<double>& c) {
            return c && std::abs(timeToX(*c) - x) <= 6.0;
        };
        if (near(m_calA)) {
            m_drag = Drag::CaliperA;
        } else if (near(m_calB)) {
            m_drag = Drag::CaliperB;
        } else if (!m_calA) {
            m_calA = t;
        } else if (!m_calB) {
            m_calB = t;
        } else {
            (std::abs(*m_calA - t) < std::abs(*m_calB - t) ? m_calA : m_calB) = t;
        }
        emitCaliper();
        replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    m_drag = Drag::Pan;
    setCursor(Qt::ClosedHandCursor);
}

void EcgPlot::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    emit cursorMoved(xToTime(pos.x()));
    switch (m_drag) {
    case Drag::Pan:
        setVisibleStartS(m_pressStartS - (pos.x() - m_pressPos.x()) / pixelsPerSecond());
        break;
    case Drag::Rubber:
        m_rubber->setGeometry(QRect(m_pressPos, pos.toPoint()).normalized());
        break;
    case Drag::CaliperA:
    case Drag::CaliperB: {
        const double t = placeCaliper(panelAt(pos), xToTime(pos.x()));
        (m_drag == Drag::CaliperA ? m_calA : m_calB) = t;
        emitCaliper();
        replot(QCustomPlot::rpQueuedReplot);
        break;
    }
    case Drag::None:
        break;
    }
}

void EcgPlot::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_drag == Drag::Rubber) {
        m_rubber->hide();
        const double t0 = xToTime(std::min(m_pressPos.x(), event->pos().x()));
        const double t1 = xToTime(std::max(m_pressPos.x(), event->pos().x()));
        if (t1 - t0 > 0.05) {
            m_zoom = paperRect().width() / ((t1 - t0) * m_metrics.pixelsPerSecond());
            m_zoom = std::min(m_zoom, kMaxZoom);
            m_startS = t0;
            updateGeometryAndData();
        }
    }
    m_drag = Drag::None;
    setCursor(m_caliperMode ? Qt::CrossCursor : Qt::ArrowCursor);
}

void EcgPlot::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (!m_caliperMode && event->button() == Qt::LeftButton)
        setZoom(1.0, xToTime(event->position().x()));
}

void EcgPlot::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0)
        return;
    setZoom(m_zoom * std::pow(1.25, steps), xToTime(event->position().x()));
    event->accept();
}

void EcgPlot::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        panByFraction(-0.1);
        break;
    case Qt::Key_Right:
        panByFraction(0.1);
        break;
    case Qt::Key_PageUp:
        panByFraction(-0.9);
        break;
    case Qt::Key_PageDown:
        panByFraction(0.9);
        break;
    case Qt::Key_Home:
        setVisibleStartS(0.0);
        break;
    case Qt::Key_End:
        setVisibleStartS(durationS());
        break;
    case Qt::Key_Escape:
        clearCalipers();
        break;
    default:
        QCustomPlot::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace ecglens
