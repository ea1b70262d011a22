#pragma once

// ECG paper on a PDF page, true scale: 25 mm/s, 10 mm/mV, 1 mm minor and 5 mm major grid, a
// 1 mV calibration pulse at the start of every row. Everything is placed in millimetres and
// mapped to device units, so the printed grid measures what it says.

#include "core/recording.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;

namespace ecglens::report {

/// Every page is laid out on landscape A4 (297 x 210 mm), centred on the sheet it is printed on
/// (report::Paper): content from 18.5 mm, 260 mm wide — the ECG grid and the text pages alike.
inline constexpr double kPageLeftMm = 18.5;
inline constexpr double kPageContentWidthMm = 260.0;

inline constexpr double kPaperSpeedMmPerS = 25.0;
inline constexpr double kPaperGainMmPerMv = 10.0;

/// Millimetres -> device units of a page whose origin is the paper's top-left corner.
struct MmMap
{
    double unitsPerMm = 1.0;
    double operator()(double mm) const { return mm * unitsPerMm; }
    QPointF point(double xMm, double yMm) const { return {xMm * unitsPerMm, yMm * unitsPerMm}; }
    QRectF rect(const QRectF& mm) const
    {
        return {mm.x() * unitsPerMm, mm.y() * unitsPerMm, mm.width() * unitsPerMm,
                mm.height() * unitsPerMm};
    }
};

/// One lead over one time span, drawn from `xMm` (relative to the row's trace start).
struct StripSegment
{
    int lead = -1;
    QString label;
    double startS = 0.0;
    double durationS = 0.0;
    double xMm = 0.0;
};

struct StripRow
{
    std::vector<StripSegment> segments;
};

/// The rows of one ECG page.
struct PaperPage
{
    std::vector<StripRow> rows;
    bool standard = false; ///< 3 x 4 + rhythm strip (4 rows), else one lead per row (5 rows)
};

/// ECG pages for the 10 s from `startS`: the standard 3 x 4 layout (2.5 s columns) plus a rhythm
/// strip of lead II when the 12 standard leads exist, then one row per remaining lead (all
/// leads when the 12 are not there), at most 5 rows a page, shared evenly between the pages.
std::vector<PaperPage> ecgLayout(const Recording& signal, double startS = 0.0);

/// How many leads a page with one lead per row holds.
inline constexpr int kPaperLeadRows = 5;

/// A page with one row per lead over the 10 s from `startS`: the first kPaperLeadRows of `leads`
/// (indices into signal.leads).
PaperPage leadRowsPage(const Recording& signal, const std::vector<int>& leads, double startS);

/// Seconds shown by one ECG page (10 s at 25 mm/s).
double ecgPageSpanS();

/// The grid rectangle of an ECG page, in mm (of the landscape A4 layout).
QRectF ecgGridMm();

/// An interval marked on the paper (a clinician's caliper measurement): blue lines at its two
/// times on every row segment of its lead that holds them, joined above the trace and labelled.
struct PaperMark
{
    int lead = -1;
    double fromS = 0.0;
    double toS = 0.0;
    QString label; ///< e.g. "QT 468 ms"
};

/// A SHAP contribution shaded behind the trace (the viewer's band): its colour over the whole
/// height of every row segment of its lead that holds part of [fromS, toS); a `number` > 0 is
/// written at the band's foot and its outline drawn (the report's strongest segments).
/// A fully transparent colour draws no shading or outline.
struct PaperBand
{
    int lead = -1;
    double fromS = 0.0;
    double toS = 0.0;
    QColor colour;
    int number = 0;
};

/// Draws `bands`, the grid over them, and each row with its calibration pulse, labels and traces,
/// then `marks`, then a magenta tick above each ECG trace at every pacemaker stimulus of
/// `stimuliS` (times in s). With `removeMedian` each lead's median is subtracted (raw signal);
/// otherwise 0 mV is the baseline.
void drawEcgPage(QPainter& painter, const MmMap& mm, const Recording& signal, const PaperPage& page,
                 bool removeMedian, const std::vector<PaperMark>& marks = {},
                 const std::vector<PaperBand>& bands = {},
                 const std::vector<double>& stimuliS = {});

/// The colour of the pacemaker-stimulus ticks (the viewer's too).
inline constexpr QRgb kStimulusRgb = 0xbe00be;

/// The rectangles (mm) a band covers on a page: one per row segment of its lead that holds part
/// of it, clipped to that segment's time span and spanning its row's height.
std::vector<QRectF> bandRectsMm(const PaperPage& page, const PaperBand& band);

} // namespace ecglens::report
