#include "ml/features.h"

#include "io/open.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>

namespace ecglens::ml {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double finiteOrNaN(double v)
{
    return std::isfinite(v) ? v : kNaN;
}

/// Smallest angle between two frontal axes in degrees (0-180); NaN when either is missing.
double axisAngle(double a, double b)
{
    if (!std::isfinite(a) || !std::isfinite(b))
        return kNaN;
    double d = std::fmod(std::fabs(a - b), 360.0);
    return d > 180.0 ? 360.0 - d : d;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

} // namespace

const std::vector<std::string>& rawFeatureNames()
{
    static const std::vector<std::string> names{"heart_rate_bpm",
                                                "rr_mean_ms",
                                                "rr_min_ms",
                                                "rr_max_ms",
                                                "sdnn_ms",
                                                "rmssd_ms",
                                                "pnn50_percent",
                                                "pr_ms",
                                                "qrs_ms",
                                                "qt_ms",
                                                "qtc_bazett_ms",
                                                "p_axis_deg",
                                                "qrs_axis_deg",
                                                "t_axis_deg",
                                                "qrs_t_angle_deg",
                                                "ventricular_beats",
                                                "supraventricular_beats",
                                                "age_years",
                                                "sex_female"};
    return names;
}

FeatureRow featuresFromMeasurements(const dsp::IntervalValues& v, double ageYears, Sex sex)
{
    FeatureRow f{finiteOrNaN(v.heartRateBpm),
                 finiteOrNaN(v.rrMeanMs),
                 finiteOrNaN(v.rrMinMs),
                 finiteOrNaN(v.rrMaxMs),
                 finiteOrNaN(v.sdnnMs),
                 finiteOrNaN(v.rmssdMs),
                 finiteOrNaN(v.pnn50Percent),
                 finiteOrNaN(v.prMs),
                 finiteOrNaN(v.qrsMs),
                 finiteOrNaN(v.qtMs),
                 finiteOrNaN(v.qtcBazettMs),
                 finiteOrNaN(v.pAxisDeg),
                 finiteOrNaN(v.qrsAxisDeg),
                 finiteOrNaN(v.tAxisDeg),
                 axisAngle(v.qrsAxisDeg, v.tAxisDeg),
                 double(v.ventricularBeats),
                 double(v.supraventricularBeats),
                 std::isfinite(ageYears) && ageYears >= 0 ? ageYears : kNaN,
                 sex == Sex::Female ? 1.0
                 : sex == Sex::Male ? 0.0
                                    : kNaN};
    return f;
}

Result<FeatureRow> recordingFeatures(const Recording& recording, double ageYears, Sex sex)
{
    dsp::MeasureOptions options;
    options.windows = false; // whole-record values only
    const auto analysis = dsp::analyse(recording, dsp::ConditionOptions{}, options);
    if (!analysis)
        return Result<FeatureRow>::failure("measurement failed");
    return featuresFromMeasurements(analysis->measurements.values, ageYears, sex);
}

Result<FeatureRow> ptbxlFeatures(const PtbxlEntry& entry)
{
    io::OpenOptions options;
    options.loadAnnotations = false;
    auto rec = io::open(entry.recordPath, options);
    if (!rec)
        return Result<FeatureRow>::failure(rec.error());
    auto f = recordingFeatures(*rec, entry.ageYears, entry.sex);
    if (!f)
        return Result<FeatureRow>::failure(entry.recordPath + ": " + f.error());
    return f;
}

Result<std::vector<FeatureRow>>
ptbxlFeatureTable(const std::vector<PtbxlEntry>& entries, int threads,
                  const std::function<void(const std::string&)>& log)
{
    std::vector<FeatureRow> rows(entries.size());
    std::vector<std::string> errors(entries.size());
    std::atomic<std::size_t> next{0}, done{0};
    std::mutex logMutex;
    auto work = [&] {
        for (std::size_t i = next++; i < entries.size(); i = next++) {
            auto f = ptbxlFeatures(entries[i]);
            if (f)
                rows[i] = std::move(*f);
            else
                errors[i] = f.error();
            const std::size_t d = ++done;
            if (log && (d % 250 == 0 || d == entries.size())) {
                std::lock_guard lock(logMutex);
                log("measured " + std::to_string(d) + "/" + std::to_string(entries.size()) +
                    " records");
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::max(1, threads); ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();
    for (const auto& e : errors)
        if (!e.empty())
            return Result<std::vector<FeatureRow>>::failure(e);
    return rows;
}

FeaturePreprocessor FeaturePreprocessor::fit(const std::vector<FeatureRow>& rows)
{
    FeaturePreprocessor p;
    const auto& raw = rawFeatureNames();
    const std::size_t k = raw.size();
    for (std::size_t j = 0; j < k; ++j) {
        std::vector<double> finite;
        bool missing = false;
        for (const auto& r : rows) {
            if (std::isfinite(r[j]))
                finite.push_back(r[j]);
            else
                missing = true;
        }
        p.m_median.push_back(median(finite));
        if (missing)
            p.m_missing.push_back(j);
    }
    p.m_names = raw;
    for (std::size_t j : p.m_missing)
        p.m_names.push_back(raw[j] + "_missing");
    const std::size_t m = p.m_names.size();
    p.m_mean.assign(m, 0.0);
    p.m_sd.assign(m, 1.0);
    // Mean and SD of the imputed columns (transform() with identity scaling).
    std::vector<double> sum(m, 0.0), sumSq(m, 0.0);
    for (const auto& r : rows) {
        const auto t = p.transform(r);
        for (std::size_t j = 0; j < m; ++j)
            sum[j] += t[j];
    }
    const double n = double(std::max<std::size_t>(rows.size(), 1));
    std::vector<double> mean(m);
    for (std::size_t j = 0; j < m; ++j)
        mean[j] = sum[j] / n;
    for (const auto& r : rows) {
        const auto t = p.transform(r);
        for (std::size_t j = 0; j < m; ++j)
            sumSq[j] += (t[j] - mean[j]) * (t[j] - mean[j]);
    }
    for (std::size_t j = 0; j < m; ++j) {
        const double sd = std::sqrt(sumSq[j] / n);
        p.m_mean[j] = mean[j];
        p.m_sd[j] = sd > 1e-12 ? sd : 1.0;
    }
    return p;
}

std::vector<double> FeaturePreprocessor::transform(const FeatureRow& raw) const
{
    std::vector<double> out;
    out.reserve(m_names.size());
    for (std::size_t j = 0; j < m_median.size(); ++j) {
        const double v = j < raw.size() ? raw[j] : kNaN;
        out.push_back(std::isfinite(v) ? v : m_median[j]);
    }
    for (std::size_t j : m_missing)
        out.push_back(j < raw.size() && std::isfinite(raw[j]) ? 0.0 : 1.0);
    for (std::size_t j = 0; j < out.size() && j < m_mean.size(); ++j)
        out[j] = (out[j] - m_mean[j]) / m_sd[j];
    return out;
}

Json FeaturePreprocessor::toJson() const
{
    Json o = Json::object();
    Json raw = Json::array(), med = Json::array(), ind = Json::array(), names = Json::array(),
         mean = Json::array(), sd = Json::array();
    for (std::size_t j = 0; j < m_median.size(); ++j) {
        raw.push(rawFeatureNames()[j]);
        med.push(m_median[j]);
    }
    for (std::size_t j : m_missing)
        ind.push(rawFeatureNames()[j]);
    for (std::size_t j = 0; j < m_names.size(); ++j) {
        names.push(m_names[j]);
        mean.push(m_mean[j]);
        sd.push(m_sd[j]);
    }
    o.set("raw_features", raw);
    o.set("imputation", "median of folds 1-8");
    o.set("median", med);
    o.set("missing_indicators", ind);
    o.set("features", names);
    o.set("standardisation", "(x - mean) / sd, mean and sd of folds 1-8 after imputation");
    o.set("mean", mean);
    o.set("sd", sd);
    return o;
}

Result<FeaturePreprocessor> FeaturePreprocessor::fromJson(const Json& o)
{
    using R = Result<FeaturePreprocessor>;
    const auto& raw = rawFeatureNames();
    FeaturePreprocessor p;
    const auto& rawJson = o["raw_features"].items();
    if (rawJson.size() != raw.size())
        return R::failure("the model was trained on " + std::to_string(rawJson.size()) +
                          " measurement features, this version of ECG Lens computes " +
                          std::to_string(raw.size()));
    for (std::size_t j = 0; j < raw.size(); ++j)
        if (rawJson[j].string() != raw[j])
            return R::failure("the model's feature \"" + rawJson[j].string() +
                              "\" is not the one this version computes (\"" + raw[j] + "\")");
    for (const Json& v : o["median"].items())
        p.m_median.push_back(v.number(kNaN));
    p.m_names = raw;
    for (const Json& v : o["missing_indicators"].items()) {
        const auto it = std::find(raw.begin(), raw.end(), v.string());
        if (it == raw.end())
            return R::failure("unknown missing indicator \"" + v.string() + "\"");
        p.m_missing.push_back(std::size_t(it - raw.begin()));
        p.m_names.push_back(v.string() + "_missing");
    }
    for (const Json& v : o["mean"].items())
        p.m_mean.push_back(v.number(kNaN));
    for (const Json& v : o["sd"].items())
        p.m_sd.push_back(v.number(kNaN));
    const auto& names = o["features"].items();
    bool ok = p.m_median.size() == raw.size() && p.m_mean.size() == p.m_names.size() &&
              p.m_sd.size() == p.m_names.size() && names.size() == p.m_names.size();
    for (std::size_t j = 0; ok && j < names.size(); ++j)
        ok = names[j].string() == p.m_names[j];
    for (std::size_t j = 0; ok && j < p.m_median.size(); ++j)
        ok = std::isfinite(p.m_median[j]);
    for (std::size_t j = 0; ok && j < p.m_sd.size(); ++j)
        ok = std::isfinite(p.m_mean[j]) && std::isfinite(p.m_sd[j]) && p.m_sd[j] > 0;
    if (!ok)
        return R::failure("feature preprocessing parameters are incomplete or inconsistent");
    return p;
}

} // namespace ecglens::ml
