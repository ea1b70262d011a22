#include "ecg_viewer.h"

#include "lead_scale_text.h"
#include "overview_strip.h"
#include "probability_track.h"
#include "verdict_banner.h"
#include "view/signal_view.h"

#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

namespace ecglens {

EcgViewer::EcgViewer(QWidget* parent)
    : QWidget(parent), m_plot(new EcgPlot(this)), m_overview(new OverviewStrip(this)),
      m_track(new ProbabilityTrack(this)), m_banner(new VerdictBanner(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_banner);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_track);
    layout->addWidget(m_overview);
    m_overview->hide();
    m_track->hide();

    m_plot->setAccessibleName(tr("ECG traces"));
    connect(m_plot, &EcgPlot::viewChanged, m_overview, [this](double startS, double spanS) {
        m_overview->setVisibleWindow(startS, spanS);
        updateOverviewVisibility();
        syncTrack();
        updateAccessibleDescription();
    });
    // The track shows once it has data, on the plot's time axis; a click centres the window.
    connect(m_track, &ProbabilityTrack::dataChanged, this, [this] {
        m_track->setVisible(m_track->hasData());
        syncTrack();
    });
    connect(m_track, &ProbabilityTrack::timeClicked, m_plot,
            [this](double t) { m_plot->setVisibleStartS(t - m_plot->visibleSpanS() / 2); });
    connect(m_overview, &OverviewStrip::centreRequested, m_plot,
            [this](double t) { m_plot->setVisibleStartS(t - m_plot->visibleSpanS() / 2); });
    setTheme(m_plot->theme());
}

void EcgViewer::setSignalView(std::shared_ptr<const view::SignalView> view)
{
    m_plot->setSignalView(view);
    m_overview->setSignalView(view, overviewLead());
    m_overview->setVisibleWindow(m_plot->visibleStartS(), m_plot->visibleSpanS());
    updateOverviewVisibility();
    updateAccessibleDescription();
}

void EcgViewer::updateAccessibleDescription()
{
    const auto& view = m_plot->signalView();
    if (!view) {
        m_plot->setAccessibleDescription(tr("No recording shown."));
        return;
    }
    // What a sighted reader takes in at a glance: which leads, which stretch, at what scale.
    const Recording& r = view->recording();
    QStringList leads;
    for (const Lead& l : r.leads)
        leads << leadLabel(l);
    const double start = std::max(0.0, m_plot->visibleStartS());
    const double end = std::min(r.durationS(), start + m_plot->visibleSpanS());
    const PaperMetrics& m = m_plot->paperMetrics();
    m_plot->setAccessibleDescription(
        tr("Leads %1; %2 to %3 s of %4 s shown at %5 mm/s and %6 mm/mV.")
            .arg(leads.join(QLatin1String(", ")), QLocale().toString(start, 'f', 1),
                 QLocale().toString(end, 'f', 1), QLocale().toString(r.durationS(), 'f', 1),
                 QLocale().toString(m.speedMmPerS(), 'g', 4),
                 QLocale().toString(m.gainMmPerMv(), 'g', 4)));
}

void EcgViewer::replaceSignalView(std::shared_ptr<const view::SignalView> view)
{
    m_plot->replaceSignalView(view);
    m_overview->setSignalView(view, overviewLead());
    m_overview->setVisibleWindow(m_plot->visibleStartS(), m_plot->visibleSpanS());
}

void EcgViewer::setTheme(const EcgTheme& theme)
{
    m_plot->setTheme(theme);
    m_overview->setColors(theme.paper, theme.trace, theme.caliper);
}

void EcgViewer::setRhythmLead(int lead)
{
    m_plot->setRhythmLead(lead);
    m_overview->setLead(overviewLead());
}

int EcgViewer::overviewLead() const
{
    const auto& view = m_plot->signalView();
    if (!view)
        return 0;
    if (m_plot->rhythmLead() >= 0)
        return m_plot->rhythmLead();
    for (const Panel& p : m_plot->paperLayout().panels)
        if (p.rhythm)
            return p.lead;
    const int ii = view->recording().leadIndex("II");
    return ii >= 0 ? ii : 0;
}

void EcgViewer::syncTrack()
{
    // Same pixel columns as the plot's paper, so a window sits under its own beats.
    const QRect paper = m_plot->paperRect();
    m_track->setHorizontalMargins(paper.left(), m_plot->width() - paper.right() - 1);
    m_track->setTimeRange(m_plot->visibleStartS(),
                          m_plot->visibleStartS() + m_plot->visibleSpanS());
}

bool EcgViewer::overviewShown() const
{
    return !m_overview->isHidden();
}

void EcgViewer::updateOverviewVisibility()
{
    // Only worth the space when the recording is longer than what one screen shows.
    const double dur = m_plot->durationS();
    m_overview->setVisible(dur > 0 && dur > m_plot->visibleSpanS() * 1.05);
}

} // namespace ecglens
