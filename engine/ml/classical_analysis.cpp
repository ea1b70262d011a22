// analyse() for the measurement models: the same windows, verdict, flagged segments and validity
// warnings as the neural detector, with each window's probability from the measurements of that
// stretch of the recording.

#include "ml/analysis_common.h"
#include "ml/classical.h"

#include <algorithm>
#include <cmath>

namespace ecglens::ml {

namespace {

/// The part [startS, endS) of every lead (each at its own rate); annotations are dropped.
Recording sliceRecording(const Recording& recording, double startS, double endS)
{
    Recording out;
    out.fsHz = recording.fsHz;
    out.patient = recording.patient;
    for (const Lead& lead : recording.leads) {
        Lead l = lead;
        const auto n = long(lead.samples.size());
        const long from = std::clamp(long(std::lround(startS * lead.fsHz)), 0L, n);
        const long to = std::clamp(long(std::lround(endS * lead.fsHz)), from, n);
        l.samples.assign(lead.samples.begin() + from, lead.samples.begin() + to);
        out.leads.push_back(std::move(l));
    }
    return out;
}

/// The raw features of the window starting at sample `start` (100 Hz) of `starts`: the whole
/// recording when it has one window (as the models were trained on whole 10 s records).
Result<FeatureRow> windowFeatures(const Recording& recording, const std::vector<long>& starts,
                                  long start, std::optional<double> age, Sex sex)
{
    return starts.size() == 1
               ? recordingFeatures(recording, age ? *age : NAN, sex)
               : recordingFeatures(sliceRecording(recording, double(start) / kModelFsHz,
                                                  double(start + kWindowSamples) / kModelFsHz),
                                   age ? *age : NAN, sex);
}

} // namespace

Result<Analysis> analyse(const ClassicalModel& model, const Recording& recording,
                         const AnalysisOptions& options, const ProgressFn& progress)
{
    using R = Result<Analysis>;
    // The 100 Hz signal only decides the windows, lead presence and the warnings; the
    // measurements are taken at the recording's own rate, as in training.
    auto setup = beginAnalysis(model.info(), recording, options, progress);
    if (!setup)
        return R::failure(setup.error());
    Analysis& a = setup->analysis;
    const std::vector<long>& starts = setup->starts;
    const std::optional<double> age = setup->ageYears;
    const Sex sex = options.sex != Sex::Unknown ? options.sex : recording.patient.sex;

    std::vector<FeatureRow> rows;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        // One window: the whole recording, exactly as the model was trained (whole 10 s).
        auto row = windowFeatures(recording, starts, starts[i], age, sex);
        if (!row)
            return R::failure("window at " + std::to_string(starts[i] / long(kModelFsHz)) +
                              " s: " + row.error());
        rows.push_back(std::move(*row));
        if (progress && !progress(0.05 + 0.9 * double(i + 1) / double(starts.size())))
            return R::failure("analysis cancelled");
    }
    std::vector<double> probabilities;
    for (double m : model.margins(rows))
        probabilities.push_back(model.probability(m));
    finishAnalysis(a, starts, setup->prepared.samples, probabilities, model.thresholdsFor(age));
    if (progress)
        progress(1.0);
    return std::move(a);
}

Result<MeasurementExplanation> explainMeasurements(const ClassicalModel& model,
                                                   const Recording& recording, double startS,
                                                   const AnalysisOptions& options)
{
    using R = Result<MeasurementExplanation>;
    if (!std::isfinite(startS) || startS < 0)
        return R::failure("the window start must be a time in seconds >= 0");
    auto setup = beginAnalysis(model.info(), recording, options, {});
    if (!setup)
        return R::failure(setup.error());
    const std::vector<long>& starts = setup->starts;
    if (starts.empty())
        return R::failure("the recording has no analysis window");
    const long wanted = std::lround(startS * kModelFsHz);
    const long start = *std::min_element(starts.begin(), starts.end(), [&](long a, long b) {
        return std::abs(a - wanted) < std::abs(b - wanted);
    });
    const Sex sex = options.sex != Sex::Unknown ? options.sex : recording.patient.sex;
    auto row = windowFeatures(recording, starts, start, setup->ageYears, sex);
    if (!row)
        return R::failure(row.error());
    MeasurementExplanation e;
    e.windowStartS = double(start) / kModelFsHz;
    e.windowEndS = starts.size() == 1
                       ? std::max(e.windowStartS, double(setup->prepared.samples) / kModelFsHz)
                       : double(start + kWindowSamples) / kModelFsHz;
    e.features = model.featureNames();
    const std::vector<std::string>& raw = rawFeatureNames();
    for (const std::string& name : e.features) {
        const auto it = std::find(raw.begin(), raw.end(), name);
        if (it != raw.end()) {
            e.values.push_back((*row)[std::size_t(it - raw.begin())]);
            continue;
        }
        const std::string suffix = "_missing";
        const std::string base =
            name.size() > suffix.size() &&
                    name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0
                ? name.substr(0, name.size() - suffix.size())
                : std::string();
        const auto b = std::find(raw.begin(), raw.end(), base);
        e.values.push_back(b == raw.end()                                        ? NAN
                           : std::isfinite((*row)[std::size_t(b - raw.begin())]) ? 0.0
                                                                                 : 1.0);
    }
    std::vector<double> c = model.contributions(*row);
    if (c.size() != e.features.size() + 1)
        return R::failure("the model gave " + std::to_string(c.size()) + " contributions for " +
                          std::to_string(e.features.size()) + " features");
    e.base = c.back();
    c.pop_back();
    e.contributions = std::move(c);
    e.output = model.margins({*row}).front();
    e.probability = model.probability(e.output);
    e.trees = model.info().arch != "logreg";
    e.model = model.info();
    return e;
}

} // namespace ecglens::ml
