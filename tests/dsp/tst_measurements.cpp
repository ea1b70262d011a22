// Measurements and rhythm findings: hand-computed HRV, synthetic demo recordings, delineation
// against the LUDB cardiologists' per-lead annotations, rhythm against LUDB diagnoses and the
// MIT-BIH rhythm annotations.

#include "core/lead_names.h"
#include "dsp/measurements.h"
#include "dsp/pacing.h"
#include "dsp/rhythm.h"
#include "dsp/signal_kind.h"
#include "dsp/st_segment.h"
#include "io/open.h"
#include "test_data.h"
#include "test_recording.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <set>

using namespace ecglens;

namespace {

// MIT-BIH 10 s windows: AF windows (208) flagged at least, AF windows reporting a PR interval at
// most, windows of other rhythms (atrial flutter aside; 1398) flagged at most. Reached values;
// before the S-aware irregularity and the per-beat P check: 179, 22 and 160; other rhythms
// flagged 49 before the P search began after the preceding T wave and the P offset stopped
// before the QRS, 30 before the check whether the wave in the P window follows the previous
// beat (the previous T wave in fast AF), which found 4 more of PTB-XL's AF records at 100 Hz.
const int kMinAfFlagged = 196, kMaxAfWithPr = 5, kMaxOtherFlagged = 32;

// PTB-XL records whose only rhythm statement is AFIB flagged at least, and SR at most, per
// sampling rate (reached values; before the previous-beat check: 79 of 92 and 29 of 1443 at
// 100 Hz, 10 of 12 and 7 of 406 at 500 Hz; SR 29 and 7 until RR next to unclassifiable beats,
// such as a partial beat at the record's edge, stopped counting as irregularity).
struct PtbxlRhythmBound
{
    const char* rate;
    int minAfFlagged, maxSinusFlagged;
};
const PtbxlRhythmBound kPtbxlRhythm[] = {{"100 Hz", 83, 10}, {"500 Hz", 11, 2}};
// PTB-XL records whose only rhythm statement is SBRAD (38 at 100 Hz) or STACH (55) with the
// dominant rhythm found as (sinus) bradycardia or (sinus) tachycardia at least (reached values).
// SR records read as sinus bradycardia are many (178 of 1443): PTB-XL's readers call 50-60 bpm
// sinus rhythm (200 SR against 20 SBRAD there, 1 against 12 below 50 bpm), the 2018 ACC/AHA/HRS
// bradycardia guideline's 50 bpm; ours is 60 bpm, the textbook limit LUDB's cardiologists use.
const int kPtbxlMinBradycardiaFound = 31, kPtbxlMinTachycardiaFound = 55;
// SR records read as sinus rhythm at least, as 60-100 bpm without P waves at most (100 Hz).
const int kPtbxlMinSinusRhythm = 1113, kPtbxlMaxNoPWave = 108;
// Pacemaker stimuli on PTB-XL's 500 Hz records kept at every other sample: PACE records found at
// least, others flagged at most (reached values).
const int kPacing250MinFound = 3, kPacing250MaxFalse = 0;

const std::set<dsp::FindingKind> kDominantRhythms = {
    dsp::FindingKind::SinusRhythm,      dsp::FindingKind::SinusBradycardia,
    dsp::FindingKind::SinusTachycardia, dsp::FindingKind::Bradycardia,
    dsp::FindingKind::Tachycardia,      dsp::FindingKind::NormalRateNoPWave};

bool hasFinding(const std::vector<dsp::Finding>& fs, dsp::FindingKind k)
{
    for (const auto& f : fs)
        if (f.kind == k)
            return true;
    return false;
}

/// Whether findings may include a QRS shape finding (bundle branch or fascicular block): the
/// median beat is not a paced one and the limb leads are not possibly swapped.
bool qrsShapeTold(const std::vector<dsp::Finding>& fs)
{
    const auto pacing = dsp::pacingSummary(fs);
    return !(pacing && pacing->medianPaced) &&
           !hasFinding(fs, dsp::FindingKind::ArmElectrodeReversal) &&
           !hasFinding(fs, dsp::FindingKind::ArmLegElectrodeReversal);
}

/// Rows of a CSV file with RFC 4180 quoting (fields may hold quoted newlines); empty when the
/// file cannot be read.
std::vector<std::vector<std::string>> readCsv(const QString& path)
{
    std::vector<std::vector<std::string>> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const std::string text = f.readAll().toStdString();
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    auto endRow = [&] {
        row.push_back(field);
        field.clear();
        out.push_back(std::move(row));
        row.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += text[++i];
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\n') {
            endRow();
        } else if (c != '\r') {
            field += c;
        }
    }
    if (!field.empty() || !row.empty())
        endRow();
    return out;
}

/// ludb.csv: ID -> Rhythms.
std::map<int, std::string> ludbRhythms()
{
    std::map<int, std::string> out;
    const auto rows = readCsv(test::dataPath(QStringLiteral("ludb/ludb.csv")));
    for (std::size_t i = 1; i < rows.size(); ++i)
        if (rows[i].size() > 3)
            out[std::atoi(rows[i][0].c_str())] = rows[i][3];
    return out;
}

/// One row of PTB-XL's ptbxl_database.csv, as the tests here need it.
struct PtbxlRow
{
    std::string id;
    std::map<std::string, double> codes; ///< scp_codes: statement -> likelihood
    std::string heartAxis;               ///< heart_axis ("" when the report gave none)
    std::string sex;                     ///< "0" male, "1" female
    std::string lr, hr;                  ///< filename_lr / filename_hr ("" when not shared)
    int fold = 0;                        ///< strat_fold
};

/// ptbxl_database.csv's rows (empty when unreadable).
std::vector<PtbxlRow> ptbxlRows()
{
    std::vector<PtbxlRow> out;
    const auto rows = readCsv(test::dataPath(QStringLiteral("ptbxl/ptbxl_database.csv")));
    if (rows.empty())
        return out;
    const auto& head = rows[0];
    auto column = [&](const char* name) {
        return std::size_t(std::find(head.begin(), head.end(), name) - head.begin());
    };
    const std::size_t idCol = column("ecg_id"), codesCol = column("scp_codes"),
                      axisCol = column("heart_axis"), sexCol = column("sex"),
                      lrCol = column("filename_lr"), hrCol = column("filename_hr"),
                      foldCol = column("strat_fold");
    if (std::max({idCol, codesCol, axisCol, sexCol, lrCol, hrCol, foldCol}) >= head.size())
        return out;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& row = rows[i];
        if (row.size() < head.size())
            continue;
        PtbxlRow r{row[idCol], {}, row[axisCol], row[sexCol], row[lrCol], row[hrCol]};
        r.fold = std::atoi(row[foldCol].c_str());
        // scp_codes is a Python dict literal: {'AFIB': 100.0, 'NST_': 0.0}
        const std::string& codes = row[codesCol];
        for (std::size_t q = codes.find('\''); q != std::string::npos;) {
            const std::size_t e = codes.find('\'', q + 1);
            const std::size_t colon = e == std::string::npos ? e : codes.find(':', e);
            if (colon == std::string::npos)
                break;
            r.codes[codes.substr(q + 1, e - q - 1)] = std::atof(codes.c_str() + colon + 1);
            q = codes.find('\'', colon);
        }
        out.push_back(std::move(r));
    }
    return out;
}

struct Wave
{
    std::int64_t on = -1, peak = -1, off = -1;
};

/// Waves of one kind ("p", "N", "t") per lead from LUDB's "(" peak ")" triplets.
std::vector<std::vector<Wave>> ludbWaves(const Recording& r, const std::string& kind)
{
    std::vector<std::vector<const Annotation*>> perLead(r.leads.size());
    for (const Annotation& a : r.annotations)
        if (a.lead >= 0 && a.lead < int(r.leads.size()))
            perLead[std::size_t(a.lead)].push_back(&a);
    std::vector<std::vector<Wave>> out(r.leads.size());
    for (std::size_t l = 0; l < perLead.size(); ++l) {
        auto& v = perLead[l];
        std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->sample < b->sample; });
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (v[i]->code != kind)
                continue;
            Wave w;
            w.peak = v[i]->sample;
            if (i > 0 && v[i - 1]->code == "(")
                w.on = v[i - 1]->sample;
            if (i + 1 < v.size() && v[i + 1]->code == ")")
                w.off = v[i + 1]->sample;
            out[l].push_back(w);
        }
    }
    return out;
}

double medianOf(std::vector<double> v)
{
    if (v.empty())
        return std::nan("");
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Stat
{
    std::vector<double> e;
    int missed = 0; ///< reference present, ours NaN ("not delineated"): counted, not dropped
    int extra = 0;  ///< ours reported where the cardiologists marked none (e.g. a P wave in AF)
    void add(double v)
    {
        if (std::isfinite(v))
            e.push_back(v);
        else
            ++missed;
    }
    double mean() const
    {
        double s = 0;
        for (double v : e)
            s += v;
        return e.empty() ? std::nan("") : s / double(e.size());
    }
    double sd() const
    {
        const double m = mean();
        double s = 0;
        for (double v : e)
            s += (v - m) * (v - m);
        return e.size() < 2 ? std::nan("") : std::sqrt(s / double(e.size() - 1));
    }
};

/// The recording at half its rate, keeping every other sample (as a 250 Hz cart would store a
/// 500 Hz one, without its anti-aliasing filter: a spike of one sample is kept or lost by
/// its phase).
Recording everyOtherSample(const Recording& r)
{
    Recording out = r;
    out.fsHz = r.fsHz / 2;
    for (Lead& l : out.leads) {
        l.fsHz /= 2;
        l.digital.clear();
        std::vector<float> half;
        for (std::size_t i = 0; i < l.samples.size(); i += 2)
            half.push_back(l.samples[i]);
        l.samples = std::move(half);
    }
    return out;
}

bool pacedFinding(const dsp::Analysis& a)
{
    return hasFinding(dsp::rhythmFindings(a.beats, a.measurements),
                      dsp::FindingKind::PacemakerSpikes);
}

} // namespace

/// PTB-XL's readers read the ECG as normal: NORM at likelihood 50 or more, nothing but SR
/// besides.
bool readAsNormal(const PtbxlRow& row)
{
    const auto norm = row.codes.find("NORM");
    return norm != row.codes.end() && norm->second >= 50 &&
           std::all_of(row.codes.begin(), row.codes.end(),
                       [](const auto& c) { return c.first == "NORM" || c.first == "SR"; });
}

/// Counts of a PTB-XL finding test per rate (0 = 100 Hz, 1 = 500 Hz), folds (0 = 1-8, 1 = the
/// held-out 9-10) and statement group: {records, and two counts the test chooses}.
struct FoldCounts
{
    std::map<std::string, std::array<int, 3>> n[2][2];

    int total(int rate, const char* group, int what)
    {
        return n[rate][0][group][std::size_t(what)] + n[rate][1][group][std::size_t(what)];
    }

    /// The table, under `title` and a header naming the two counts.
    void print(const char* title, const char* counts) const
    {
        std::printf("%s\nrate    folds  group    records  %s\n", title, counts);
        for (int rate = 0; rate < 2; ++rate)
            for (int held = 0; held < 2; ++held)
                for (const auto& [group, c] : n[rate][held])
                    std::printf("%-7s %-6s %-8s %7d %6d %6d\n", rate ? "500 Hz" : "100 Hz",
                                held ? "9-10" : "1-8", group.c_str(), c[0], c[1], c[2]);
        std::fflush(stdout);
    }
};

/// A hand-drawn median beat at 500 Hz: the standard 12 leads flat (0 mV), R at sample 250, QRS
/// from 40 ms before R to 60 ms after it.
dsp::MedianBeat flatMedianBeat()
{
    dsp::MedianBeat m;
    m.fsHz = 500.0;
    m.rIndex = 250;
    for (const char* name : kStandardLeads) {
        m.leadNames.emplace_back(name);
        m.leads.emplace_back(600, 0.0f);
        m.mvPerUnit.push_back(1.0);
        m.computed.push_back(false);
    }
    m.fiducials.qrsOnsetMs = -40.0;
    m.fiducials.qrsOffsetMs = 60.0;
    return m;
}

/// Draws lead `name` of `m` through the points (ms relative to R, mV), straight between them (the
/// points lie on the 2 ms sample grid), 0 mV outside them.
void drawLead(dsp::MedianBeat& m, const std::string& name,
              const std::vector<std::pair<double, double>>& points)
{
    const auto l =
        std::size_t(std::find(m.leadNames.begin(), m.leadNames.end(), name) - m.leadNames.begin());
    auto& x = m.leads.at(l);
    std::fill(x.begin(), x.end(), 0.0f);
    for (std::size_t p = 1; p < points.size(); ++p) {
        const auto [t0, v0] = points[p - 1];
        const auto [t1, v1] = points[p];
        for (double t = t0; t <= t1 + 1e-9; t += 2.0)
            x[std::size_t(m.rIndex + std::lround(t / 2.0))] =
                float(v0 + (v1 - v0) * (t - t0) / (t1 - t0));
    }
}

/// A triangular Q wave from `fromMs` down to -depth halfway and back to 0 after `widthMs`, then an
/// R of 1 mV falling back to 0 at QRS offset (60 ms).
std::vector<std::pair<double, double>> qThenR(double fromMs, double widthMs, double depthMv)
{
    const double back = fromMs + widthMs;
    return {{fromMs, 0.0},
            {fromMs + widthMs / 2, -depthMv},
            {back, 0.0},
            {back + 10, 1.0},
            {60.0, 0.0}};
}

class TestMeasurements : public QObject
{
    Q_OBJECT

    struct Analysed
    {
        std::optional<dsp::Analysis> analysis;
        std::vector<dsp::Finding> findings; ///< dsp::rhythmFindings of the analysis
        std::string error;                  ///< io::open's, when the record could not be read
    };
    std::map<QString, Analysed> m_analysed;

    /// dsp::analyse of a recording (absolute path), read and analysed once per run: several
    /// tests here walk the same PTB-XL records.
    const Analysed& analysed(const QString& path)
    {
        auto [it, added] = m_analysed.try_emplace(path);
        if (added) {
            const auto rec = io::open(path.toStdString());
            if (rec.ok())
                it->second.analysis = dsp::analyse(*rec);
            else
                it->second.error = rec.error();
            if (const auto& a = it->second.analysis)
                it->second.findings = dsp::rhythmFindings(a->beats, a->measurements);
        }
        return it->second;
    }

    /// A PTB-XL row's record at 100 Hz (rate 0) or 500 Hz (rate 1), analysed().
    struct PtbxlAt
    {
        const PtbxlRow* row = nullptr;
        int rate = 0;
        const Analysed* analysed = nullptr;
    };

