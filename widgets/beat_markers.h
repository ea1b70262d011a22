#pragma once

#include <qcustomplot.h>

#include <vector>

namespace ecglens {

class EcgPlot;

/// One detected beat as the viewer sees it: R time and its one-letter class ("N", "S", "V", "Q").
struct BeatMark
{
    double timeS = 0.0;
    char code = 'N';
};

/// Beat markers over an EcgPlot: a small tick above every beat on the rhythm strip (or on the
/// first row when the layout has no rhythm strip); N plain grey, S blue, V red with its letter.
/// Highlighted times (a finding's evidence) get a translucent band over the whole paper.
/// Pacemaker stimuli get a magenta stroke from above the trace down to it, on the same rows.
/// Plain value types in, no engine or file access.
class BeatMarkerLayer : public QCPLayerable
{
    Q_OBJECT
public:
    explicit BeatMarkerLayer(EcgPlot* plot);

    void setBeats(std::vector<BeatMark> beats);
    const std::vector<BeatMark>& beats() const { return m_beats; }
    void setHighlighted(std::vector<double> timesS);
    /// Pacemaker stimuli to mark (s, any order).
    void setStimuli(std::vector<double> timesS);
    const std::vector<double>& stimuli() const { return m_stimuli; }
    const std::vector<double>& highlighted() const { return m_highlight; }
    void setMarkersVisible(bool on);
    bool markersVisible() const { return m_markersVisible; }
    void clear();
    /// Number of markers of a class (e.g. 'V').
    int count(char code) const;

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;

private:
    EcgPlot* m_plot;
    std::vector<BeatMark> m_beats; ///< sorted by time
    std::vector<double> m_highlight;
    std::vector<double> m_stimuli; ///< sorted
    bool m_markersVisible = true;
};

} // namespace ecglens
