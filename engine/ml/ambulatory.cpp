#include "ml/ambulatory.h"

#include "dsp/beats.h"
#include "io/open.h"
#include "ml/evaluation.h"
#include "ml/metrics.h"
#include "ml/preprocess.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace ecglens::ml {

namespace fs = std::filesystem;

namespace {

/// A rhythm annotation's label ("(AFIB"), trailing NULs and spaces removed; empty if none.
std::string rhythmOf(const Annotation& a)
{
    if (a.code != "+")
        return {};
    std::string t = a.text;
    while (!t.empty() && (t.back() == '\0' || t.back() == ' '))
        t.pop_back();
    return !t.empty() && t.front() == '(' ? t : std::string();
}

/// Share of items with label `label` whose score is 1 (flagged); NaN when there are none.
double flaggedShare(const std::vector<double>& flagged, const std::vector<int>& labels, int label)
{
    double n = 0, f = 0;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] == label) {
            n += 1;
            f += flagged[i];
        }
    return n > 0 ? f / n : std::nan("");
}

/// Share of the items whose score is 1 (listed) that have label 1 (an event); NaN when none is
/// listed.
double shareWithEvents(const std::vector<double>& listed, const std::vector<int>& labels)
{
    double n = 0, e = 0;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (listed[i] > 0) {
            n += 1;
            e += labels[i];
        }
    return n > 0 ? e / n : std::nan("");
}

/// A number, or null when it is not finite (a record without both kinds of window has no AUC).
Json numberOrNull(double v)
{
    return std::isfinite(v) ? Json(v) : Json();
}

} // namespace

std::vector<int> windowEventLabels(const std::vector<Annotation>& annotations,
                                   const std::vector<WindowResult>& windows)
{
    // Rhythm episodes [start, end) that are not normal sinus rhythm, and non-normal beat times.
    struct Span
    {
        double start, end;
    };
    std::vector<Span> abnormalRhythm;
    std::vector<double> eventBeats;
    std::vector<const Annotation*> sorted;
    for (const Annotation& a : annotations)
        sorted.push_back(&a);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Annotation* x, const Annotation* y) { return x->timeS < y->timeS; });
    std::string rhythm;
    double since = 0;
    for (const Annotation* a : sorted) {
        if (dsp::isBeatCode(a->code)) {
            if (a->code != "N")
                eventBeats.push_back(a->timeS);
            continue;
        }
        const std::string r = rhythmOf(*a);
        if (r.empty())
            continue;
        if (!rhythm.empty() && rhythm != "(N")
            abnormalRhythm.push_back({since, a->timeS});
        rhythm = r;
        since = a->timeS;
    }
    if (!rhythm.empty() && rhythm != "(N")
        abnormalRhythm.push_back({since, std::numeric_limits<double>::infinity()});

    std::vector<int> labels;
    labels.reserve(windows.size());
    for (const WindowResult& w : windows) {
        const auto first = std::lower_bound(eventBeats.begin(), eventBeats.end(), w.startS);
        bool event = first != eventBeats.end() && *first < w.endS;
        for (const Span& s : abnormalRhythm)
            event = event || (s.start < w.endS && s.end > w.startS);
        labels.push_back(event ? 1 : 0);
    }
    return labels;
}

