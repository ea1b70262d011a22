#pragma once

#include "caliper.h"
#include "contributions.h"
#include "ecg_layout.h"
#include "ecg_theme.h"
#include "paper_metrics.h"

#include "view/lead_scale.h"

#include <qcustomplot.h>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace ecglens {

namespace view {
class SignalView;
}
class PaperLayer;
class OverlayLayer;
class ContributionLayer;

/// Multi-lead ECG on true-scale paper. One QCustomPlot axis rect whose x axis is time (s) and
/// whose y axis is paper millimetres from the top; each lead panel is a QCPGraph whose data is
/// rebuilt for the visible window from the engine's min/max pyramid, so any zoom draws at most
/// two points per pixel. Paper, calibration pulses, labels and calipers are drawn in pixel space
/// by two custom layerables. Never does file I/O: it draws a SignalView it is given.
class EcgPlot : public QCustomPlot
{
    Q_OBJECT
public:
    explicit EcgPlot(QWidget* parent = nullptr);
    ~EcgPlot() override;

    void setSignalView(std::shared_ptr<const view::SignalView> view);
    /// Keeps the visible window; use for switching between raw and filtered signals.
    void replaceSignalView(std::shared_ptr<const view::SignalView> view);
    const std::shared_ptr<const view::SignalView>& signalView() const { return m_view; }

    // Paper
    void setPaperMetrics(const PaperMetrics& metrics);
    const PaperMetrics& paperMetrics() const { return m_metrics; }
    void setSpeedMmPerS(double speed);
    void setGainMmPerMv(double gain);
    /// Per-lead gain override in mm/mV; 0 removes the override.
    void setLeadGainMmPerMv(int lead, double gain);
    double leadGainMmPerMv(int lead) const;
    /// How a lead is drawn: an ECG lead at its gain; another kind of signal (pressure,
    /// respiration) fitted to its row with a 1-2-5 scale (view::leadScale).
    view::LeadScale leadScale(int lead) const;
    void setTheme(const EcgTheme& theme);
    const EcgTheme& theme() const { return m_theme; }

    // Layout
    void setLeadLayout(LeadLayout layout);
    LeadLayout leadLayout() const { return m_layout; }
    void setRhythmLead(int lead);
    int rhythmLead() const { return m_rhythmLead; }
    void setStackSubset(const std::vector<int>& leads);
    const PaperLayout& paperLayout() const { return m_arranged; }

    // Navigation; time in seconds from the start of the recording
    double visibleStartS() const { return m_startS; }
    double visibleSpanS() const;
    /// Zoom factor against true scale (1 = paper speed exactly).
    double zoom() const { return m_zoom; }
    void setZoom(double zoom, std::optional<double> anchorS = std::nullopt);
    void zoomBy(double factor);
    void trueScale() { setZoom(1.0); }
    void zoomToFit();
    void setVisibleStartS(double startS);
    void panByFraction(double fraction);
    void jumpTo(double timeS);
    double durationS() const;

    // Calipers
    void setCaliperMode(bool on);
    bool caliperMode() const { return m_caliperMode; }
    void setMarchOut(bool on);
    bool marchOut() const { return m_marchOut; }
    void setSnapCalipers(bool on) { m_snap = on; }
    void setCalipers(double aS, double bS, int lead);
    void clearCalipers();
    CaliperReading caliperReading() const;

    // Explanations: SHAP bands behind the traces of each band's lead, in every layout.
    void setContributions(std::vector<ContributionBand> bands);
    void clearContributions();
    void setContributionsVisible(bool visible);
    bool contributionsVisible() const;
    /// Hides bands with |value| < threshold (log-odds).
    void setContributionThreshold(double absLogOdds);
    double contributionThreshold() const;
    /// Outlines the n largest-|value| shown bands (review navigation); 0 = none.
    void highlightStrongest(int n);
    /// The bands actually drawn (after visibility and threshold).
    std::vector<ContributionBand> visibleContributionBands() const;
    /// Colour scale maximum: the largest |value| of the current set (log-odds).
    double contributionScale() const;
    /// Tooltip text of the band under a pixel; empty when there is none.
    QString contributionToolTipAt(const QPointF& pos) const;

    // Geometry helpers (pixels in widget coordinates); also used by tests.
    QRect paperRect() const;
    double pixelsPerSecond() const { return m_metrics.pixelsPerSecond() * m_zoom; }
    /// Pixel of (time, value) for a panel (value as valueAt gives it); nullopt when the time is
    /// not shown in that panel.
    std::optional<QPointF> pointFor(int panelIndex, double timeS, double value) const;
    double baselineY(int row) const;
    /// Paper mm from the top where a lead's centre value is drawn in `row`: the baseline for an
    /// ECG lead (value 0), the middle of the row for another signal.
    double levelMm(int row, const view::LeadScale& scale) const;
    /// Top of a row's band (labels go there) and the distance between row baselines.
    double rowTopY(int row) const;
    double rowPitchMm() const;
    double timeToX(double timeS) const;
    double xToTime(double x) const;
    /// The time window [from, to) drawn by a panel.
    std::pair<double, double> panelWindow(const Panel& panel) const;
    /// Index into paperLayout().panels under a pixel, or -1.
    int panelAt(const QPointF& pos) const;
    /// Value of a lead at a time on the displayed signal, in mV on an ECG lead and in the lead's
    /// own unit on another signal (leadScale(lead).ecg false); NaN outside.
    double valueAt(int lead, double timeS) const;

signals:
    void viewChanged(double startS, double spanS);
    void cursorMoved(double timeS);
    void caliperChanged(const ecglens::CaliperReading& reading);
    void layoutChanged(ecglens::LeadLayout layout);

protected:
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    friend class PaperLayer;
    friend class OverlayLayer;

    void rearrange();
    void updateGeometryAndData();
    void rebuildGraphData();
    void clampStart();
    double leftMarginPx() const;
    double columnSpanS() const;
    double rowBaselineMm(int row) const;
    double placeCaliper(int panel, double timeS) const;
    void emitCaliper();

    std::shared_ptr<const view::SignalView> m_view;
    PaperMetrics m_metrics;
    EcgTheme m_theme = EcgTheme::red();
    LeadLayout m_layout = LeadLayout::Rows12x1;
    int m_rhythmLead = -1;
    std::vector<int> m_stackSubset;
    std::map<int, double> m_leadGain;
    PaperLayout m_arranged;
    std::vector<QCPGraph*> m_graphs; ///< one per panel
    PaperLayer* m_paper = nullptr;
    OverlayLayer* m_overlay = nullptr;
    ContributionLayer* m_contributions = nullptr;

    double m_startS = 0.0;
    double m_zoom = 1.0;

    bool m_caliperMode = false;
    bool m_marchOut = false;
    bool m_snap = true;
    std::optional<double> m_calA;
    std::optional<double> m_calB;
    int m_calLead = -1;

    enum class Drag { None, Pan, Rubber, CaliperA, CaliperB };
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    double m_pressStartS = 0.0;
    QRubberBand* m_rubber = nullptr;
};

} // namespace ecglens