    /// Every row's record at 100 Hz and, where the shared data hold it, at 500 Hz (they hold
    /// every 100 Hz record and some at 500 Hz). A 100 Hz record that cannot be read is listed:
    /// its error says why.
    std::vector<PtbxlAt> ptbxlRecords(const std::vector<PtbxlRow>& rows)
    {
        std::vector<PtbxlAt> out;
        for (const PtbxlRow& row : rows)
            for (int rate = 0; rate < 2; ++rate) {
                const std::string& file = rate == 0 ? row.lr : row.hr;
                const QString path = test::dataPath(
                    QStringLiteral("ptbxl/%1.hea").arg(QString::fromStdString(file)));
                if (rate == 1 && (file.empty() || !QFile::exists(path)))
                    continue;
                out.push_back({&row, rate, &analysed(path)});
            }
        return out;
    }

private slots:
    /// Bazett QT / sqrt(RR), Fridericia QT / cbrt(RR), RR in seconds: RR 729 ms = 0.9^3 s, so
    /// Fridericia's QTc of QT 400 ms is 400 / 0.9 = 444.44 ms and Bazett's 400 / 0.85381 =
    /// 468.49 ms; at RR 1 s both equal QT; no RR, no QTc.
    /// dsp::qWaves on hand-drawn beats against widths worked by hand: a triangular Q wave of
    /// width w and depth d leaves the baseline by 0.02 mV (kQWaveEdgeMv) 0.01 w / d ms after it
    /// starts and is back at w, so it measures w (1 - 0.01 / d) ms: 40 ms, 0.3 mV -> 38.667 ms;
    /// 32 ms, 0.2 mV -> 30.4 (meets the 30 ms); 32 ms, 0.1 mV -> 28.8 (does not); 28 ms, 0.06
    /// mV -> 23.333 (meets V2-V3's 20 ms); 20 ms, 0.1 mV -> 18. The definition's leads and
    /// contiguous pairs decide what is found: III only beside II or aVF, never aVR or V1.
    void qWavesHandComputed()
    {
        const auto widthOf = [](const dsp::QWaves& q, const std::string& lead) {
            for (const dsp::QWave& w : q.leads)
                if (w.lead == lead)
                    return w.widthMs;
            return -1.0;
        };
        using Leads = std::vector<std::string>;
        dsp::MedianBeat m = flatMedianBeat();
        QCOMPARE(dsp::qWaves(m).leads.size(), std::size_t(12));
        QVERIFY(dsp::qWaves(m).found.empty());
        // Inferior: II and aVF, from QRS onset and from 20 ms later (the lead's own onset).
        drawLead(m, "II", qThenR(-40, 40, 0.3));
        drawLead(m, "aVF", qThenR(-20, 40, 0.3));
        dsp::QWaves q = dsp::qWaves(m);
        QCOMPARE(q.found, (Leads{"II", "aVF"}));
        QVERIFY(std::abs(widthOf(q, "II") - 38.6667) < 1e-3);
        QVERIFY(std::abs(widthOf(q, "aVF") - 38.6667) < 1e-3);
        QVERIFY(std::abs(q.widestMs - 38.6667) < 1e-3 && std::abs(q.deepestMv - 0.3) < 1e-6);
        QCOMPARE(widthOf(q, "III"), 0.0);
        // A second lead named II (a file may name two alike) is not read: the first is.
        dsp::MedianBeat twice = m;
        twice.leadNames.emplace_back("II");
        twice.leads.emplace_back(600, 0.0f);
        twice.mvPerUnit.push_back(1.0);
        QCOMPARE(dsp::qWaves(twice).found, (Leads{"II", "aVF"}));
        QCOMPARE(dsp::qWaves(twice).leads.size(), std::size_t(12));
        std::swap(twice.leads[1], twice.leads[12]);
        QVERIFY(dsp::qWaves(twice).found.empty());
        // III counts beside aVF; alone it does not.
        drawLead(m, "II", {{-30, 0.0}, {-10, 1.0}, {10, 0.0}});
        drawLead(m, "III", qThenR(-40, 40, 0.3));
        QCOMPARE(dsp::qWaves(m).found, (Leads{"III", "aVF"}));
        drawLead(m, "aVF", {});
        QVERIFY(dsp::qWaves(m).found.empty());
        QCOMPARE(widthOf(dsp::qWaves(m), "II"), 0.0); // an R first: no Q wave
        // Too shallow (0.09 mV) however wide.
        drawLead(m, "III", {});
        drawLead(m, "II", qThenR(-40, 60, 0.09));
        drawLead(m, "aVF", qThenR(-40, 60, 0.09));
        q = dsp::qWaves(m);
        QVERIFY(q.found.empty());
        QVERIFY(std::abs(widthOf(q, "II") - 60.0 * (1 - 0.01 / 0.09)) < 1e-3);
        // High lateral: 30.4 ms meets the 30 ms, 28.8 does not.
        m = flatMedianBeat();
        drawLead(m, "I", qThenR(-40, 32, 0.2));
        drawLead(m, "aVL", qThenR(-36, 32, 0.2));
        q = dsp::qWaves(m);
        QCOMPARE(q.found, (Leads{"I", "aVL"}));
        QVERIFY(std::abs(q.widestMs - 30.4) < 1e-3);
        drawLead(m, "aVL", qThenR(-36, 32, 0.1));
        QVERIFY(std::abs(widthOf(dsp::qWaves(m), "aVL") - 28.8) < 1e-3);
        QVERIFY(dsp::qWaves(m).found.empty());
        // V2-V3: any Q wave longer than 20 ms (23.3 ms of 0.06 mV), not 18 ms; a Q wave of 0.04
        // mV is below kQWaveMinMv and no Q wave at all.
        m = flatMedianBeat();
        drawLead(m, "V2", qThenR(-40, 28, 0.06));
        drawLead(m, "V3", qThenR(-40, 28, 0.06));
        q = dsp::qWaves(m);
        QCOMPARE(q.found, (Leads{"V2", "V3"}));
        QVERIFY(std::abs(q.widestMs - 23.3333) < 1e-3);
        drawLead(m, "V3", qThenR(-40, 20, 0.1));
        QVERIFY(std::abs(widthOf(dsp::qWaves(m), "V3") - 18.0) < 1e-3);
        QVERIFY(dsp::qWaves(m).found.empty());
        drawLead(m, "V3", qThenR(-40, 40, 0.04));
        QCOMPARE(widthOf(dsp::qWaves(m), "V3"), 0.0);
        // QS complexes: negative to QRS offset, as long as the lead's QRS (from 0.8 ms after
        // onset, where a 1 mV fall over 40 ms passes 0.02 mV, to offset: 99.2 ms). In V1 and V2
        // nothing is found (V1 never counts); V4 and V5 are found; aVR never counts.
        m = flatMedianBeat();
        const std::vector<std::pair<double, double>> qs = {{-40, 0.0}, {0, -1.0}, {60, -0.5}};
        for (const char* lead : {"V1", "V2", "aVR"})
            drawLead(m, lead, qs);
        q = dsp::qWaves(m);
        QVERIFY(std::abs(widthOf(q, "V1") - 99.2) < 1e-3);
        QVERIFY(q.found.empty());
        drawLead(m, "V4", qs);
        drawLead(m, "V5", qs);
        q = dsp::qWaves(m);
        QCOMPARE(q.found, (Leads{"V4", "V5"}));
        QVERIFY(std::abs(q.widestMs - 99.2) < 1e-3 && std::abs(q.deepestMv - 1.0) < 1e-6);
        // Without QRS onset nothing is read; a lead with a sample not a number is not either.
        m.fiducials.qrsOnsetMs = std::nan("");
        QVERIFY(dsp::qWaves(m).leads.empty());
        m.fiducials.qrsOnsetMs = -40.0;
        m.leads[10][std::size_t(m.rIndex)] = std::nanf("");
        q = dsp::qWaves(m);
        QVERIFY(std::isnan(widthOf(q, "V5")));
        QVERIFY(q.found.empty());
    }

    void qtcFormulasHandComputed()
    {
        QVERIFY(std::abs(dsp::qtcFridericiaMs(400.0, 729.0) - 4000.0 / 9.0) < 1e-9);
        QVERIFY(std::abs(dsp::qtcBazettMs(400.0, 729.0) - 468.4856) < 1e-3);
        QCOMPARE(dsp::qtcFridericiaMs(412.0, 1000.0), 412.0);
        QCOMPARE(dsp::qtcBazettMs(412.0, 1000.0), 412.0);
        QVERIFY(std::isnan(dsp::qtcFridericiaMs(400.0, 0.0)));
        QVERIFY(std::isnan(dsp::qtcBazettMs(400.0, std::nan(""))));
    }

    void windowCorrelationHandComputed()
    {
        // Two leads, a window of three samples either side of the median's R (sample 1) and the
        // recording's sample 5. Lead 0: recording 1, 1, 4 (less its mean: -1, -1, 2), median 0,
        // 1, 2 (-1, 0, 1). Lead 1: recording 2, 0, 1 (1, -1, 0), median 5, 3, 4 (1, -1, 0).
        // Sum over the leads: products 1 + 0 + 2 + 1 + 1 + 0 = 5, squares 6 + 2 = 8 and
        // 2 + 2 = 4: 5 / sqrt(32) = 0.883883.
        Recording r;
        r.fsHz = 500;
        r.leads.resize(2);
        const std::vector<std::vector<float>> at5 = {{1, 1, 4}, {2, 0, 1}};
        for (std::size_t l = 0; l < 2; ++l) {
            r.leads[l].fsHz = 500;
            r.leads[l].samples.assign(10, 0.f);
            std::copy(at5[l].begin(), at5[l].end(), r.leads[l].samples.begin() + 4);
        }
        dsp::MedianBeat m;
        m.fsHz = 500;
        m.rIndex = 1;
        m.leads = {{0, 1, 2}, {5, 3, 4}};
        QVERIFY(std::abs(dsp::windowCorrelation(r, 5, m, -1, 1) - 5.0 / std::sqrt(32.0)) < 1e-12);
        // A lead whose median is not a number at R (another rate, not an ECG) is left out:
        // lead 0 alone, 3 / sqrt(12).
        m.leads[1][1] = std::nanf("");
        QVERIFY(std::abs(dsp::windowCorrelation(r, 5, m, -1, 1) - 3.0 / std::sqrt(12.0)) < 1e-12);
        // Not judged: the window past either end of the recording or of the beat, a sample not
        // a number, a flat window, an empty span.
        QVERIFY(std::isnan(dsp::windowCorrelation(r, 0, m, -1, 1)));
        QVERIFY(std::isnan(dsp::windowCorrelation(r, 9, m, -1, 1)));
        QVERIFY(std::isnan(dsp::windowCorrelation(r, 5, m, -1, 2)));
        QVERIFY(std::isnan(dsp::windowCorrelation(r, 5, m, 1, -1)));
        r.leads[0].samples[5] = std::nanf("");
        QVERIFY(std::isnan(dsp::windowCorrelation(r, 5, m, -1, 1)));
        r.leads[0].samples.assign(10, 2.f);
        QVERIFY(std::isnan(dsp::windowCorrelation(r, 5, m, -1, 1)));
    }

    void pacingSummaryOfAFinding()
    {
        // Written and read back: the layout is rhythmFindings' (tested on records in
        // pacemakerSpikesHandMade and pacedBeatsMeasuredApart).
        dsp::PacingSummary p;
        p.pacedBeats = 7;
        p.beats = 11;
        p.medianApart = true;
        p.medianBeats = 10;
        p.medianPaced = true;
        p.pacedByShape = 3;
        QCOMPARE(dsp::pacingValues(p), (std::vector<double>{7, 11, 10, 1, 3}));
        dsp::Finding f;
        f.kind = dsp::FindingKind::PacemakerSpikes;
        f.values = dsp::pacingValues(p);
        auto back = dsp::pacingSummary(f);
        QVERIFY(back.has_value());
        QCOMPARE(back->pacedBeats, std::size_t(7));
        QCOMPARE(back->beats, std::size_t(11));
        QVERIFY(back->medianApart && back->medianPaced);
        QCOMPARE(back->medianBeats, std::size_t(10));
        QCOMPARE(back->pacedByShape, std::size_t(3));
        // The median of all beats: paced by the majority rule, 7 of 11 yes, 5 of 11 no.
        f.values = {7, 11};
        back = dsp::pacingSummary(f);
        QVERIFY(back && !back->medianApart && back->medianPaced && back->pacedByShape == 0);
        f.values = {5, 11};
        QVERIFY(!dsp::pacingSummary(f)->medianPaced);
        // Values not a number or negative read as no beats; too few values or another kind: none.
        f.values = {std::nan(""), -3, std::nan(""), std::nan(""), -1};
        back = dsp::pacingSummary(f);
        QVERIFY(back && back->pacedBeats == 0 && back->beats == 0 && back->medianBeats == 0 &&
                !back->medianPaced && back->pacedByShape == 0);
        f.values = {7};
        QVERIFY(!dsp::pacingSummary(f));
        f.values = {7, 11};
        f.kind = dsp::FindingKind::Pause;
        QVERIFY(!dsp::pacingSummary(f));
        QVERIFY(!dsp::pacingSummary(std::vector<dsp::Finding>{f}));
        f.kind = dsp::FindingKind::PacemakerSpikes;
        QVERIFY(dsp::pacingSummary(std::vector<dsp::Finding>{dsp::Finding{}, f}).has_value());
    }

    void hrvHandComputed()
    {
        // RR 1000, 800, 900, 1000 ms: mean 925, SDNN sqrt(27500/3) = 95.743,
        // successive differences -200, 100, 100: RMSSD sqrt(20000) = 141.421, pNN50 100 %.
        Recording r;
        r.fsHz = 500;
        r.leads.resize(1);
        r.leads[0].fsHz = 500;
        r.leads[0].samples.assign(2500, 0.f);
        std::vector<dsp::Beat> beats;
        for (double t : {0.5, 1.5, 2.3, 3.2, 4.2}) {
            dsp::Beat b;
            b.timeS = t;
            b.sample = std::int64_t(std::lround(t * 500));
            beats.push_back(b);
        }
        const auto m = dsp::measure(r, beats);
        QCOMPARE(m.values.beatCount, 5);
        QVERIFY(std::abs(m.values.rrMeanMs - 925.0) < 1e-9);
        QVERIFY(std::abs(m.values.heartRateBpm - 60000.0 / 925.0) < 1e-9);
        QVERIFY(std::abs(m.values.sdnnMs - 95.7427) < 1e-3);
        QVERIFY(std::abs(m.values.rmssdMs - 141.4214) < 1e-3);
        QCOMPARE(m.values.pnn50Percent, 100.0);
        // A ventricular beat removes the two RR intervals around it from the NN set.
        beats[2].beatClass = dsp::BeatClass::Ventricular;
        const auto m2 = dsp::measure(r, beats);
        QCOMPARE(m2.values.ventricularBeats, 1);
        // NN intervals left: 1000 and 1000 (not adjacent): SDNN 0, no successive pair.
        QCOMPARE(m2.values.sdnnMs, 0.0);
        QVERIFY(std::isnan(m2.values.rmssdMs));
        // Pause finding with its evidence.
        std::vector<dsp::Beat> p = beats;
        p[2].beatClass = dsp::BeatClass::Normal;
        p[3].timeS = 4.6;
        p[4].timeS = 5.4;
        const auto fs = dsp::rhythmFindings(p, dsp::measure(r, p));
        bool found = false;
        for (const auto& f : fs)
            if (f.kind == dsp::FindingKind::Pause) {
                found = true;
                QCOMPARE(f.beats, (std::vector<std::size_t>{2, 3}));
                QVERIFY(std::abs(f.values.at(0) - 2300.0) < 1e-6);
                QCOMPARE(f.valueUnit, std::string("ms"));
            }
        QVERIFY(found);
    }

