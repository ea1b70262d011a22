#include "ecg_paper.h"

#include "dsp/signal_kind.h"
#include "ecg_layout.h"
#include "lead_scale_text.h"
#include "view/lead_scale.h"

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace ecglens::report {

namespace {

// Landscape A4 (297 x 210 mm): a 260 x 150 mm grid; the first 10 mm of every row hold the
// calibration pulse, the next 250 mm are 10 s at 25 mm/s.
constexpr double kGridLeftMm = kPageLeftMm;
constexpr double kGridTopMm = 42.0;
constexpr double kGridWidthMm = kPageContentWidthMm;
constexpr double kGridHeightMm = 150.0;
constexpr double kTraceOffsetMm = 10.0;
constexpr double kStripS = 10.0;
constexpr double kColumnS = 2.5;
constexpr int kStandardRows = 4;          // 3 rows of 4 columns + the rhythm strip
constexpr int kLeadRows = kPaperLeadRows; // one lead per row otherwise

const QColor kMinorColour(245, 190, 190);
const QColor kMajorColour(220, 90, 90);

double rowHeightMm(bool standard)
{
    return kGridHeightMm / (standard ? kStandardRows : kLeadRows);
}

double medianOf(const std::vector<float>& samples)
{
    std::vector<float> v;
    v.reserve(samples.size());
    for (float s : samples)
        if (std::isfinite(s))
            v.push_back(s);
    if (v.empty())
        return 0.0;
    auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

void drawGrid(QPainter& p, const MmMap& mm)
{
    const QRectF g = ecgGridMm();
    auto lines = [&](double stepMm, const QColor& colour, double widthMm) {
        p.setPen(QPen(colour, mm(widthMm), Qt::SolidLine, Qt::FlatCap));
        const int nx = int(std::lround(g.width() / stepMm));
        const int ny = int(std::lround(g.height() / stepMm));
        for (int i = 0; i <= nx; ++i) {
            const double x = g.left() + i * stepMm;
            p.drawLine(mm.point(x, g.top()), mm.point(x, g.bottom()));
        }
        for (int j = 0; j <= ny; ++j) {
            const double y = g.top() + j * stepMm;
            p.drawLine(mm.point(g.left(), y), mm.point(g.right(), y));
        }
    };
    lines(1.0, kMinorColour, 0.08);
    lines(5.0, kMajorColour, 0.2);
}

/// 1 mV x 200 ms pulse standing on the row's baseline.
void drawCalibration(QPainter& p, const MmMap& mm, double xMm, double baselineMm)
{
    const double h = 1.0 * kPaperGainMmPerMv;
    const double w = 0.2 * kPaperSpeedMmPerS;
    QPainterPath path(mm.point(xMm, baselineMm));
    path.lineTo(mm.point(xMm + 2.0, baselineMm));
    path.lineTo(mm.point(xMm + 2.0, baselineMm - h));
    path.lineTo(mm.point(xMm + 2.0 + w, baselineMm - h));
    path.lineTo(mm.point(xMm + 2.0 + w, baselineMm));
    path.lineTo(mm.point(xMm + 4.0 + w, baselineMm));
    p.drawPath(path);
}

void drawSegment(QPainter& p, const MmMap& mm, const Lead& lead, const StripSegment& s, double x0Mm,
                 double baselineMm, double offset, double scale)
{
    if (lead.fsHz <= 0 || lead.samples.empty())
        return;
    const auto n = std::int64_t(lead.samples.size());
    const auto from = std::clamp<std::int64_t>(std::llround(s.startS * lead.fsHz), 0, n);
    const auto to =
        std::clamp<std::int64_t>(std::llround((s.startS + s.durationS) * lead.fsHz), from, n);
    QPainterPath path;
    bool open = false;
    for (std::int64_t i = from; i < to; ++i) {
        const float v = lead.samples[std::size_t(i)];
        if (!std::isfinite(v)) {
            open = false; // a gap stays a gap
            continue;
        }
        const QPointF pt = mm.point(x0Mm + double(i - from) / lead.fsHz * kPaperSpeedMmPerS,
                                    baselineMm - (double(v) - offset) * scale);
        if (open)
            path.lineTo(pt);
        else
            path.moveTo(pt);
        open = true;
    }
    p.drawPath(path);
}

/// A caliper mark from `aMm` to `bMm` on a row: two blue lines from `topMm` to below the
/// baseline, a bar joining their tops and the label over it.
void drawMark(QPainter& p, const MmMap& mm, const PaperMark& m, double aMm, double bMm,
              double topMm, double baselineMm)
{
    const QColor blue(0, 70, 200);
    p.save();
    p.setPen(QPen(blue, mm(0.3), Qt::SolidLine, Qt::FlatCap));
    const double top = topMm, bottom = baselineMm + 4.0;
    for (const double x : {aMm, bMm})
        p.drawLine(mm.point(x, top), mm.point(x, bottom));
    p.drawLine(mm.point(aMm, top), mm.point(bMm, top));
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(7.0);
    f.setStyleStrategy(QFont::PreferNoShaping);
    p.setFont(f);
    p.drawText(mm.point(aMm + 0.5, top - 0.8), m.label);
    p.restore();
}

/// A band's shading, and for a numbered one its outline in its colour.
void fillBand(QPainter& p, const MmMap& mm, const PaperBand& band, const QRectF& rectMm)
{
    p.save();
    const bool outlined = band.number > 0 && band.colour.alpha() > 0;
    p.setPen(outlined ? QPen(QColor(band.colour.rgb()), mm(0.25)) : QPen(Qt::NoPen));
    p.setBrush(band.colour);
    p.drawRect(mm.rect(rectMm));
    p.restore();
}

/// A numbered band's number, black, at the foot of its rectangle.
void numberBand(QPainter& p, const MmMap& mm, const PaperBand& band, const QRectF& rectMm)
{
    p.save();
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(7.0);
    f.setBold(true);
    f.setStyleStrategy(QFont::PreferNoShaping);
    p.setFont(f);
    p.setPen(Qt::black);
    p.drawText(mm.point(rectMm.left() + 0.4, rectMm.bottom() - 0.8), QString::number(band.number));
    p.restore();
}

} // namespace

std::vector<QRectF> bandRectsMm(const PaperPage& page, const PaperBand& band)
{
    std::vector<QRectF> rects;
    const QRectF g = ecgGridMm();
    const double rowH = rowHeightMm(page.standard);
    for (std::size_t r = 0; r < page.rows.size(); ++r)
        for (const StripSegment& s : page.rows[r].segments) {
            const double from = std::max(band.fromS, s.startS);
            const double to = std::min(band.toS, s.startS + s.durationS);
            if (s.lead != band.lead || !(to > from))
                continue;
            const double x0 = g.left() + kTraceOffsetMm + s.xMm;
            rects.emplace_back(x0 + (from - s.startS) * kPaperSpeedMmPerS,
                               g.top() + double(r) * rowH, (to - from) * kPaperSpeedMmPerS, rowH);
        }
    return rects;
}

QRectF ecgGridMm()
{
    return {kGridLeftMm, kGridTopMm, kGridWidthMm, kGridHeightMm};
}

double ecgPageSpanS()
{
    return kStripS;
}

PaperPage leadRowsPage(const Recording& signal, const std::vector<int>& leads, double startS)
{
    PaperPage page;
    for (const int l : leads) {
        if (int(page.rows.size()) == kLeadRows)
            break;
        if (l >= 0 && l < int(signal.leads.size()))
            page.rows.push_back(
                {{{l, leadLabel(signal.leads[std::size_t(l)]), startS, kStripS, 0.0}}});
    }
    return page;
}

std::vector<PaperPage> ecgLayout(const Recording& signal, double startS)
{
    std::vector<PaperPage> layout;
    std::vector<bool> shown(signal.leads.size(), false);
    static const char* const kColumns[4][3] = {
        {"I", "II", "III"}, {"aVR", "aVL", "aVF"}, {"V1", "V2", "V3"}, {"V4", "V5", "V6"}};
    bool all = true;
    for (const auto& column : kColumns)
        for (const char* name : column)
            all = all && signal.leadIndex(name) >= 0;
    if (all) {
        std::vector<StripRow> rows(3);
        for (int c = 0; c < 4; ++c)
            for (int r = 0; r < 3; ++r) {
                const int l = signal.leadIndex(kColumns[c][r]);
                rows[std::size_t(r)].segments.push_back({l, leadLabel(signal.leads[std::size_t(l)]),
                                                         startS + c * kColumnS, kColumnS,
                                                         c * kColumnS * kPaperSpeedMmPerS});
            }
        const int ii = signal.leadIndex("II");
        rows.push_back({{{ii, leadLabel(signal.leads[std::size_t(ii)]), startS, kStripS, 0.0}}});
        for (const StripRow& row : rows)
            for (const StripSegment& s : row.segments)
                shown[std::size_t(s.lead)] = true;
        layout.push_back({std::move(rows), true});
    }
    // The rest in the viewer's order (the limb leads first when all six are there).
    QStringList names;
    for (const Lead& lead : signal.leads)
        names << QString::fromStdString(lead.name);
    std::vector<int> rest;
    for (const int l : displayOrder(names))
        if (!shown[std::size_t(l)])
            rest.push_back(l);
    // As few pages as kLeadRows allows, the leads shared evenly (6 leads: 3 + 3, not 5 + 1, so
    // no page holds a lone row; a monitor record's ECG and its other signals usually part there).
    const std::size_t pages = (rest.size() + std::size_t(kLeadRows) - 1) / std::size_t(kLeadRows);
    for (std::size_t p = 0, from = 0; p < pages; ++p) {
        const std::size_t to = from + (rest.size() - from + (pages - p) - 1) / (pages - p);
        layout.push_back(leadRowsPage(
            signal, {rest.begin() + std::ptrdiff_t(from), rest.begin() + std::ptrdiff_t(to)},
            startS));
        from = to;
    }
    if (layout.empty())
        layout.push_back({});
    return layout;
}

void drawEcgPage(QPainter& p, const MmMap& mm, const Recording& signal, const PaperPage& page,
                 bool removeMedian, const std::vector<PaperMark>& marks,
                 const std::vector<PaperBand>& bands, const std::vector<double>& stimuliS)
{
    const std::vector<StripRow>& rows = page.rows;
    p.save();
    // Bands under the grid (its lines stay the colour and width that make the paper
    // measurable) and the traces, the numbered (strongest) last; their numbers over the grid.
    for (const bool numbered : {false, true})
        for (const PaperBand& band : bands)
            if ((band.number > 0) == numbered)
                for (const QRectF& r : bandRectsMm(page, band))
                    fillBand(p, mm, band, r);
    drawGrid(p, mm);
    for (const PaperBand& band : bands)
        if (band.number > 0)
            for (const QRectF& r : bandRectsMm(page, band))
                numberBand(p, mm, band, r);
    const QRectF g = ecgGridMm();
    const double rowH = rowHeightMm(page.standard);
    QFont labelFont(QStringLiteral("DejaVu Sans"));
    labelFont.setPointSizeF(8.0);
    labelFont.setBold(true);
    labelFont.setStyleStrategy(QFont::PreferNoShaping);
    p.setFont(labelFont);
    const QPen tracePen(Qt::black, mm(0.2), Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const double top = g.top() + double(r) * rowH;
        const double baseline = top + rowH * 0.6;
        p.setPen(tracePen);
        p.setClipping(false);
        const auto valid = [&](int l) { return l >= 0 && l < int(signal.leads.size()); };
        const int first = rows[r].segments.empty() ? -1 : rows[r].segments.front().lead;
        if (!valid(first) || dsp::mayBeEcg(signal.leads[std::size_t(first)]))
            drawCalibration(p, mm, g.left() + 1.0, baseline); // 1 mV: not for other signals
        const double traceLeft = g.left() + kTraceOffsetMm;
        for (std::size_t k = 0; k < rows[r].segments.size(); ++k) {
            const StripSegment& s = rows[r].segments[k];
            const double x0 = traceLeft + s.xMm;
            if (k > 0) // column boundary tick
                p.drawLine(mm.point(x0, baseline - 3.0), mm.point(x0, baseline + 3.0));
            if (!valid(s.lead)) {
                p.drawText(mm.point(x0 + 1.0, top + 4.0), s.label);
                continue;
            }
            const Lead& lead = signal.leads[std::size_t(s.lead)];
            // Another kind of signal (pressure, respiration) fitted to its row, scale labelled.
            const view::LeadScale scale =
                view::leadScale(lead, view::scaleBasis(lead), kPaperGainMmPerMv, 0.8 * rowH);
            p.drawText(mm.point(x0 + 1.0, top + 4.0), s.label + leadScaleSuffix(scale, lead.unit));
            const double offset = !scale.ecg     ? scale.centre
                                  : removeMedian ? medianOf(lead.samples)
                                                 : 0.0;
            // ECG traces may run into the neighbouring rows, as on paper, but never off the grid;
            // another signal stays in its row (a flush spike beyond its usual range is cut).
            p.setClipRect(
                mm.rect(scale.ecg ? QRectF(x0, g.top(), s.durationS * kPaperSpeedMmPerS, g.height())
                                  : QRectF(x0, top, s.durationS * kPaperSpeedMmPerS, rowH)));
            drawSegment(p, mm, lead, s, x0, scale.ecg ? baseline : top + 0.5 * rowH, offset,
                        scale.mmPerUnit); // another signal swings about the row's middle
            p.setClipping(false);
            if (scale.ecg && !stimuliS.empty()) { // pacemaker stimuli: ticks above the trace
                p.save();
                p.setPen(QPen(QColor(kStimulusRgb), mm(0.35), Qt::SolidLine, Qt::FlatCap));
                for (const double t : stimuliS)
                    if (t >= s.startS && t < s.startS + s.durationS) {
                        const double x = x0 + (t - s.startS) * kPaperSpeedMmPerS;
                        p.drawLine(mm.point(x, top + 4.5), mm.point(x, top + 7.0));
                    }
                p.restore();
            }
            int level = 0; // marks on one segment are stacked, each bar and label above the last
            for (const PaperMark& m : marks)
                if (m.lead == s.lead && m.fromS >= s.startS && m.toS <= s.startS + s.durationS)
                    drawMark(p, mm, m, x0 + (m.fromS - s.startS) * kPaperSpeedMmPerS,
                             x0 + (m.toS - s.startS) * kPaperSpeedMmPerS, top + 9.0 - 3.5 * level++,
                             baseline);
        }
    }
    p.restore();
}

} // namespace ecglens::report