Result<Json> ambulatoryCheck(const AnalyseFn& analyse, const std::string& folder,
                             int bootstrapRounds, std::uint64_t seed,
                             const std::function<void(const std::string&)>& log)
{
    using R = Result<Json>;
    std::vector<fs::path> headers;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const fs::path p = entry.path();
        if (p.extension() == ".hea" && fs::exists(fs::path(p).replace_extension(".atr")))
            headers.push_back(p);
    }
    if (ec)
        return R::failure(folder + ": cannot be listed (" + ec.message() + ")");
    std::sort(headers.begin(), headers.end());
    if (headers.empty())
        return R::failure(folder + " holds no WFDB record with reference annotations (.atr)");

    std::vector<double> probs, flagged, strongest;
    std::vector<int> labels, cluster;
    std::vector<double> withinAuc;
    long long strongestMore = 0, strongestLess = 0, strongestSame = 0;
    Json records = Json::array();
    for (std::size_t r = 0; r < headers.size(); ++r) {
        const std::string path = headers[r].string();
        auto rec = io::open(path);
        if (!rec)
            return R::failure(rec.error());
        auto a = analyse(*rec);
        if (!a)
            return R::failure(path + ": " + a.error());
        const auto y = windowEventLabels(rec->annotations, a->windows);
        std::vector<double> p, f, top(a->windows.size(), 0.0);
        for (const WindowResult& w : a->windows) {
            p.push_back(w.probability);
            // The window-level rule behind Analysis::flagged (merged runs of such windows).
            f.push_back(verdictFor(w.probability, a->thresholds) == Verdict::Anomalous ? 1.0 : 0.0);
        }
        // The windows the app lists to look at first (strongestWindows), found by start.
        for (const WindowResult& s : strongestWindows(*a))
            for (std::size_t i = 0; i < a->windows.size(); ++i)
                if (a->windows[i].startS == s.startS)
                    top[i] = 1.0;
        const double auc = rocAuc(p, y);
        if (std::isfinite(auc)) {
            withinAuc.push_back(auc);
            // A record with both kinds of window: do the windows listed first hold events more
            // often than its windows as a whole?
            const double listed = shareWithEvents(top, y);
            const double all = shareWithEvents(std::vector<double>(y.size(), 1.0), y);
            if (std::isfinite(listed))
                (listed > all ? strongestMore : listed < all ? strongestLess : strongestSame)++;
        }
        int events = 0;
        for (int v : y)
            events += v;
        Json o = Json::object();
        o.set("record", headers[r].stem().string());
        o.set("leads", leadNames(a->leadsUsed, "+"));
        o.set("age", rec->patient.ageYears ? Json(*rec->patient.ageYears) : Json());
        o.set("minutes", rec->durationS() / 60.0);
        o.set("windows", (long long)y.size());
        o.set("event_windows", events);
        o.set("anomalous_threshold", a->thresholds.anomalous);
        o.set("event_free_flagged", numberOrNull(flaggedShare(f, y, 0)));
        o.set("event_flagged", numberOrNull(flaggedShare(f, y, 1)));
        o.set("window_auc", numberOrNull(auc));
        o.set("strongest_windows", (long long)std::count(top.begin(), top.end(), 1.0));
        o.set("strongest_with_events", numberOrNull(shareWithEvents(top, y)));
        records.push(o);
        strongest.insert(strongest.end(), top.begin(), top.end());
        probs.insert(probs.end(), p.begin(), p.end());
        flagged.insert(flagged.end(), f.begin(), f.end());
        labels.insert(labels.end(), y.begin(), y.end());
        cluster.insert(cluster.end(), y.size(), int(r));
        if (log)
            log("ambulatory check: " + headers[r].stem().string() + " done");
    }
    int events = 0;
    for (int v : labels)
        events += v;
    Json out = Json::object();
    out.set("folder", fs::path(folder).filename().string());
    out.set("records", (long long)headers.size());
    out.set("windows", (long long)labels.size());
    out.set("event_windows", events);
    out.set("event_definition", "a beat is annotated other than N (normal), or a rhythm other than "
                                "(N (normal sinus) is in force");
    out.set("window_auc", intervalJson(clusterBootstrapCi(probs, labels, cluster, rocAuc,
                                                          bootstrapRounds, seed)));
    auto share = [](int label) {
        return [label](const std::vector<double>& f, const std::vector<int>& y) {
            return flaggedShare(f, y, label);
        };
    };
    out.set("event_free_flagged", intervalJson(clusterBootstrapCi(
                                      flagged, labels, cluster, share(0), bootstrapRounds, seed)));
    out.set("event_flagged", intervalJson(clusterBootstrapCi(flagged, labels, cluster, share(1),
                                                             bootstrapRounds, seed)));
    // Of the windows listed to look at first, the share with events, against the share of all
    // windows with events: whether the list points at events more often than chance would.
    out.set("strongest_per_record", (long long)kStrongestWindows);
    out.set("strongest_with_events",
            intervalJson(clusterBootstrapCi(strongest, labels, cluster, shareWithEvents,
                                            bootstrapRounds, seed)));
    out.set("windows_with_events",
            intervalJson(clusterBootstrapCi(std::vector<double>(labels.size(), 1.0), labels,
                                            cluster, shareWithEvents, bootstrapRounds, seed)));
    Json compared = Json::object();
    compared.set("more_often", strongestMore);
    compared.set("less_often", strongestLess);
    compared.set("as_often", strongestSame);
    out.set("strongest_against_record", compared);
    std::sort(withinAuc.begin(), withinAuc.end());
    const std::size_t m = withinAuc.size();
    out.set("records_with_both_kinds", (long long)m);
    out.set("median_within_record_auc",
            m == 0
                ? Json()
                : Json(m % 2 ? withinAuc[m / 2] : 0.5 * (withinAuc[m / 2 - 1] + withinAuc[m / 2])));
    out.set("per_record", records);
    return out;
}

} // namespace ecglens::ml