    void demoRecordings_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<double>("hr");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("pvc");
        QTest::newRow("72 bpm") << QStringLiteral("demo:hr=72,seconds=30") << 72.0
                                << int(dsp::FindingKind::SinusRhythm) << false;
        QTest::newRow("45 bpm") << QStringLiteral("demo:hr=45,seconds=30") << 45.0
                                << int(dsp::FindingKind::SinusBradycardia) << false;
        QTest::newRow("125 bpm") << QStringLiteral("demo:hr=125,seconds=30,fs=250") << 125.0
                                 << int(dsp::FindingKind::SinusTachycardia) << false;
        QTest::newRow("PVCs") << QStringLiteral("demo:hr=70,seconds=60,ectopic=0.1") << 70.0
                              << int(dsp::FindingKind::SinusRhythm) << true;
    }
    void demoRecordings()
    {
        QFETCH(QString, spec);
        QFETCH(double, hr);
        QFETCH(int, kind);
        QFETCH(bool, pvc);
        const auto rec = io::open(spec.toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        const auto a = dsp::analyse(*rec);
        QVERIFY(a.has_value());
        const auto& v = a->measurements.values;
        qInfo("%s: HR %.1f PR %.0f QRS %.0f QT %.0f QTcB %.0f axes %.0f/%.0f/%.0f",
              qPrintable(spec), v.heartRateBpm, v.prMs, v.qrsMs, v.qtMs, v.qtcBazettMs, v.pAxisDeg,
              v.qrsAxisDeg, v.tAxisDeg);
        QVERIFY(std::abs(v.heartRateBpm - hr) < 0.06 * hr);
        QVERIFY(v.qrsMs > 50 && v.qrsMs < 200); // ECGSYN widens its waves at slow rates
        QVERIFY(v.qtMs > 250 && v.qtMs < 600);
        // At 125 bpm the demo's P wave (ECGSYN: peak 96 ms before R, PR ~100 ms) starts right
        // after the preceding T wave; the P search begins where that T wave ends.
        QVERIFY(std::isfinite(v.prMs) && v.prMs > (hr < 110 ? 80 : 60) && v.prMs < 260);
        QVERIFY(v.qtcFridericiaMs > 0 && v.qtcBazettMs > 0);
        QVERIFY(!a->measurements.windows.empty());
        const auto fs = dsp::rhythmFindings(a->beats, a->measurements);
        QVERIFY(hasFinding(fs, dsp::FindingKind(kind)) ||
                (kind == int(dsp::FindingKind::SinusTachycardia) &&
                 hasFinding(fs, dsp::FindingKind::Tachycardia)));
        QVERIFY(!hasFinding(fs, dsp::FindingKind::IrregularPossibleAf));
        QCOMPARE(hasFinding(fs, dsp::FindingKind::PrematureVentricularBeats), pvc);
    }

    // A T wave cannot end at or after the next beat's QRS onset: such an end is left empty, so
    // QT / QTc are never reported longer than the RR interval. PTB-XL 00020 (140 bpm, RR 430 ms,
    // a flat T wave running into the next P wave) was reported with QT 514 ms and QTc Bazett
    // 784 ms before; checked over all PTB-XL 100 Hz records, and how many lose their T end.
    void impossibleTEndNotReported()
    {
        const QString folder = test::dataPath(QStringLiteral("ptbxl/records100"));
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00020_lr.hea"));
        QDirIterator it(folder, {QStringLiteral("*_lr.hea")}, QDir::Files,
                        QDirIterator::Subdirectories);
        int records = 0, withQt = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const Analysed& r = analysed(path);
            QVERIFY2(r.error.empty(), r.error.c_str());
            const auto& a = r.analysis;
            if (!a)
                continue;
            ++records;
            const auto& v = a->measurements.values;
            if (path.endsWith(QLatin1String("00020_lr.hea"))) {
                QVERIFY2(std::isnan(v.qtMs) && std::isnan(v.qtcBazettMs),
                         qPrintable(QString::number(v.qtMs)));
                QVERIFY(std::abs(v.heartRateBpm - 140) < 2);
            }
            if (std::isfinite(v.qtMs)) {
                ++withQt;
                QVERIFY2(v.qtMs < v.rrMaxMs, qPrintable(path));
            }
        }
        qInfo("PTB-XL 100 Hz: %d records measured, QT reported for %d", records, withQt);
        QCOMPARE(records, 1810);
        // Before this rule all 1810 had a QT, 23 of them at least as long as the record's
        // longest RR (e.g. 00857: QT 594 ms, RR max 470 ms); now 1783 have one (27 T ends at or
        // after the median beat's next QRS onset are left empty).
        QVERIFY2(withQt >= 1780, qPrintable(QString::number(withQt)));
    }

    void ludbDelineationAndRhythm();
    void stLevelsAgainstCardiologistsMarks();
    void stLevelsFollowAnAddedElevation();
    void otherSignalsChangeNothing();
    void ecgAtItsOwnRate();
    void mitbihAtrialFibrillation();
    void ptbxlRhythmStatements();
    void ptbxlAxisAndVoltages();
    void limbElectrodeReversals();
    void computedLimbLeadsAgainstRecorded();
    void ptbxlBundleBranchBlocks();
    void ptbxlLeftAnteriorFascicularBlock();
    void ptbxlPathologicalQWaves();
    void pacemakerSpikesHandMade();
    void pacemakerSpikesOnRealRecords();
    void pacedShapeOnRealRecords();
    void pacedBeatsMeasuredApart();
};

void TestMeasurements::ludbDelineationAndRhythm()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("ludb/ludb.csv"));
    const auto rhythms = ludbRhythms();
    QVERIFY(rhythms.size() >= 90);
    // Fiducials: ours (median beat, relative to R) - reference (median over beats of the
    // cardiologists' earliest onset / latest offset over the 12 leads, relative to our R).
    const char* names[] = {"P onset", "P offset", "QRS onset", "QRS offset", "T offset"};
    // CSE Working Party (Eur Heart J 1985;6:815-825) tolerances, stated as 2 s_CSE (s_CSE: the
    // spread of the CSE referees' own marks). The delineation literature (Laguna et al. 1994,
    // Martinez et al. 2004) compares an algorithm's SD of error with them.
    const double cse2sd[] = {10.2, 12.7, 6.5, 11.6, 30.6};
    // Split (the shared data holds LUDB's odd IDs): IDs 1, 5, 9, ... (ID % 4 == 1) were used to
    // develop and tune the delineation; IDs 3, 7, 11, ... (ID % 4 == 3) are held out and are the
    // reported and asserted figures.
    Stat stats[5], dev[5], heldOutSinusT;
    // The same with leads II and V1 only.
    Stat twoDev[5], twoHeldOut[5];
    const bool dump = qEnvironmentVariableIsSet("ECGLENS_DELINEATION_DUMP");
    int afTotal = 0, afFound = 0, sinusTotal = 0, sinusFalseAf = 0, bradyTotal = 0, bradyFound = 0;
    for (const auto& [id, rhythm] : rhythms) {
        const QString rel = QStringLiteral("ludb/data/%1.hea").arg(id);
        ECGLENS_REQUIRE_DATA(rel);
        const auto rec = io::open(test::dataPath(rel).toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        const auto a = dsp::analyse(*rec);
        QVERIFY(a.has_value());
        const auto fs = dsp::rhythmFindings(a->beats, a->measurements);
        const bool af = rhythm.find("Atrial fibrillation") != std::string::npos;
        if (af) {
            ++afTotal;
            afFound += hasFinding(fs, dsp::FindingKind::IrregularPossibleAf);
        } else if (rhythm.rfind("Sinus", 0) == 0) {
            ++sinusTotal;
            sinusFalseAf += hasFinding(fs, dsp::FindingKind::IrregularPossibleAf);
            if (rhythm.rfind("Sinus bradycardia", 0) == 0) {
                ++bradyTotal;
                bradyFound += hasFinding(fs, dsp::FindingKind::SinusBradycardia) ||
                              hasFinding(fs, dsp::FindingKind::Bradycardia);
            }
        }
        const double fsHz = rec->fsHz;
        using OfBeats = dsp::Measurements::MedianOf;
        const auto p = ludbWaves(*rec, "p"), q = ludbWaves(*rec, "N"), t = ludbWaves(*rec, "t");
        // Per fiducial, per beat of the analysis that its median beat was built from (all, or
        // on a paced record the paced or the unpaced ones alone: Measurements::medianOf): the
        // reference relative to that beat's R.
        auto references = [&](const dsp::Analysis& an) {
            const std::vector<dsp::Beat>& beats = an.beats;
            const auto& m = an.measurements;
            std::vector<bool> measured(beats.size(), m.medianOf != OfBeats::PacedBeats);
            if (m.medianOf != OfBeats::AllBeats)
                for (const std::size_t i : m.pacing.pacedBeats)
                    if (i < measured.size())
                        measured[i] = m.medianOf == OfBeats::PacedBeats;
            std::array<std::vector<double>, 5> ref;
            for (std::size_t bi = 0; bi < beats.size(); ++bi) {
                if (!measured[bi])
                    continue;
                const std::int64_t r = beats[bi].sample;
                // A wave belongs to this beat only if its peak lies between the neighbouring R
                // points: at fast rates (LUDB 35, flutter 2:1 at 140/min) the 700 ms T window would
                // otherwise take the next beat's T wave as this beat's T end.
                const double prevMs =
                    bi > 0 ? double(beats[bi - 1].sample - r) * 1000.0 / fsHz : -1e9;
                const double nextMs =
                    bi + 1 < beats.size() ? double(beats[bi + 1].sample - r) * 1000.0 / fsHz : 1e9;
                auto global = [&](const std::vector<std::vector<Wave>>& waves, double lo, double hi,
                                  bool onset, std::vector<double>& outV) {
                    std::int64_t best = onset ? INT64_MAX : INT64_MIN;
                    int leads = 0;
                    for (const auto& lead : waves)
                        for (const Wave& w : lead) {
                            const double dt = double(w.peak - r) * 1000.0 / fsHz;
                            const std::int64_t s = onset ? w.on : w.off;
                            if (dt < lo || dt > hi || s < 0)
                                continue;
                            best = onset ? std::min(best, s) : std::max(best, s);
                            ++leads;
                        }
                    if (leads >= 3)
                        outV.push_back(double(best - r) * 1000.0 / fsHz);
                };
                const double pLo = std::max(-400.0, prevMs + 80),
                             tHi = std::min(700.0, nextMs - 80);
                global(p, pLo, -40, true, ref[0]);
                global(p, pLo, -40, false, ref[1]);
                global(q, -80, 80, true, ref[2]);
                global(q, -80, 80, false, ref[3]);
                global(t, 80, tHi, false, ref[4]);
            }
            return ref;
        };
        const auto ref = references(*a);
        const auto& f = a->measurements.medianBeat.fiducials;
        // ECGLENS_DELINEATION_DUMP_DIR: per record its median beats, our and the reference
        // fiducials (<id>.csv for 12 leads, <id>_2.csv for leads II and V1).
        const int recId = id; // a lambda may not capture a structured binding in C++17
        auto dumpCsv = [&](const dsp::Analysis& an, const std::array<std::vector<double>, 5>& rf,
                           const char* suffix) {
            const QByteArray dir = qgetenv("ECGLENS_DELINEATION_DUMP_DIR");
            if (dir.isEmpty())
                return;
            const auto& mb = an.measurements.medianBeat;
            const auto& fd = mb.fiducials;
            FILE* out = std::fopen(
                (dir.toStdString() + "/" + std::to_string(recId) + suffix + ".csv").c_str(), "w");
            if (!out)
                return;
            std::vector<double> rrs;
            for (std::size_t i = 1; i < an.beats.size(); ++i)
                rrs.push_back(1000.0 * (an.beats[i].timeS - an.beats[i - 1].timeS));
            std::fprintf(out, "%g,%lld,%g,%g,%g,%g,%g,%g,%g,%g,%g,%g,%g,%g\n", mb.fsHz,
                         (long long)mb.rIndex, fd.pOnsetMs, fd.pOffsetMs, fd.qrsOnsetMs,
                         fd.qrsOffsetMs, fd.tOffsetMs, medianOf(rf[0]), medianOf(rf[4]),
                         medianOf(rrs), medianOf(rf[1]), medianOf(rf[2]), medianOf(rf[3]),
                         fd.tPeakMs);
            for (const auto& l : mb.leads) {
                for (float v : l)
                    std::fprintf(out, "%g,", v);
                std::fprintf(out, "\n");
            }
            std::fclose(out);
        };
        dumpCsv(*a, ref, "");
        const double ours[] = {f.pOnsetMs, f.pOffsetMs, f.qrsOnsetMs, f.qrsOffsetMs, f.tOffsetMs};
        const bool heldOut = id % 4 == 3;
        for (int k = 0; k < 5; ++k) {
            if (ref[k].size() < 2) {
                (heldOut ? stats : dev)[k].extra += std::isfinite(ours[k]);
                continue;
            }
            {
                (heldOut ? stats : dev)[k].add(ours[k] - medianOf(ref[k]));
                if (heldOut && k == 4 && rhythm.rfind("Sinus", 0) == 0)
                    heldOutSinusT.add(ours[k] - medianOf(ref[k]));
                if (dump || std::abs(ours[k] - medianOf(ref[k])) > 50)
                    qInfo("record %d %s: ours %.0f ref %.0f ms", id, names[k], ours[k],
                          medianOf(ref[k]));
            }
        }
        {
            // The same record with two leads only (II and V1, as in many Holter and MIT-BIH
            // records): its own beats, its own median beat, the 12-lead reference.
            Recording two = *rec;
            two.leads.erase(
                std::remove_if(two.leads.begin(), two.leads.end(),
                               [](const Lead& l) { return l.name != "II" && l.name != "V1"; }),
                two.leads.end());
            QCOMPARE(two.leads.size(), std::size_t(2));
            const auto a2 = dsp::analyse(two);
            QVERIFY(a2.has_value());
            const auto ref2 = references(*a2);
            dumpCsv(*a2, ref2, "_2");
            const auto& f2 = a2->measurements.medianBeat.fiducials;
            const double ours2[] = {f2.pOnsetMs, f2.pOffsetMs, f2.qrsOnsetMs, f2.qrsOffsetMs,
                                    f2.tOffsetMs};
            for (int k = 0; k < 5; ++k) {
                if (ref2[k].size() < 2) {
                    (heldOut ? twoHeldOut : twoDev)[k].extra += std::isfinite(ours2[k]);
                    continue;
                }
                (heldOut ? twoHeldOut : twoDev)[k].add(ours2[k] - medianOf(ref2[k]));
                if (dump)
                    qInfo("record %d, II + V1, %s: ours %.0f ref %.0f ms", id, names[k], ours2[k],
                          medianOf(ref2[k]));
            }
        }
    }
    // n = records with a reference and a value of ours; miss = reference but ours NaN (not
    // delineated); extra = ours reported where the cardiologists marked no such wave.
    auto table = [&](const char* title, const Stat* dv, const Stat* ho) {
        std::printf("LUDB delineation (%zu records), %s: ours - cardiologists, ms\n",
                    rhythms.size(), title);
        std::printf("%-11s | %-37s | %-37s | %s\n", "", "development (ID % 4 == 1)",
                    "held out (ID % 4 == 3)", "CSE");
        std::printf("%-11s | %4s %4s %4s %7s %6s %7s | %4s %4s %4s %7s %6s %7s | %6s\n", "fiducial",
                    "n", "miss", "xtra", "mean", "SD", "2SD", "n", "miss", "xtra", "mean", "SD",
                    "2SD", "2sCSE");
        for (int k = 0; k < 5; ++k)
            std::printf("%-11s | %4zu %4d %4d %7.1f %6.1f %7.1f | %4zu %4d %4d %7.1f %6.1f "
                        "%7.1f | %6.1f\n",
                        names[k], dv[k].e.size(), dv[k].missed, dv[k].extra, dv[k].mean(),
                        dv[k].sd(), 2 * dv[k].sd(), ho[k].e.size(), ho[k].missed, ho[k].extra,
                        ho[k].mean(), ho[k].sd(), 2 * ho[k].sd(), cse2sd[k]);
    };
    table("12 leads", dev, stats);
    table("leads II and V1 only", twoDev, twoHeldOut);
    std::printf("T offset, held out, sinus rhythms only (no AF / flutter waves): n %zu, mean %.1f, "
                "SD %.1f ms\n",
                heldOutSinusT.e.size(), heldOutSinusT.mean(), heldOutSinusT.sd());
    std::printf("LUDB rhythm: AF found %d/%d, AF called in sinus %d/%d, bradycardia %d/%d\n",
                afFound, afTotal, sinusFalseAf, sinusTotal, bradyFound, bradyTotal);
    std::fflush(stdout);
    // Asserted on the held-out records: the reached values with a small margin (mean +- SD ms;
    // in brackets the SD against 2 s_CSE, then twice our SD): P onset 0.4 +- 7.3 (7.3 vs 10.2;
    // 14.5), P offset 1.6 +- 5.1 (5.1 vs 12.7; 10.2; 6.4 before its trapezium stopped 20 ms
    // before the QRS onset point), QRS onset -1.6 +- 6.3 (6.3 vs 6.5; 12.7; 10.5 before the
    // onset started from the spatial deviation off the PR level), QRS offset -0.9 +- 7.4 (7.4 vs
    // 11.6; 14.7; 8.4 before it came from the spatial deviation off the ST level), T offset
    // -1.3 +- 18.9 (18.9 vs 30.6; 37.8; 0.6 +- 20.2 from the spatial magnitude alone, before the
    // per-lead refinement). On the records with some beats paced (45, 93, 95) the reference is
    // over the beats the median beat was built from: with it over all beats, LUDB 95's median of
    // its paced beats (more than half of them found from leads II and V1) was compared with
    // marks half of unpaced beats, and the two-lead QRS offset SD read 12.0.
    // Most of what is left is the reference's own spread: the earliest / latest over 12 leads
    // follows whichever single lead the cardiologists marked early / late (T offset: LUDB 29,
    // lead II only, 130 ms after the other leads); on the development half our error correlates
    // -0.5 to -0.8 with (reference - median of the per-lead marks). Criterion per fiducial: |mean|
    // and SD below these bounds, and at most maxMissed records not delineated where the
    // cardiologists marked the wave (P: 2 held-out records, LUDB 31 and 127; LUDB 87 was missed
    // too before the P search began after the preceding T wave).
    const double maxAbsMean[] = {1.5, 2.5, 2.5, 1.5, 2};
    const double maxSd[] = {8, 5.5, 7, 8, 19.5};
    const int maxMissed[] = {2, 2, 0, 0, 0};
    for (int k = 0; k < 5; ++k) {
        // The CSE criterion: SD of the error within 2 s_CSE (held out, 12 leads).
        QVERIFY2(stats[k].sd() <= cse2sd[k], names[k]);
        QVERIFY2(stats[k].e.size() >= 35, names[k]);
        QVERIFY2(std::abs(stats[k].mean()) <= maxAbsMean[k], names[k]);
        QVERIFY2(stats[k].sd() <= maxSd[k], names[k]);
        QVERIFY2(stats[k].missed <= maxMissed[k], names[k]);
        QVERIFY2(stats[k].extra <= 1, names[k]); // LUDB 103 (flutter): a flutter wave as P
    }
    QVERIFY(heldOutSinusT.e.size() >= 35);
    QVERIFY(heldOutSinusT.sd() <= 19); // 18.5: 2 SD 37 ms vs CSE 30.6 (19.7 before per lead)
    // Leads II and V1 only (as Holter records), against the same 12-lead reference (the
    // earliest / latest of 12 leads, which two leads cannot always see), held out, reached
    // values: P onset -4.7 +- 24.1 ms (4 missed), P offset 2.3 +- 11.4, QRS onset 0.5 +- 6.7
    // (6.2 +- 12.4 before the deviation-based onset, whose level scales with the number of
    // leads), QRS offset -2.2 +- 11.1, T offset -2.4 +- 40.4 with 1 not reported (development
    // 5.2 +- 77.9 before the T search stopped at the next beat's P wave, 65 and 121: the next P
    // wave as T peak; -9.4 +- 43.0 after). The one held-out T end not reported lay at or after
    // the next beat's QRS onset (97 ms after the reference): impossible, so left empty (it was
    // -0.7 +- 42.6 over 50 with it).
    const double twoMaxAbsMean[] = {5.5, 3, 1.5, 3, 3};
    const double twoMaxSd[] = {25, 12, 7.5, 11.5, 41};
    const int twoMaxMissed[] = {4, 4, 0, 0, 1};
    for (int k = 0; k < 5; ++k) {
        QVERIFY2(twoHeldOut[k].e.size() + std::size_t(twoHeldOut[k].missed) ==
                     stats[k].e.size() + std::size_t(stats[k].missed),
                 names[k]);
        QVERIFY2(std::abs(twoHeldOut[k].mean()) <= twoMaxAbsMean[k], names[k]);
        QVERIFY2(twoHeldOut[k].sd() <= twoMaxSd[k], names[k]);
        QVERIFY2(twoHeldOut[k].missed <= twoMaxMissed[k], names[k]);
    }
    // The held-out half has no record where the next P wave outgrows the T wave; the tuned-on
    // development half guards that fix (a regression bound, not a validation figure).
    QVERIFY(twoDev[4].sd() <= 44);
    // Reached: AF found in 6 of 8, AF called in 0 of 90 sinus records (1 until RR next to
    // unclassifiable beats stopped counting as irregularity).
    QVERIFY(afFound >= 6);
    QCOMPARE(sinusFalseAf, 0);
    QVERIFY(bradyFound * 10 >= bradyTotal * 5);
}

