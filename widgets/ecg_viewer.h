#pragma once

#include "ecg_plot.h"

#include <QWidget>

#include <memory>

namespace ecglens {

class OverviewStrip;
class ProbabilityTrack;
class VerdictBanner;

/// The verdict banner, the plot, the probability track (shown once it has data) and the
/// overview strip of the whole recording (shown for records longer than one screen). What the
/// main window embeds.
class EcgViewer : public QWidget
{
    Q_OBJECT
public:
    explicit EcgViewer(QWidget* parent = nullptr);

    EcgPlot* plot() const { return m_plot; }
    OverviewStrip* overview() const { return m_overview; }
    ProbabilityTrack* probabilityTrack() const { return m_track; }
    VerdictBanner* verdictBanner() const { return m_banner; }

    void setSignalView(std::shared_ptr<const view::SignalView> view);
    void replaceSignalView(std::shared_ptr<const view::SignalView> view);
    void setTheme(const EcgTheme& theme);
    /// The overview follows the rhythm lead.
    void setRhythmLead(int lead);
    bool overviewShown() const;

private:
    void updateOverviewVisibility();
    int overviewLead() const;
    void syncTrack();
    /// What the traces show, for a screen reader (leads, time shown, speed and gain).
    void updateAccessibleDescription();

    EcgPlot* m_plot;
    OverviewStrip* m_overview;
    ProbabilityTrack* m_track;
    VerdictBanner* m_banner;
};

} // namespace ecglens