void TestMeasurements::mitbihAtrialFibrillation()
{
    // 10 s windows; truth = the rhythm annotation in force at the window centre. The shared data
    // holds two MIT-BIH records with atrial fibrillation (201, 203; 202, 219, 221 and 222 are in
    // DS2, not shared); the others are sinus records, some with frequent premature beats.
    struct Count
    {
        int windows = 0, flagged = 0, withPr = 0;
    };
    std::map<std::string, Count> byRhythm;
    std::string perRecord = "record  windows  agree\n";
    int agree = 0, total = 0, flaggedWithPr = 0;
    for (const char* name : {"201", "203", "101", "112", "122", "118", "209", "220", "223"}) {
        const QString rel = QStringLiteral("mitdb/%1.hea").arg(QLatin1String(name));
        ECGLENS_REQUIRE_DATA(rel);
        const auto rec = io::open(test::dataPath(rel).toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        const auto a = dsp::analyse(*rec);
        QVERIFY(a.has_value());
        const auto fs = dsp::rhythmFindings(a->beats, a->measurements);
        int recAgree = 0, recTotal = 0;
        for (const auto& w : a->measurements.windows) {
            const double mid = 0.5 * (w.startS + w.endS);
            std::string rhythm = "(N";
            for (const Annotation& an : rec->annotations)
                if (an.code == "+" && an.timeS <= mid && !an.text.empty())
                    rhythm = an.text.substr(0, an.text.find('\0'));
            bool flagged = false;
            for (const auto& f : fs)
                if (f.kind == dsp::FindingKind::IrregularPossibleAf && mid >= f.startS &&
                    mid < f.endS)
                    flagged = true;
            Count& c = byRhythm[rhythm];
            ++c.windows;
            c.flagged += flagged;
            c.withPr += std::isfinite(w.values.prMs);
            flaggedWithPr += flagged && std::isfinite(w.values.prMs);
            ++recTotal;
            recAgree += flagged == (rhythm == "(AFIB");
        }
        char line[64];
        std::snprintf(line, sizeof line, "%-6s %8d %6.1f%%\n", name, recTotal,
                      100.0 * recAgree / std::max(1, recTotal));
        perRecord += line;
        agree += recAgree;
        total += recTotal;
    }
    std::printf("MIT-BIH 10 s windows, 'irregular, no P wave (AF suspected)' against the reference "
                "rhythm\nrhythm   windows  flagged  with PR\n");
    for (const auto& [rhythm, c] : byRhythm)
        std::printf("%-8s %7d %8d %8d\n", rhythm.c_str(), c.windows, c.flagged, c.withPr);
    std::printf("%sagreement (flagged == AFIB) %d/%d = %.1f%%\n", perRecord.c_str(), agree, total,
                100.0 * agree / std::max(1, total));
    std::fflush(stdout);
    const Count af = byRhythm["(AFIB"];
    int otherWin = 0, otherFlagged = 0;
    for (const auto& [rhythm, c] : byRhythm)
        if (rhythm != "(AFIB" && rhythm != "(AFL") {
            otherWin += c.windows;
            otherFlagged += c.flagged;
        }
    QVERIFY(af.windows > 50);
    QCOMPARE(flaggedWithPr, 0); // a flagged window never reports a PR interval
    QVERIFY2(af.flagged >= kMinAfFlagged, "AF windows flagged");
    QVERIFY2(af.withPr <= kMaxAfWithPr, "AF windows with a PR interval");
    QVERIFY2(otherFlagged <= kMaxOtherFlagged, "non-AF windows flagged");
}

void TestMeasurements::ptbxlRhythmStatements()
{
    // PTB-XL's rhythm statements (cardiologists' reading, scp_statements.csv rhythm == 1) against
    // the finding "irregular, no P wave" (AFIB and SR) and the dominant rhythm found (SBRAD,
    // STACH): records with exactly one rhythm statement, at both sampling rates PTB-XL ships
    // (100 Hz is what the detector sees; the 500 Hz originals).
    ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
    ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/scp_statements.csv"));
    std::set<std::string> rhythmCodes;
    for (const auto& row : readCsv(test::dataPath(QStringLiteral("ptbxl/scp_statements.csv"))))
        if (row.size() > 4 && row[4] == "1.0")
            rhythmCodes.insert(row[0]);
    QVERIFY(rhythmCodes.count("AFIB") && rhythmCodes.count("SR"));
    const auto rows = ptbxlRows();
    QVERIFY(rows.size() > 1000);
    struct Count
    {
        int records = 0, flagged = 0;
        std::string missed; // ids where the finding disagrees with the statement
    };
    std::map<std::string, Count> byRate; // "AFIB 100 Hz", ...
    std::map<std::string, std::map<std::string, int>> dominantByStatement;
    for (const PtbxlRow& row : rows) {
        std::vector<std::string> rhythm;
        for (const auto& [code, likelihood] : row.codes)
            if (rhythmCodes.count(code))
                rhythm.push_back(code);
        if (rhythm.size() != 1 || (rhythm[0] != "AFIB" && rhythm[0] != "SR" &&
                                   rhythm[0] != "SBRAD" && rhythm[0] != "STACH"))
            continue;
        for (const auto& [file, rate] :
             {std::pair{row.lr, "100 Hz"}, std::pair{row.hr, "500 Hz"}}) {
            if (file.empty())
                continue; // some shared records come at 100 Hz only
            const QString rel = QStringLiteral("ptbxl/%1.hea").arg(QString::fromStdString(file));
            ECGLENS_REQUIRE_DATA(rel);
            const Analysed& r = analysed(test::dataPath(rel));
            QVERIFY2(r.error.empty(), r.error.c_str());
            const auto& a = r.analysis;
            Count& c = byRate[rhythm[0] + " " + rate];
            ++c.records;
            const auto fs =
                a ? dsp::rhythmFindings(a->beats, a->measurements) : std::vector<dsp::Finding>{};
            const bool af = hasFinding(fs, dsp::FindingKind::IrregularPossibleAf);
            c.flagged += af;
            std::string dominant = af ? "af" : "none";
            for (const auto& f : fs)
                if (kDominantRhythms.count(f.kind))
                    dominant = f.code;
            ++dominantByStatement[rhythm[0] + " " + rate][dominant];
            if ((rhythm[0] == "AFIB") != af)
                c.missed += " " + row.id;
        }
    }
    std::printf("PTB-XL rhythm statement vs 'irregular, no P wave (AF suspected)'\n");
    for (const auto& [key, c] : byRate)
        std::printf("%-12s records %5d  flagged %5d (%.1f%%)%s%s\n", key.c_str(), c.records,
                    c.flagged, 100.0 * c.flagged / std::max(1, c.records),
                    c.missed.empty() ? "" : "  disagree:", c.missed.c_str());
    std::printf("PTB-XL rhythm statement vs the dominant rhythm found\n");
    for (const auto& [key, found] : dominantByStatement) {
        std::printf("%-13s", key.c_str());
        for (const auto& [code, n] : found)
            std::printf(" %s %d", code.c_str(), n);
        std::printf("\n");
    }
    std::fflush(stdout);
    // Every record gets a statement on its rhythm: a dominant rhythm or AF, never nothing
    // (60-100 bpm without P waves found is "normal_rate_no_p_wave", for the reader to review).
    for (auto& [key, found] : dominantByStatement)
        QVERIFY2(found["none"] == 0, key.c_str());
    auto found = [&](const std::string& key, const char* a, const char* b) {
        return dominantByStatement[key][a] + dominantByStatement[key][b];
    };
    QVERIFY(found("SBRAD 100 Hz", "sinus_bradycardia", "bradycardia") >= kPtbxlMinBradycardiaFound);
    QVERIFY(dominantByStatement["SR 100 Hz"]["sinus_rhythm"] >= kPtbxlMinSinusRhythm);
    QVERIFY(dominantByStatement["SR 100 Hz"]["normal_rate_no_p_wave"] <= kPtbxlMaxNoPWave);
    QVERIFY(found("STACH 100 Hz", "sinus_tachycardia", "tachycardia") >= kPtbxlMinTachycardiaFound);
    for (const auto& bound : kPtbxlRhythm) {
        const Count af = byRate[std::string("AFIB ") + bound.rate];
        const Count sr = byRate[std::string("SR ") + bound.rate];
        QVERIFY2(af.records >= 10 && sr.records >= 400, bound.rate); // the shared records
        QVERIFY2(af.flagged >= bound.minAfFlagged, bound.rate);
        QVERIFY2(sr.flagged <= bound.maxSinusFlagged, bound.rate);
    }
}

void TestMeasurements::limbElectrodeReversals()
{
    // Two limb electrodes swapped mirror the frontal plane and keep Einthoven's law. Made so
    // from PTB-XL's 100 Hz records, every third: left and right arm (lead I turned over, II and
    // III, aVR and aVL exchanged) and right arm and left leg (II turned over, I <-> -III, aVR
    // and aVF exchanged); aVL or aVF and the chest leads (Wilson's terminal averages all three)
    // unchanged. The left arm swap must be told on nearly every one with a P wave, as before
    // the right arm-left leg rule came (reached: 476 of 503 told, 3 of them named the other
    // reversal); the right arm-left leg one, by the textbook sign (P, QRS and T negative in II,
    // positive in aVR) on most (reached: 305 of 503, 4 named the arm reversal: the mirror
    // 300 - a puts an axis there only when it was between 0 and 150 degrees, so a QRS or T axis at
    // or left of 0 is missed). As recorded (all 1,810) the arm reversal comes on two records, which
    // the cardiologists' statements do not explain as a reversal: 626, right atrial enlargement and
    // incomplete RBBB (P axis 105, QRS axis 95 deg), and 1473, anterior and inferior infarction
    // with aneurysm (P 131, QRS -103 deg); the right arm-left leg one on none (without its T
    // condition it came on seven: atrial flutter, whose flutter waves are negative in II, and
    // extreme left axes).
    ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
    const auto rows = ptbxlRows();
    QVERIFY(rows.size() > 1000);
    using K = dsp::FindingKind;
    auto kindOf = [](const dsp::Analysis& a) -> std::optional<K> {
        for (const dsp::Finding& f : dsp::rhythmFindings(a.beats, a.measurements))
            if (f.kind == K::ArmElectrodeReversal || f.kind == K::ArmLegElectrodeReversal)
                return f.kind;
        return std::nullopt;
    };
    struct Swap
    {
        const char* name;
        void (*apply)(Recording&);
        K kind;
        int withP = 0, told = 0, misnamed = 0;
    };
    Swap swaps[] = {
        {"left and right arm", test::swapArmElectrodes, K::ArmElectrodeReversal},
        {"right arm and left leg", test::swapRightArmLeftLeg, K::ArmLegElectrodeReversal}};
    int records = 0;
    std::string armAlarms, armLegAlarms;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const PtbxlRow& row = rows[i];
        if (row.lr.empty())
            continue;
        const QString path =
            test::dataPath(QStringLiteral("ptbxl/%1.hea").arg(QString::fromStdString(row.lr)));
        const Analysed& r = analysed(path);
        QVERIFY2(r.error.empty(), r.error.c_str());
        ++records;
        if (const auto k = r.analysis ? kindOf(*r.analysis) : std::nullopt)
            (*k == K::ArmElectrodeReversal ? armAlarms : armLegAlarms) += " " + row.id;
        if (i % 3 != 0)
            continue;
        for (Swap& swap : swaps) {
            auto swapped = io::open(path.toStdString());
            QVERIFY2(swapped.ok(), swapped.error().c_str());
            swap.apply(*swapped);
            const auto a = dsp::analyse(*swapped);
            QVERIFY(a.has_value());
            if (!a->measurements.medianBeat.fiducials.pWavePresent)
                continue;
            ++swap.withP;
            if (const auto k = kindOf(*a)) {
                ++swap.told;
                swap.misnamed += *k != swap.kind;
            }
        }
    }
    const auto count = [](const std::string& ids) {
        return int(std::count(ids.begin(), ids.end(), ' '));
    };
    std::printf("Limb electrode reversals on %d PTB-XL records (100 Hz) as recorded: arms on%s,"
                " right arm-left leg on%s\n",
                records, armAlarms.c_str(), armLegAlarms.c_str());
    for (const Swap& swap : swaps)
        std::printf("  %s swapped: told on %d of %d with a P wave, %d of them named the other\n",
                    swap.name, swap.told, swap.withP, swap.misnamed);
    std::fflush(stdout);
    QVERIFY2(count(armAlarms) <= 2, armAlarms.c_str());
    QVERIFY2(count(armLegAlarms) == 0, armLegAlarms.c_str());
    for (const Swap& swap : swaps) {
        QVERIFY2(swap.withP >= 450, swap.name);
        QVERIFY2(swap.misnamed <= 0.02 * swap.withP, swap.name);
    }
    QVERIFY(swaps[0].told >= 0.9 * swaps[0].withP);
    QVERIFY(swaps[1].told >= 0.55 * swaps[1].withP);
}

void TestMeasurements::ptbxlAxisAndVoltages()
{
    // Against PTB-XL's cardiologists (100 Hz records):
    // - the frontal QRS axis: the fascicular blocks, whose criteria in Surawicz et al. 2009
    //   (AHA/ACCF/HRS, Part III) include the axis (left anterior: -45 to -90 deg; left
    //   posterior: 90 to 180 deg; besides QRS < 120 ms and the qR / rS patterns), heart_axis
    //   "ALAD" (PTB-XL's abnormal left axis; counted here as more negative than -30 deg), and
    //   ECGs read as normal (NORM >= 50, nothing but SR besides: the normal range -30 to 90 deg);
    // - the QRS voltages: VCLVH ("voltage criteria for LVH") against the normals, with the
    //   criteria of Hancock et al. 2009 (Part V): Sokolow-Lyon >= 3.5 mV, Cornell > 2.8 mV in
    //   men, > 2.0 mV in women.
    // Reached values, as one-sided bounds: fewer records in the range fails.
    ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
    const auto rows = ptbxlRows();
    QVERIFY(rows.size() > 1000);
    struct Measured
    {
        dsp::IntervalValues v;
        bool female = false;
    };
    std::map<std::string, std::vector<Measured>> groups; // statement -> measured records
    for (const PtbxlRow& row : rows) {
        std::vector<std::string> in;
        for (const char* code : {"LAFB", "LPFB", "VCLVH"})
            if (row.codes.count(code))
                in.push_back(code);
        if (row.heartAxis == "ALAD")
            in.push_back("ALAD");
        if (readAsNormal(row))
            in.push_back("normal");
        if (in.empty())
            continue;
        const QString rel = QStringLiteral("ptbxl/%1.hea").arg(QString::fromStdString(row.lr));
        ECGLENS_REQUIRE_DATA(rel);
        const Analysed& r = analysed(test::dataPath(rel));
        QVERIFY2(r.error.empty(), r.error.c_str());
        const auto& a = r.analysis;
        QVERIFY(a.has_value());
        for (const auto& g : in)
            groups[g].push_back({a->measurements.values, row.sex == "1"});
    }
    auto count = [&](const char* group, const std::function<bool(const Measured&)>& pred) {
        const auto& v = groups[group];
        return int(std::count_if(v.begin(), v.end(), pred));
    };
    auto axisIn = [](double lo, double hi) {
        return [=](const Measured& m) { return m.v.qrsAxisDeg >= lo && m.v.qrsAxisDeg <= hi; };
    };
    auto sokolow = [](const Measured& m) { return m.v.sokolowLyonMv >= 3.5; };
    auto cornell = [](const Measured& m) { return m.v.cornellMv > (m.female ? 2.0 : 2.8); };
    auto voltage = [&](const Measured& m) { return sokolow(m) || cornell(m); };
    std::printf("PTB-XL QRS axis and voltages (100 Hz) against the statements\n");
    for (auto& [group, v] : groups) {
        std::vector<double> axes;
        for (const auto& m : v)
            axes.push_back(m.v.qrsAxisDeg);
        std::sort(axes.begin(), axes.end());
        const char* g = group.c_str();
        std::printf(
            "%-7s records %4zu  axis median %6.1f  < -30: %4d  -45..-90: %4d  -30..90: %4d  "
            "90..180: %3d  Sokolow-Lyon %3d  Cornell %3d  either %3d\n",
            g, v.size(), axes[axes.size() / 2], count(g, axisIn(-180, -30.001)),
            count(g, axisIn(-90, -45)), count(g, axisIn(-30, 90)), count(g, axisIn(90.001, 180)),
            count(g, sokolow), count(g, cornell), count(g, voltage));
    }
    std::fflush(stdout);
    QVERIFY(groups["LAFB"].size() >= 140 && groups["LPFB"].size() >= 12 &&
            groups["ALAD"].size() >= 14 && groups["VCLVH"].size() >= 69 &&
            groups["normal"].size() >= 750); // the shared records
    QVERIFY(count("LAFB", axisIn(-180, -30.001)) >= 132);
    QVERIFY(count("LAFB", axisIn(-90, -45)) >= 84);
    QVERIFY(count("LPFB", axisIn(90.001, 180)) >= 10);
    QVERIFY(count("ALAD", axisIn(-180, -30.001)) >= 12);
    QVERIFY(count("normal", axisIn(-30, 90)) >= 728);
    QVERIFY(count("VCLVH", voltage) >= 48);
    QVERIFY(count("normal", voltage) <= 25);
}

QTEST_GUILESS_MAIN(TestMeasurements)
namespace {

/// Mean of `x` over the 10 ms centred on sample `at`, or ending at it (`ending`); NaN outside.
double meanAround(const std::vector<float>& x, std::int64_t at, double fsHz, bool ending)
{
    const std::int64_t half = std::lround(5e-3 * fsHz);
    const std::int64_t from = ending ? at - 2 * half : at - half, to = ending ? at : at + half;
    if (from < 0 || to >= std::int64_t(x.size()))
        return std::nan("");
    double sum = 0;
    for (std::int64_t i = from; i <= to; ++i)
        sum += x[std::size_t(i)];
    return sum / double(to - from + 1);
}

/// LUDB's normal sinus records (ludb.csv "Sinus rhythm"), the data the ST test reads.
std::vector<int> ludbSinus()
{
    std::vector<int> out;
    for (const auto& [id, rhythm] : ludbRhythms())
        if (rhythm.rfind("Sinus rhythm", 0) == 0)
            out.push_back(id);
    return out;
}

} // namespace

/// ST at J+60 ms per lead against the same level read at the cardiologists' marks: for each of
/// our beats, J = the latest QRS offset LUDB's cardiologists marked over the 12 leads and the
/// reference level the mean over the 10 ms before their earliest QRS onset, on the signal
/// conditioned as ours; per lead the median over beats.
void TestMeasurements::stLevelsAgainstCardiologistsMarks()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("ludb/ludb.csv"));
    // At J (the advice's ST-elevation item reads it) and at J+60 ms: ours minus the reference.
    struct Errors
    {
        const char* name;
        double afterJMs;
        double dsp::StLevel::*ours;
        std::vector<double> errors;
    } levels[] = {{"J", 0.0, &dsp::StLevel::jMv, {}},
                  {"J+60", dsp::kStAfterJMs, &dsp::StLevel::j60Mv, {}}};
    int records = 0;
    for (int id : ludbSinus()) {
        const QString rel = QStringLiteral("ludb/data/%1.hea").arg(id);
        ECGLENS_REQUIRE_DATA(rel);
        const auto rec = io::open(test::dataPath(rel).toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        const auto conditioned = dsp::condition(*rec, {});
        QVERIFY(conditioned.has_value());
        const auto a = dsp::analyseConditioned(*conditioned);
        QVERIFY(a.has_value());
        const auto ours = dsp::stLevels(a->measurements.medianBeat);
        const auto q = ludbWaves(*rec, "N");
        const double fsHz = rec->fsHz;
        for (Errors& level : levels) {
            std::vector<std::vector<double>> perLead(rec->leads.size());
            for (const dsp::Beat& b : a->beats) {
                std::int64_t on = -1, off = -1;
                for (const auto& lead : q)
                    for (const Wave& w : lead)
                        if (w.on >= 0 && w.off >= 0 && w.on <= b.sample && b.sample <= w.off) {
                            on = on < 0 ? w.on : std::min(on, w.on);
                            off = std::max(off, w.off);
                        }
                if (on < 0)
                    continue;
                const std::int64_t at = off + std::lround(level.afterJMs * 1e-3 * fsHz);
                for (std::size_t l = 0; l < rec->leads.size(); ++l) {
                    const auto& x = conditioned->leads[l].samples;
                    const double v = meanAround(x, at, fsHz, false) - meanAround(x, on, fsHz, true);
                    if (std::isfinite(v))
                        perLead[l].push_back(v);
                }
            }
            for (std::size_t l = 0; l < perLead.size() && l < ours.size(); ++l) {
                const double ref = medianOf(perLead[l]);
                if (std::isfinite(ref) && std::isfinite(ours[l].*level.ours))
                    level.errors.push_back(ours[l].*level.ours - ref);
            }
        }
        ++records;
    }
    QVERIFY(records >= 40);
    for (Errors& level : levels) {
        std::vector<double> absErrors;
        for (double e : level.errors)
            absErrors.push_back(std::abs(e));
        std::sort(absErrors.begin(), absErrors.end());
        const double median = absErrors[absErrors.size() / 2];
        const double p90 = absErrors[absErrors.size() * 9 / 10];
        std::printf("ST %s vs the cardiologists' marks: %d sinus records, %zu leads, |ours - ref| "
                    "median %.3f mV, 90th percentile %.3f mV, max %.3f mV\n",
                    level.name, records, level.errors.size(), median, p90, absErrors.back());
        QVERIFY2(median <= 0.01, qPrintable(QString::number(median)));
        QVERIFY2(p90 <= 0.03, qPrintable(QString::number(p90)));
    }
}

/// An ST elevation of 0.20 mV added to V2 and V3 of LUDB record 1 from each cardiologist-marked
/// QRS offset to the T-wave end in that lead reads as 0.20 mV more there (less what the 0.5 Hz
/// high-pass takes from a 0.3 s plateau), and leaves the other leads' ST as it was.
void TestMeasurements::stLevelsFollowAnAddedElevation()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("ludb/data/1.hea"));
    const auto rec = io::open(test::dataPath(QStringLiteral("ludb/data/1.hea")).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    const auto before = dsp::analyse(*rec);
    QVERIFY(before.has_value());
    Recording raised = *rec;
    const auto q = ludbWaves(*rec, "N"), t = ludbWaves(*rec, "t");
    const std::set<std::string> elevated{"V2", "V3"};
    int plateaus = 0;
    for (std::size_t l = 0; l < raised.leads.size(); ++l) {
        if (!elevated.count(raised.leads[l].name))
            continue;
        for (const Wave& w : q[l]) {
            const auto tw =
                std::find_if(t[l].begin(), t[l].end(), [&](const Wave& x) { return x.on > w.off; });
            if (w.off < 0 || tw == t[l].end() || tw->off < 0)
                continue;
            for (std::int64_t i = w.off; i <= tw->off; ++i)
                raised.leads[l].samples[std::size_t(i)] += 0.20f; // the leads are in mV
            ++plateaus;
        }
        raised.leads[l].digital.clear();
    }
    QVERIFY2(plateaus >= 2 * 5, qPrintable(QString::number(plateaus)));
    const auto after = dsp::analyse(raised);
    QVERIFY(after.has_value());
    const auto st0 = dsp::stLevels(before->measurements.medianBeat);
    const auto st1 = dsp::stLevels(after->measurements.medianBeat);
    QCOMPARE(st1.size(), std::size_t(12));
    for (std::size_t l = 0; l < st1.size(); ++l) {
        QCOMPARE(rec->leads[l].unit, std::string("mV"));
        const double rise = st1[l].j60Mv - st0[l].j60Mv;
        const QString what =
            QStringLiteral("%1: %2 mV").arg(QString::fromStdString(st1[l].lead)).arg(rise);
        if (elevated.count(st1[l].lead)) {
            std::printf("ST J+60 after adding 0.20 mV: %s\n", qPrintable(what));
            QVERIFY2(rise > 0.16 && rise < 0.22, qPrintable(what));
        } else
            QVERIFY2(std::abs(rise) < 0.02, qPrintable(what));
    }
}

/// A polysomnography or monitor file keeps other signals beside the ECG: LUDB record 1 with an
/// arterial pressure (lead II 200 ms later, as mmHg: a pulse after every QRS) and an EEG
/// (seeded noise, uV) added is measured exactly as without them; the same pressure channel
/// under a name and unit that do not say what it is does change the result (it is fused).
void TestMeasurements::otherSignalsChangeNothing()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("ludb/data/1.hea"));
    const auto rec = io::open(test::dataPath(QStringLiteral("ludb/data/1.hea")).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    const auto base = dsp::analyse(*rec);
    QVERIFY(base.has_value());
    Recording more = *rec;
    const Lead& ii = rec->leads[std::size_t(rec->leadIndex("II"))];
    const std::size_t delay = std::size_t(std::lround(0.2 * rec->fsHz));
    Lead abp = ii;
    abp.name = abp.originalName = "ABP";
    abp.unit = "mmHg";
    abp.digital.clear();
    for (std::size_t i = 0; i < abp.samples.size(); ++i)
        abp.samples[i] = 90.0f + 40.0f * ii.samples[i < delay ? 0 : i - delay];
    Lead eeg = ii;
    eeg.name = eeg.originalName = "EEG Fpz-Cz";
    eeg.unit = "uV";
    eeg.digital.clear();
    std::mt19937 random(7);
    std::normal_distribution<float> noise(0.0f, 50.0f);
    for (float& v : eeg.samples)
        v = noise(random);
    more.leads.push_back(abp);
    more.leads.push_back(eeg);
    QCOMPARE(dsp::otherSignalLeads(more), (std::vector<std::size_t>{12, 13}));
    const auto with = dsp::analyse(more);
    QVERIFY(with.has_value());
    QCOMPARE(with->beats.size(), base->beats.size());
    for (std::size_t b = 0; b < base->beats.size(); ++b) {
        QCOMPARE(with->beats[b].sample, base->beats[b].sample);
        QCOMPARE(with->beats[b].beatClass, base->beats[b].beatClass);
    }
    const auto& v0 = base->measurements.values;
    const auto& v1 = with->measurements.values;
    const std::pair<const char*, std::pair<double, double>> values[] = {
        {"rate", {v0.heartRateBpm, v1.heartRateBpm}},
        {"PR", {v0.prMs, v1.prMs}},
        {"QRS", {v0.qrsMs, v1.qrsMs}},
        {"QT", {v0.qtMs, v1.qtMs}},
        {"QRS axis", {v0.qrsAxisDeg, v1.qrsAxisDeg}},
        {"T axis", {v0.tAxisDeg, v1.tAxisDeg}}};
    for (const auto& [name, v] : values) {
        QVERIFY2(std::isfinite(v.first), name);
        QVERIFY2(v.first == v.second, qPrintable(QStringLiteral("%1: %2 without, %3 with")
                                                     .arg(QLatin1String(name))
                                                     .arg(v.first)
                                                     .arg(v.second)));
    }
    const auto st = dsp::stLevels(with->measurements.medianBeat);
    QCOMPARE(st.size(), std::size_t(12)); // none for ABP and EEG
    QCOMPARE(st.back().lead, std::string("V6"));

    // Control: the same pressure channel as an unnamed channel in mV enters the detection.
    more.leads[12].name = more.leads[12].originalName = "chan 13";
    more.leads[12].unit = "mV";
    const auto fused = dsp::analyse(more);
    QVERIFY(fused.has_value());
    bool differs = fused->beats.size() != base->beats.size() ||
                   fused->measurements.values.qrsMs != v0.qrsMs ||
                   fused->measurements.values.qtMs != v0.qtMs;
    for (std::size_t b = 0; !differs && b < base->beats.size(); ++b)
        differs = fused->beats[b].sample != base->beats[b].sample;
    QVERIFY2(differs, "a channel of unknown kind is fused with the ECG");
}

/// A WFDB record whose ECG has four samples per frame beside other signals at the frame rate
/// (mixedsignals: II, III, V at 250 Hz in 62.47 Hz frames; ABP, Pleth at 125 Hz; Resp at the
/// frame rate) is measured on its ECG at 250 Hz: the median beat holds II, III and V at that
/// rate (and the limb leads computed from II and III); beats keep exact times and sample indices
/// at the record rate.
void TestMeasurements::ecgAtItsOwnRate()
{
    const QString rel = QStringLiteral("wfdb-samples/mixedsignals.hea");
    ECGLENS_REQUIRE_DATA(rel);
    ECGLENS_REQUIRE_DATA(QStringLiteral("ludb/data/1.hea"));
    const auto rec = io::open(test::dataPath(rel).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    const auto ecg = dsp::ecgAtItsOwnRate(*rec);
    QVERIFY(ecg.has_value());
    QCOMPARE(ecg->fsHz, rec->leads[0].fsHz);
    QCOMPARE(ecg->leads.size(), std::size_t(3));
    const auto a = dsp::analyse(*rec);
    QVERIFY(a.has_value());
    const auto& m = a->measurements;
    QCOMPARE(m.medianBeat.fsHz, rec->leads[0].fsHz);
    // ... and the limb leads computed from II and III.
    QCOMPARE(m.medianBeat.leadNames,
             (std::vector<std::string>{"II", "III", "V", "I", "aVR", "aVL", "aVF"}));
    QCOMPARE(m.medianBeat.computed,
             (std::vector<bool>{false, false, false, true, true, true, true}));
    QVERIFY(a->beats.size() > 100);
    QVERIFY(std::isfinite(m.values.qrsMs) && std::isfinite(m.values.qtMs));
    // The same beats as detection on the ECG alone (the recording the helper gives).
    const auto alone = dsp::analyse(*ecg);
    QVERIFY(alone.has_value());
    QCOMPARE(a->beats.size(), alone->beats.size());
    for (std::size_t b = 0; b < a->beats.size(); ++b) {
        QCOMPARE(a->beats[b].timeS, alone->beats[b].timeS);
        QCOMPARE(a->beats[b].sample, std::int64_t(std::llround(a->beats[b].timeS * rec->fsHz)));
    }
    QCOMPARE(m.values.qrsMs, alone->measurements.values.qrsMs);
    // A recording whose ECG runs at the record rate is analysed as it is.
    const auto ludb = io::open(test::dataPath(QStringLiteral("ludb/data/1.hea")).toStdString());
    QVERIFY2(ludb.ok(), ludb.error().c_str());
    QVERIFY(!dsp::ecgAtItsOwnRate(*ludb).has_value());
}

#include "tst_measurements.moc"

/// A cart that stores I, II, V1-V6 leaves the other four limb leads to the reader; the median
/// beats then hold them computed from I and II (Einthoven's law and Goldberger's equations).
/// Reference: all PTB-XL ECGs (100 Hz) as stored, with the cart's own III, aVR, aVL and aVF,
/// measured on the same beats. Both compute the same leads; what remains is the stored leads'
/// rounding (1 uV steps: a computed sample is up to 1.5 uV off the stored one), which can move a
/// fiducial point by a sample where the delineation's thresholds are just met. Reached: ST levels
/// (J, J+60) 99th percentile 1.3 uV, largest 0.048 mV (a J point one sample off); the six
/// fiducial points identical on 1,688 of the 1,810 ECGs, their differences' 99th percentile
/// 2.5 ms (a sample is 10 ms), largest 30 ms; Cornell voltage 95th percentile 1.4 uV.
void TestMeasurements::computedLimbLeadsAgainstRecorded()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
    const auto rows = ptbxlRows();
    QVERIFY(rows.size() > 1000);
    const QStringList eight = test::cartEightLeads();
    const std::vector<std::string> computedNames = {"III", "aVR", "aVL", "aVF"};
    std::vector<double> stDiff, fiducialDiff, cornellDiff;
    int records = 0, sameFiducials = 0;
    for (const PtbxlRow& row : rows) {
        if (row.lr.empty())
            continue;
        const QString path =
            test::dataPath(QStringLiteral("ptbxl/%1.hea").arg(QString::fromStdString(row.lr)));
        const Analysed& full = analysed(path);
        QVERIFY2(full.error.empty(), full.error.c_str());
        QVERIFY(full.analysis.has_value());
        const auto rec = io::open(path.toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        const auto conditioned = dsp::condition(test::withLeadsOnly(*rec, eight), {});
        QVERIFY(conditioned.has_value());
        const dsp::Measurements cut = dsp::measure(*conditioned, full.analysis->beats);
        ++records;
        const dsp::MedianBeat& m = cut.medianBeat;
        QCOMPARE(m.leadNames.size(), std::size_t(12));
        for (std::size_t l = 0; l < 12; ++l) {
            QCOMPARE(bool(m.computed[l]), l >= 8);
            if (l >= 8)
                QCOMPARE(m.leadNames[l], computedNames[l - 8]);
        }
        const auto levelOf = [](const std::vector<dsp::StLevel>& levels, const std::string& lead) {
            for (const dsp::StLevel& s : levels)
                if (s.lead == lead)
                    return s;
            return dsp::StLevel{"", std::nan(""), std::nan("")};
        };
        const auto stFull = dsp::stLevels(full.analysis->measurements.medianBeat);
        const auto stCut = dsp::stLevels(m);
        QCOMPARE(stCut.size(), std::size_t(12));
        for (const std::string& lead : computedNames) {
            const dsp::StLevel a = levelOf(stFull, lead), b = levelOf(stCut, lead);
            QVERIFY(b.computed && !a.computed);
            QCOMPARE(std::isfinite(a.jMv), std::isfinite(b.jMv));
            for (const auto& [x, y] : {std::pair{a.jMv, b.jMv}, {a.j60Mv, b.j60Mv}})
                if (std::isfinite(x) && std::isfinite(y))
                    stDiff.push_back(std::abs(x - y));
        }
        const dsp::Fiducials& ff = full.analysis->measurements.medianBeat.fiducials;
        const dsp::Fiducials& fc = m.fiducials;
        bool same = true;
        for (const auto& [x, y] : {std::pair{ff.pOnsetMs, fc.pOnsetMs},
                                   {ff.pOffsetMs, fc.pOffsetMs},
                                   {ff.qrsOnsetMs, fc.qrsOnsetMs},
                                   {ff.qrsOffsetMs, fc.qrsOffsetMs},
                                   {ff.tPeakMs, fc.tPeakMs},
                                   {ff.tOffsetMs, fc.tOffsetMs}}) {
            same = same && (x == y || (std::isnan(x) && std::isnan(y)));
            if (std::isfinite(x) && std::isfinite(y))
                fiducialDiff.push_back(std::abs(x - y));
        }
        sameFiducials += same;
        const double c0 = full.analysis->measurements.values.cornellMv, c1 = cut.values.cornellMv;
        QVERIFY(std::isfinite(c1)); // aVL computed: Cornell's R in aVL
        if (std::isfinite(c0))
            cornellDiff.push_back(std::abs(c0 - c1));
    }
    const auto quantile = [](std::vector<double> v, double q) {
        std::sort(v.begin(), v.end());
        return v[std::size_t(q * double(v.size() - 1))];
    };
    QVERIFY(records == 1810 && !stDiff.empty() && !fiducialDiff.empty() && !cornellDiff.empty());
    std::printf("Computed limb leads, %d PTB-XL ECGs cut to I, II, V1-V6, against the cart's, on "
                "the same beats:\n  ST (J, J+60) |diff| mV: median %.4f, 99%% %.4f, max %.4f\n"
                "  fiducial points identical on %d; |diff| ms 99%% %.1f, max %.1f\n"
                "  Cornell |diff| mV: 95%% %.4f, max %.4f\n",
                records, quantile(stDiff, 0.5), quantile(stDiff, 0.99), quantile(stDiff, 1.0),
                sameFiducials, quantile(fiducialDiff, 0.99), quantile(fiducialDiff, 1.0),
                quantile(cornellDiff, 0.95), quantile(cornellDiff, 1.0));
    std::fflush(stdout);
    QVERIFY2(quantile(stDiff, 0.99) <= 0.002, "ST levels of computed leads off the cart's");
    QVERIFY2(quantile(stDiff, 1.0) <= 0.05, "an ST level of a computed lead off by 0.05 mV");
    QVERIFY2(sameFiducials >= 1680, "fiducial points differ on more ECGs than reached");
    QVERIFY2(quantile(fiducialDiff, 0.99) <= 10.0, "fiducial points more than a sample off");
    QVERIFY2(quantile(cornellDiff, 0.95) <= 0.002, "Cornell voltage off the cart's aVL");
}

void TestMeasurements::pacemakerSpikesHandMade()
{
    // PTB-XL 00001 (500 Hz, normal, no pacemaker) with a pacemaker stimulus added by hand: 2 mV
    // for one sample (2 ms) in every lead, 160 ms before each R except the first. Found before
    // every such beat, within a sample of where it was put; the same stimulus in one lead of
    // twelve is a glitch, not a stimulus; at 100 Hz the search is not made.
    const QString rel = QStringLiteral("ptbxl/records500/00000/00001_hr.hea");
    ECGLENS_REQUIRE_DATA(rel);
    auto rec = io::open(test::dataPath(rel).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    const auto plain = dsp::analyse(*rec);
    QVERIFY(plain.has_value());
    QVERIFY(plain->measurements.pacing.searched);
    QCOMPARE(plain->measurements.pacing.leadCount, std::size_t(12));
    QVERIFY(plain->measurements.pacing.timesS.empty());
    QVERIFY(!pacedFinding(*plain));
    const auto& beats = plain->beats;
    QVERIFY(beats.size() >= 8);

    auto withSpikes = [&](std::size_t leads) {
        Recording r = *rec;
        std::vector<double> put;
        for (std::size_t b = 1; b < beats.size(); ++b) {
            const std::int64_t at = beats[b].sample - std::int64_t(0.160 * r.fsHz);
            put.push_back(double(at) / r.fsHz);
            for (std::size_t l = 0; l < leads; ++l)
                r.leads[l].samples[std::size_t(at)] += 2.0f;
        }
        return std::pair{r, put};
    };
    const auto [paced, put] = withSpikes(12);
    const auto a = dsp::analyse(paced);
    QVERIFY(a.has_value());
    const dsp::PacingSpikes& p = a->measurements.pacing;
    QCOMPARE(p.timesS.size(), put.size());
    for (std::size_t i = 0; i < put.size(); ++i)
        QVERIFY2(std::abs(p.timesS[i] - put[i]) <= 1.0 / paced.fsHz + 1e-9,
                 qPrintable(QStringLiteral("stimulus %1 at %2 s, found at %3 s")
                                .arg(i)
                                .arg(put[i])
                                .arg(p.timesS[i])));
    QCOMPARE(p.pacedBeats.size(), beats.size() - 1);
    const auto findings = dsp::rhythmFindings(a->beats, a->measurements);
    const auto f = std::find_if(findings.begin(), findings.end(), [](const dsp::Finding& x) {
        return x.kind == dsp::FindingKind::PacemakerSpikes;
    });
    QVERIFY(f != findings.end());
    QCOMPARE(f->code, std::string("pacemaker_spikes"));
    // A stimulus before every beat but the first; the first has the same QRS (the stimuli were
    // added to a sinus ECG), so it counts as paced by its shape: the median beat is that of
    // every beat, all paced (values: beats with a stimulus, beats, median's beats, paced, by
    // shape).
    QCOMPARE(p.pacedByShape, std::vector<std::size_t>{0});
    QCOMPARE(f->values.size(), std::size_t(5));
    QCOMPARE(f->values[0], double(beats.size() - 1));
    QCOMPARE(f->values[1], double(a->beats.size()));
    QCOMPARE(f->values[2], double(a->beats.size()));
    QCOMPARE(f->values[3], 1.0);
    QCOMPARE(f->values[4], 1.0);
    QVERIFY(a->measurements.medianOf == dsp::Measurements::MedianOf::PacedBeats);
    QVERIFY2(f->text.find("; measured on the " + std::to_string(a->beats.size()) +
                          " paced beats (1 by their QRS shape)") != std::string::npos,
             f->text.c_str());
    QCOMPARE(f->text.rfind("Pacemaker spikes before ", 0), std::size_t(0));

    // Beats that are not the measured ones (fewer): no finding, and no index beyond them.
    const std::vector<dsp::Beat> fewer(a->beats.begin(), a->beats.begin() + 3);
    QVERIFY(!hasFinding(dsp::rhythmFindings(fewer, a->measurements),
                        dsp::FindingKind::PacemakerSpikes));

    const auto oneLead = dsp::analyse(withSpikes(1).first);
    QVERIFY(oneLead.has_value());
    QVERIFY(oneLead->measurements.pacing.timesS.empty());
    QVERIFY(!pacedFinding(*oneLead));

    const QString lowRate = QStringLiteral("ptbxl/records100/00000/00001_lr.hea");
    ECGLENS_REQUIRE_DATA(lowRate);
    const Analysed& at100 = analysed(test::dataPath(lowRate));
    QVERIFY(at100.analysis.has_value());
    QVERIFY(!at100.analysis->measurements.pacing.searched);
}

void TestMeasurements::ptbxlBundleBranchBlocks()
{
    // The bundle branch block findings against PTB-XL's statements (cardiologists' reports):
    // CLBBB and CRBBB (likelihood >= 50) should get the left and the right one; ECGs with none of
    // CLBBB, CRBBB, ILBBB, IRBBB, IVCD or PACE ("other") neither. Every record at 100 Hz, and at
    // 500 Hz where shared. The thresholds (dsp::qrsConduction) were chosen on folds 1-8 at both
    // rates; folds 9 and 10 are printed apart as the held-out estimate. Reached values, as
    // one-sided bounds: fewer found, or more found in other ECGs, fails.
    ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
    const auto rows = ptbxlRows();
    QVERIFY(rows.size() > 1000);
    using K = dsp::FindingKind;
    FoldCounts counts; // {records, left found, right found}
    const auto statement = [](const PtbxlRow& row, const char* code) {
        const auto it = row.codes.find(code);
        return it != row.codes.end() && it->second >= 50;
    };
    for (const PtbxlAt& at : ptbxlRecords(rows)) {
        const PtbxlRow& row = *at.row;
        const int rate = at.rate;
        std::string group = "other";
        for (const char* code : {"CLBBB", "CRBBB", "ILBBB", "IRBBB", "IVCD", "PACE"})
            if (statement(row, code) || (std::string(code) == "PACE" && row.codes.count(code))) {
                group = code;
                break;
            }
        QVERIFY2(at.analysed->error.empty(), at.analysed->error.c_str());
        const auto& a = at.analysed->analysis;
        QVERIFY(a.has_value());
        const auto& findings = at.analysed->findings;
        const bool left = hasFinding(findings, K::LeftBundleBranchBlock);
        const bool right = hasFinding(findings, K::RightBundleBranchBlock);
        QVERIFY2(!(left && right), row.id.c_str());
        // The finding says what the shape function found, but on a paced median beat or
        // with limb leads possibly not as labelled.
        const dsp::QrsConduction c =
            dsp::qrsConduction(a->measurements.medianBeat, a->measurements.values);
        const bool told = qrsShapeTold(findings);
        QCOMPARE(left, told && c.block == dsp::BundleBranchBlock::Left);
        QCOMPARE(right, told && c.block == dsp::BundleBranchBlock::Right);
        for (const dsp::Finding& f : findings) {
            if (f.kind != K::LeftBundleBranchBlock && f.kind != K::RightBundleBranchBlock)
                continue;
            const bool l = f.kind == K::LeftBundleBranchBlock;
            QCOMPARE(f.values,
                     (std::vector<double>{c.qrsMs, c.v1RMv, c.v1SMv, l ? c.rPeakTimeMs : c.sMv}));
            QCOMPARE(f.valueUnit, std::string(l ? "ms, mV, mV, ms" : "ms, mV, mV, mV"));
            char head[96];
            std::snprintf(head, sizeof head, "QRS shaped as %s bundle branch block: QRS %.0f ms",
                          l ? "left" : "right", c.qrsMs);
            QCOMPARE(f.text.rfind(head, 0), std::size_t(0));
            // The shape's own conditions hold on the values the finding gives.
            QVERIFY(l ? c.v1SMv > 2 * c.v1RMv && c.rPeakTimeMs >= dsp::kLbbbMinRPeakTimeMs &&
                            c.qrsMs >= dsp::kLbbbMinQrsMs
                      : c.v1RMv > c.v1SMv && c.sMv >= dsp::kRbbbMinSMv &&
                            c.qrsMs >= dsp::kRbbbMinQrsMs);
        }
        auto& n = counts.n[rate][row.fold >= 9][group];
        n[0] += 1;
        n[1] += left;
        n[2] += right;
    }
    counts.print("PTB-XL bundle branch block findings against the statements", "  left  right");
    QCOMPARE(counts.total(0, "CLBBB", 0), 30); // the shared records
    QCOMPARE(counts.total(0, "CRBBB", 0), 37);
    QVERIFY(counts.total(0, "other", 0) >= 1500);
    // 100 Hz: found in 27 of 30 CLBBB and 36 of 37 CRBBB; in 6 and 4 of 1,574 other ECGs; the
    // wrong side in 2 (both CLBBB read as right: mainly positive in V1).
    QVERIFY(counts.total(0, "CLBBB", 1) >= 27);
    QVERIFY(counts.total(0, "CRBBB", 2) >= 36);
    QVERIFY(counts.total(0, "other", 1) <= 6);
    QVERIFY(counts.total(0, "other", 2) <= 4);
    QVERIFY(counts.total(0, "CLBBB", 2) + counts.total(0, "CRBBB", 1) <= 2);
    // Held out (folds 9 and 10, 100 Hz): 6 of 8 CLBBB, 6 of 6 CRBBB, 1 of 275 other ECGs.
    QVERIFY(counts.n[0][1]["CLBBB"][1] >= 6);
    QVERIFY(counts.n[0][1]["CRBBB"][2] >= 6);
    QVERIFY(counts.n[0][1]["other"][1] + counts.n[0][1]["other"][2] <= 1);
    // 500 Hz: 6 of 8 CLBBB, 7 of 8 CRBBB, none of 450 other ECGs.
    QVERIFY(counts.total(1, "CLBBB", 1) >= 6);
    QVERIFY(counts.total(1, "CRBBB", 2) >= 7);
    QVERIFY(counts.total(1, "other", 1) + counts.total(1, "other", 2) == 0);
}

void TestMeasurements::ptbxlLeftAnteriorFascicularBlock()
{
    // The left anterior fascicular block finding against PTB-XL's statements: LAFB (all of them
    // at likelihood 80 or 100), inferior infarctions without LAFB (IMI, ILMI, IPLMI, IPMI: their
    // Q waves also turn the axis left), ECGs read as normal (NORM >= 50, nothing but SR besides)
    // and the others. Every record at 100 Hz, and at 500 Hz where shared. The criteria are the
    // guideline's (dsp::fascicularShape), not chosen on these records, so every fold is a test;
    // the axis criterion alone bounds what the rule can find. Reached values, as one-sided
    // bounds: fewer found, or more found in the other groups, fails.
    ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
    const auto rows = ptbxlRows();
    QVERIFY(rows.size() > 1000);
    using K = dsp::FindingKind;
    // [rate 0 = 100 Hz, 1 = 500 Hz][group] -> {records, found, axis -45 to -90}
    std::map<std::string, std::array<int, 3>> counts[2];
    int bifascicular = 0, bifascicularFound = 0; // CRBBB with LAFB, 100 Hz
    for (const PtbxlAt& at : ptbxlRecords(rows)) {
        const PtbxlRow& row = *at.row;
        const int rate = at.rate;
        const auto has = [&](const char* code) { return row.codes.count(code) > 0; };
        const std::string group = has("LAFB") ? "LAFB"
                                  : has("IMI") || has("ILMI") || has("IPLMI") || has("IPMI") ? "IMI"
                                  : readAsNormal(row) ? "normal"
                                                      : "other";
        QVERIFY2(at.analysed->error.empty(), at.analysed->error.c_str());
        const auto& a = at.analysed->analysis;
        QVERIFY(a.has_value());
        const auto& findings = at.analysed->findings;
        const bool found = hasFinding(findings, K::LeftAnteriorFascicularBlock);
        const dsp::FascicularShape shape =
            dsp::fascicularShape(a->measurements.medianBeat, a->measurements.values);
        // The finding says what the shape function found, but beside a left bundle branch
        // block shape or inferior Q waves, on a paced median beat or with limb leads possibly
        // not as labelled.
        const bool told = qrsShapeTold(findings) &&
                          !hasFinding(findings, K::LeftBundleBranchBlock) &&
                          !dsp::qWaves(a->measurements.medianBeat).inferior();
        QCOMPARE(found, told && shape.leftAnterior);
        for (const dsp::Finding& f : findings) {
            if (f.kind != K::LeftAnteriorFascicularBlock)
                continue;
            QCOMPARE(f.values, (std::vector<double>{shape.axisDeg, shape.avlRPeakTimeMs,
                                                    shape.avlQMv, shape.inferiorRMv}));
            QCOMPARE(f.valueUnit, std::string("deg, ms, mV, mV"));
            char head[96];
            std::snprintf(head, sizeof head,
                          "QRS shaped as left anterior fascicular block: QRS axis %.0f",
                          shape.axisDeg);
            QCOMPARE(f.text.rfind(head, 0), std::size_t(0));
            // The guideline's conditions hold on the values the finding gives.
            QVERIFY(shape.axisDeg <= -45.0 && shape.axisDeg >= -90.0);
            QVERIFY(shape.avlRPeakTimeMs >= 45.0);
            QVERIFY(shape.avlQMv > 0 && shape.avlRMv > shape.avlSMv);
            QVERIFY(shape.inferiorRMv > 0 && shape.inferiorRsMargin > 0);
        }
        auto& n = counts[rate][group];
        n[0] += 1;
        n[1] += found;
        n[2] += shape.axisDeg <= -45.0 && shape.axisDeg >= -90.0;
        if (rate == 0 && has("LAFB") && has("CRBBB")) {
            ++bifascicular;
            bifascicularFound += found && hasFinding(findings, K::RightBundleBranchBlock);
        }
    }
    std::printf("PTB-XL left anterior fascicular block finding against the statements\n"
                "rate    group   records  found  axis -45..-90\n");
    for (int rate = 0; rate < 2; ++rate)
        for (const auto& [group, n] : counts[rate])
            std::printf("%-7s %-7s %7d %6d %6d\n", rate ? "500 Hz" : "100 Hz", group.c_str(), n[0],
                        n[1], n[2]);
    std::printf("CRBBB with LAFB (100 Hz): %d, both findings on %d\n", bifascicular,
                bifascicularFound);
    std::fflush(stdout);
    QCOMPARE(counts[0]["LAFB"][0], 145); // the shared records
    QVERIFY(counts[0]["IMI"][0] >= 150 && counts[0]["normal"][0] >= 750);
    // 100 Hz: LAFB 68 of 145 (the axis criterion alone allows 84; 7 more have the shape but
    // Q waves in the inferior leads, 4 of them with an inferior infarction stated, 3 with an
    // initial r under 0.05 mV); inferior infarctions 1 of 158; normal 2 of 753; other 11 of 754.
    QVERIFY(counts[0]["LAFB"][1] >= 68);
    QVERIFY(counts[0]["IMI"][1] <= 1);
    QVERIFY(counts[0]["normal"][1] <= 2);
    QVERIFY(counts[0]["other"][1] <= 11);
    // The other ECGs include paced ones at 100 Hz (where the stimuli are not found) and right
    // bundle branch blocks with a left axis that PTB-XL does not call LAFB.
    // 500 Hz: LAFB 15 of 29; inferior infarctions 0 of 36; normal 0 of 247; other 3 of 188.
    QVERIFY(counts[1]["LAFB"][1] >= 15);
    QVERIFY(counts[1]["IMI"][1] == 0);
    QVERIFY(counts[1]["normal"][1] == 0);
    QVERIFY(counts[1]["other"][1] <= 3);
    // Bifascicular block: 6 of the 13 ECGs stating CRBBB and LAFB get both findings.
    QVERIFY(bifascicularFound >= 6);
}

void TestMeasurements::ptbxlPathologicalQWaves()
{
    // The pathological Q wave finding against PTB-XL's statements: inferior infarctions (IMI,
    // ILMI, IPLMI, IPMI), anterior and lateral ones (ASMI, AMI, ALMI, LMI), any likelihood (the
    // readers' "old" and "possible" infarctions alike), ECGs read as normal (NORM >= 50,
    // nothing but SR besides), left ventricular hypertrophy without an infarction (LVH, whose
    // QS complexes in V1-V3 the definition warns about) and the others. Every record at 100 Hz
    // and at 500 Hz where shared. The criteria are the definition's; only where a Q wave starts
    // (dsp::kQWaveEdgeMv) and how III is read are ours, chosen on folds 1-8; folds 9-10 are
    // printed apart. Reached values, as one-sided bounds: fewer found, or more found in the other
    // groups, fails.
    ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
    const auto rows = ptbxlRows();
    QVERIFY(rows.size() > 1000);
    using K = dsp::FindingKind;
    FoldCounts counts; // {records, found, found in the leads the statement names}
    for (const PtbxlAt& at : ptbxlRecords(rows)) {
        const PtbxlRow& row = *at.row;
        const auto has = [&](std::initializer_list<const char*> codes) {
            return std::any_of(codes.begin(), codes.end(),
                               [&](const char* c) { return row.codes.count(c) > 0; });
        };
        const bool inferior = has({"IMI", "ILMI", "IPLMI", "IPMI"});
        const bool anterior = has({"ASMI", "AMI", "ALMI", "LMI"});
        const std::string group = inferior && anterior ? "both MI"
                                  : inferior           ? "IMI"
                                  : anterior           ? "AMI"
                                  : readAsNormal(row)  ? "normal"
                                  : has({"LVH"})       ? "LVH"
                                                       : "other";
        QVERIFY2(at.analysed->error.empty(), at.analysed->error.c_str());
        const auto& a = at.analysed->analysis;
        QVERIFY(a.has_value());
        const auto& findings = at.analysed->findings;
        const dsp::QWaves q = dsp::qWaves(a->measurements.medianBeat);
        // The finding says what qWaves found, but beside a left bundle branch block shape, on a
        // paced median beat or with limb leads possibly not as labelled.
        const bool told = qrsShapeTold(findings) && !hasFinding(findings, K::LeftBundleBranchBlock);
        const bool found = hasFinding(findings, K::PathologicalQWaves);
        QCOMPARE(found, told && !q.found.empty());
        bool where = false;
        for (const dsp::Finding& f : findings) {
            if (f.kind != K::PathologicalQWaves)
                continue;
            QCOMPARE(f.leads, q.found);
            QCOMPARE(f.values, (std::vector<double>{q.widestMs, q.deepestMv}));
            QCOMPARE(f.valueUnit, std::string("ms, mV"));
            QCOMPARE(f.text.rfind("Pathological Q waves in " + q.found.front(), 0), std::size_t(0));
            for (const std::string& lead : f.leads) {
                const auto it = std::find_if(q.leads.begin(), q.leads.end(),
                                             [&](const dsp::QWave& w) { return w.lead == lead; });
                QVERIFY(it != q.leads.end() && it->meets);
                const bool v2v3 = lead == "V2" || lead == "V3";
                QVERIFY(v2v3 ? it->widthMs > 20.0 : it->widthMs >= 30.0 && it->depthMv >= 0.1);
                QVERIFY(lead != "aVR" && lead != "V1");
                const bool inferiorLead = lead == "II" || lead == "III" || lead == "aVF";
                where = where || (inferior && inferiorLead) || (anterior && !inferiorLead);
            }
        }
        auto& n = counts.n[at.rate][row.fold >= 9][group];
        n[0] += 1;
        n[1] += found;
        n[2] += where;
    }
    counts.print("PTB-XL pathological Q wave finding against the statements",
                 " found  in the stated leads");
    QCOMPARE(counts.total(0, "IMI", 0), 129); // the shared records
    QCOMPARE(counts.total(0, "AMI", 0), 140);
    QVERIFY(counts.total(0, "normal", 0) >= 750);
    // 100 Hz: inferior infarctions 60 of 129 (58 in II, III or aVF), anterior and lateral 37 of
    // 140 (all in their leads: many of PTB-XL's anteroseptal ones have QS in V1-V2 alone, which
    // the definition does not count), both 32 of 49; normal 13 of 753, LVH 1 of 104, other 31
    // of 635.
    QVERIFY(counts.total(0, "IMI", 1) >= 60 && counts.total(0, "IMI", 2) >= 58);
    QVERIFY(counts.total(0, "AMI", 1) >= 37 && counts.total(0, "AMI", 2) >= 37);
    QVERIFY(counts.total(0, "both MI", 1) >= 32);
    QVERIFY(counts.total(0, "normal", 1) <= 13);
    QVERIFY(counts.total(0, "LVH", 1) <= 1);
    QVERIFY(counts.total(0, "other", 1) <= 31);
    // Held out (folds 9 and 10, 100 Hz): inferior 9 of 21, anterior 3 of 26, both 12 of 13,
    // normal 1 of 116, other 9 of 115.
    QVERIFY(counts.n[0][1]["IMI"][1] >= 9 && counts.n[0][1]["AMI"][1] >= 3);
    QVERIFY(counts.n[0][1]["both MI"][1] >= 12);
    QVERIFY(counts.n[0][1]["normal"][1] <= 1 && counts.n[0][1]["other"][1] <= 9);
    // 500 Hz: inferior 9 of 30, anterior 3 of 30, both 8 of 11; normal 0 of 247, LVH 0 of 21,
    // other 1 of 161.
    QVERIFY(counts.total(1, "IMI", 1) >= 9 && counts.total(1, "AMI", 1) >= 3 &&
            counts.total(1, "both MI", 1) >= 8);
    QVERIFY(counts.total(1, "normal", 1) == 0 && counts.total(1, "LVH", 1) == 0 &&
            counts.total(1, "other", 1) <= 1);
}

void TestMeasurements::pacemakerSpikesOnRealRecords()
{
    // PTB-XL's 500 Hz records (ecg_id 1-500): the cardiologists' statement PACE against the
    // finding; also at 250 Hz (every other sample). LUDB: its "Cardiac pacing" column. MIT-BIH
    // DS1 (no paced record; 102, 104, 107 and 217 are in DS2, not shared): its reference beats,
    // every record, both leads and MLII alone. Reached values are asserted: all six PACE
    // records found at 500 Hz, 3 of 6 at 250 Hz; LUDB 3 of 4 (111, bipolar ventricular pacing,
    // has no visible stimulus); no record without pacing flagged anywhere. These are the records
    // the thresholds were chosen on (pacing.cpp), so the figures are not an independent
    // estimate: the shared data holds no other paced ECG.
    ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
    const auto rows = ptbxlRows();
    QVERIFY(rows.size() > 1000);
    struct Tally
    {
        int paced = 0, pacedFound = 0, other = 0, otherFound = 0;
        std::string detail;
        void add(bool truth, bool found, const std::string& id, const std::string& what)
        {
            (truth ? paced : other) += 1;
            (truth ? pacedFound : otherFound) += found;
            if (truth || found)
                detail += " " + id + (found ? "" : " (missed)") + what;
        }
    };
    Tally at500, at250, ludb, mit;
    auto pacedOf = [](const dsp::Analysis& a) {
        return " " + std::to_string(a.measurements.pacing.pacedBeats.size()) + "/" +
               std::to_string(a.beats.size());
    };
    for (const PtbxlRow& row : rows) {
        if (row.hr.empty())
            continue;
        const QString path =
            test::dataPath(QStringLiteral("ptbxl/%1.hea").arg(QString::fromStdString(row.hr)));
        const Analysed& r = analysed(path);
        QVERIFY2(r.error.empty(), r.error.c_str());
        QVERIFY(r.analysis.has_value());
        QVERIFY(r.analysis->measurements.pacing.searched);
        const bool truth = row.codes.count("PACE") > 0;
        at500.add(truth, pacedFinding(*r.analysis), row.id, pacedOf(*r.analysis));
        const auto rec = io::open(path.toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        const auto half = dsp::analyse(everyOtherSample(*rec));
        QVERIFY(half.has_value());
        QVERIFY(half->measurements.pacing.searched);
        at250.add(truth, pacedFinding(*half), row.id, pacedOf(*half));
    }

    ECGLENS_REQUIRE_DATA(QStringLiteral("ludb/ludb.csv"));
    const auto ludbRows = readCsv(test::dataPath(QStringLiteral("ludb/ludb.csv")));
    QVERIFY(ludbRows.size() > 90);
    const auto pacingCol = std::size_t(
        std::find(ludbRows[0].begin(), ludbRows[0].end(), "Cardiac pacing") - ludbRows[0].begin());
    QVERIFY(pacingCol < ludbRows[0].size());
    for (std::size_t i = 1; i < ludbRows.size(); ++i) {
        if (ludbRows[i].size() <= pacingCol)
            continue;
        const QString rel =
            QStringLiteral("ludb/data/%1.hea").arg(QString::fromStdString(ludbRows[i][0]));
        ECGLENS_REQUIRE_DATA(rel);
        const Analysed& r = analysed(test::dataPath(rel));
        QVERIFY2(r.error.empty(), r.error.c_str());
        QVERIFY(r.analysis.has_value());
        ludb.add(!ludbRows[i][pacingCol].empty(), pacedFinding(*r.analysis), ludbRows[i][0],
                 pacedOf(*r.analysis));
    }

    for (const char* name :
         {"101", "106", "108", "109", "112", "114", "115", "116", "118", "119", "122",
          "124", "201", "203", "205", "207", "208", "209", "215", "220", "223", "230"}) {
        const QString rel = QStringLiteral("mitdb/%1.hea").arg(QLatin1String(name));
        ECGLENS_REQUIRE_DATA(rel);
        const auto rec = io::open(test::dataPath(rel).toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        std::vector<std::int64_t> samples;
        std::vector<std::pair<std::int64_t, std::int64_t>> flutter;
        dsp::referenceBeats(rec->annotations, samples, flutter);
        QVERIFY(samples.size() > 1000);
        std::vector<dsp::Beat> beats(samples.size());
        for (std::size_t b = 0; b < samples.size(); ++b) {
            beats[b].sample = samples[b];
            beats[b].timeS = double(samples[b]) / rec->fsHz;
        }
        const auto both = dsp::findPacingSpikes(*rec, beats);
        QVERIFY(both.searched);
        QCOMPARE(both.leadCount, std::size_t(2));
        const Recording mlii = test::withLeadsOnly(*rec, {QStringLiteral("MLII")});
        QCOMPARE(mlii.leads.size(), std::size_t(1));
        const auto alone = dsp::findPacingSpikes(mlii, beats);
        const auto count = [&](const dsp::PacingSpikes& p) {
            return " " + std::to_string(p.pacedBeats.size()) + "/" + std::to_string(beats.size());
        };
        mit.add(false, dsp::pacemakerStimuli(both), name, count(both));
        mit.add(false, dsp::pacemakerStimuli(alone), std::string(name) + " MLII", count(alone));
    }

    const auto print = [](const char* what, const Tally& t) {
        std::printf("Pacemaker spikes, %s: paced %d of %d found, others flagged %d of %d;%s\n",
                    what, t.pacedFound, t.paced, t.otherFound, t.other, t.detail.c_str());
    };
    print("PTB-XL 500 Hz (statement PACE)", at500);
    print("PTB-XL at 250 Hz (every other sample)", at250);
    print("LUDB (Cardiac pacing)", ludb);
    print("MIT-BIH DS1 reference beats (both leads; MLII alone)", mit);
    std::fflush(stdout);
    QCOMPARE(at500.paced, 6);
    QVERIFY2(at500.pacedFound >= 6, at500.detail.c_str());
    QVERIFY2(at500.otherFound == 0, at500.detail.c_str());
    QVERIFY2(at250.pacedFound >= kPacing250MinFound, at250.detail.c_str());
    QVERIFY2(at250.otherFound <= kPacing250MaxFalse, at250.detail.c_str());
    QCOMPARE(ludb.paced, 4);
    QVERIFY2(ludb.pacedFound >= 3, ludb.detail.c_str());
    QVERIFY2(ludb.otherFound == 0, ludb.detail.c_str());
    QCOMPARE(mit.other, 44);
    QVERIFY2(mit.otherFound == 0, mit.detail.c_str());
}

void TestMeasurements::pacedShapeOnRealRecords()
{
    // Beats whose stimulus the search missed count as paced by their QRS shape
    // (dsp::beatsShapedAsPaced). Against the records' statements: LUDB 93 (atrial fibrillation,
    // biventricular pacing) and PTB-XL 498 (statement PACE only; a stimulus is visible before
    // every beat on the tracing) are paced throughout; LUDB 45 (atrial and ventricular pacing,
    // "single PVC") throughout but for one extrasystole. A beat too near an end for the shape's
    // window (60 ms before R, 160 after) is never counted. PTB-XL 190 and 382 and LUDB 95 (their
    // beats without a stimulus narrower, intrinsic or fusion) get none. These are the records the
    // correlation of 0.9 was chosen on (pacing.h): no other paced ECG was at hand.
    struct Case
    {
        const char* rel;
        int notPaced; ///< beats not paced by the statement (-1: not known, none by shape)
    } cases[] = {
        {"ludb/data/93.hea", 0},
        {"ptbxl/records500/00000/00498_hr.hea", 0},
        {"ludb/data/45.hea", 1},
        {"ptbxl/records500/00000/00190_hr.hea", -1},
        {"ptbxl/records500/00000/00382_hr.hea", -1},
        {"ludb/data/95.hea", -1},
    };
    for (const Case& c : cases) {
        const QString rel = QLatin1String(c.rel);
        ECGLENS_REQUIRE_DATA(rel);
        const Analysed& r = analysed(test::dataPath(rel));
        QVERIFY2(r.error.empty(), r.error.c_str());
        QVERIFY(r.analysis.has_value());
        const auto& beats = r.analysis->beats;
        const dsp::PacingSpikes& p = r.analysis->measurements.pacing;
        const auto rec = io::open(test::dataPath(rel).toStdString());
        QVERIFY(rec.ok());
        const double fs = rec->fsHz;
        const auto frames = std::int64_t(rec->sampleCount());
        std::size_t nearEnd = 0; // of the beats without a stimulus found
        for (std::size_t b = 0; b < beats.size(); ++b)
            nearEnd +=
                std::find(p.pacedBeats.begin(), p.pacedBeats.end(), b) == p.pacedBeats.end() &&
                (beats[b].sample - std::lround(0.060 * fs) < 0 ||
                 beats[b].sample + std::lround(0.160 * fs) >= frames);
        std::printf("%s: %zu beats, a stimulus before %zu, paced by shape %zu, without a stimulus "
                    "near an end %zu\n",
                    c.rel, beats.size(), p.pacedBeats.size(), p.pacedByShape.size(), nearEnd);
        std::fflush(stdout);
        QVERIFY2(!p.pacedBeats.empty() && p.pacedBeats.size() < beats.size(), c.rel);
        for (std::size_t i : p.pacedByShape) // never a beat with a stimulus
            QVERIFY2(std::find(p.pacedBeats.begin(), p.pacedBeats.end(), i) == p.pacedBeats.end(),
                     c.rel);
        if (c.notPaced < 0) {
            QVERIFY2(p.pacedByShape.empty(), c.rel);
            continue;
        }
        QCOMPARE(p.pacedBeats.size() + p.pacedByShape.size(),
                 beats.size() - nearEnd - std::size_t(c.notPaced));
        QVERIFY(r.analysis->measurements.medianOf == dsp::Measurements::MedianOf::PacedBeats);
    }
}

void TestMeasurements::pacedBeatsMeasuredApart()
{
    // PTB-XL 00001 (500 Hz, sinus rhythm) and PTB-XL 00143 (500 Hz, every beat paced) joined
    // where each lead's level meets. When the paced beats are most, the median beat is theirs
    // and must give 00143's own values, measured alone; otherwise the unpaced beats' and
    // 00001's.
    const QString sinusRel = QStringLiteral("ptbxl/records500/00000/00001_hr.hea");
    const QString pacedRel = QStringLiteral("ptbxl/records500/00000/00143_hr.hea");
    ECGLENS_REQUIRE_DATA(sinusRel);
    ECGLENS_REQUIRE_DATA(pacedRel);
    const auto sinus = io::open(test::dataPath(sinusRel).toStdString());
    const auto paced = io::open(test::dataPath(pacedRel).toStdString());
    QVERIFY2(sinus.ok() && paced.ok(), "PTB-XL 00001 or 00143 unreadable");
    QCOMPARE(sinus->leads.size(), paced->leads.size());
    // sinusSeconds of 00001, then pacedSeconds of 00143.
    const auto joined = [&](double sinusSeconds, double pacedSeconds) {
        Recording r = *sinus;
        const auto keep = std::size_t(sinusSeconds * sinus->fsHz);
        const auto take = std::size_t(pacedSeconds * paced->fsHz);
        for (std::size_t l = 0; l < r.leads.size(); ++l) {
            auto& x = r.leads[l].samples;
            x.resize(std::min(x.size(), keep));
            const auto& y = paced->leads[l].samples;
            const float shift = x.back() - y.front();
            for (std::size_t i = 0; i < take && i < y.size(); ++i)
                x.push_back(y[i] + shift);
        }
        return r;
    };
    const auto alone = [](const Recording& r) {
        const auto a = dsp::analyse(r);
        return a ? a->measurements.values : dsp::IntervalValues{};
    };
    const dsp::IntervalValues sinusAlone = alone(*sinus), pacedAlone = alone(*paced);
    using Of = dsp::Measurements::MedianOf;
    struct Case
    {
        double sinusSeconds, pacedSeconds;
        Of of;
        const dsp::IntervalValues* expected;
        const char* name;
    } cases[] = {
        {10.0, 4.0, Of::UnpacedBeats, &sinusAlone, "00001, then 4 s of 00143"},
        {10.0, 10.0, Of::PacedBeats, &pacedAlone, "00001, then 00143"},
        {1.6, 10.0, Of::PacedBeats, &pacedAlone, "1.6 s of 00001, then 00143"},
    };
    for (const Case& c : cases) {
        const Recording r = joined(c.sinusSeconds, c.pacedSeconds);
        const auto a = dsp::analyse(r);
        QVERIFY(a.has_value());
        const dsp::Measurements& m = a->measurements;
        const std::size_t pacedBeats = m.pacing.pacedBeats.size(), beats = a->beats.size();
        const dsp::IntervalValues& v = m.values;
        const dsp::IntervalValues& e = *c.expected;
        std::printf("%s: %zu of %zu beats paced, median of %zu: QRS %.0f ms (alone %.0f), QT %.0f "
                    "(%.0f), QRS axis %.0f deg (%.0f), T axis %.0f (%.0f)\n",
                    c.name, pacedBeats, beats, m.medianOfCount, v.qrsMs, e.qrsMs, v.qtMs, e.qtMs,
                    v.qrsAxisDeg, e.qrsAxisDeg, v.tAxisDeg, e.tAxisDeg);
        std::fflush(stdout);
        QVERIFY2(m.medianOf == c.of, c.name);
        const bool ofPaced = c.of == Of::PacedBeats;
        QCOMPARE(dsp::medianBeatPaced(pacedBeats, beats), ofPaced);
        QCOMPARE(m.medianOfCount, ofPaced ? pacedBeats : beats - pacedBeats);
        const auto angle = [](double x, double y) { return std::fabs(std::remainder(x - y, 360)); };
        QVERIFY2(std::fabs(v.qrsMs - e.qrsMs) <= 6.0, c.name);
        QVERIFY2(std::fabs(v.qtMs - e.qtMs) <= 10.0, c.name);
        QVERIFY2(angle(v.qrsAxisDeg, e.qrsAxisDeg) <= 10.0, c.name);
        QVERIFY2(angle(v.tAxisDeg, e.tAxisDeg) <= 10.0, c.name);
        // The finding says which beats the values describe.
        const auto findings = dsp::rhythmFindings(a->beats, m);
        const auto f = std::find_if(findings.begin(), findings.end(), [](const dsp::Finding& x) {
            return x.kind == dsp::FindingKind::PacemakerSpikes;
        });
        QVERIFY(f != findings.end());
        QCOMPARE(f->values.size(), std::size_t(5));
        QCOMPARE(std::size_t(f->values[2]), m.medianOfCount);
        QCOMPARE(f->values[3], ofPaced ? 1.0 : 0.0);
        // The sinus beats do not have the paced QRS's shape, nor the paced ones the sinus's.
        QVERIFY2(m.pacing.pacedByShape.empty(), c.name);
        QCOMPARE(f->values[4], 0.0);
        const std::string said = "; measured on the " + std::to_string(m.medianOfCount) +
                                 (ofPaced ? " beats with spikes" : " beats without spikes");
        QVERIFY2(f->text.find(said) != std::string::npos, f->text.c_str());
    }
    // Every beat paced: nothing to measure apart.
    const auto all = dsp::analyse(*paced);
    QVERIFY(all.has_value());
    QVERIFY(all->measurements.medianOf == Of::AllBeats);
}
