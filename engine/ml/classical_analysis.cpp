// analyse() for the measurement models: the same windows, verdict, flagged segments and validity
// warnings as the neural detector, with each window's probability from the measurements of that
// stretch of the recording.

#include "ml/analysis_common.h"
#include "ml/classical.h"

#include <algorithm>
#include <cmath>
#include <numeric>

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
        return R::failureOf(setup);
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
    auto setup = beginAnalysis(model.info(), recording, options, {});
    if (!setup)
        return R::failureOf(setup);
    const std::vector<long>& starts = setup->starts;
    if (starts.empty())
        return R::failure("the recording has no analysis window");
    const Result<long> first = windowStartSample(startS, setup->prepared.samples);
    if (!first)
        return R::failure(first.error());
    const long wanted = *first;
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
    const std::vector<double> c = model.contributions(*row);
    const FeaturePreprocessor& pre = model.preprocessor();
    if (c.size() != pre.outputSize() + 1)
        return R::failure("the model gave " + std::to_string(c.size()) + " contributions for " +
                          std::to_string(pre.outputSize()) + " features");
    for (std::size_t j = 0; j < pre.outputSize(); ++j) {
        MeasurementExplanation::Input in;
        in.feature = pre.names()[j];
        in.rawFeature = pre.rawIndex(j);
        in.missingIndicator = pre.isMissingIndicator(j);
        const double raw = (*row)[in.rawFeature];
        in.value = in.missingIndicator ? (std::isfinite(raw) ? 0.0 : 1.0) : raw;
        in.contribution = c[j];
        e.inputs.push_back(std::move(in));
    }
    e.base = c.back();
    e.output = model.margins({*row}).front();
    e.probability = model.probability(e.output);
    e.trees = model.info().arch != "logreg";
    e.model = model.info();
    return e;
}

double MeasurementExplanation::efficiencyError() const
{
    double sum = base;
    for (const Input& in : inputs)
        sum += in.contribution;
    return std::abs(sum - output);
}

std::vector<std::size_t> MeasurementExplanation::strongestFirst() const
{
    std::vector<std::size_t> order(inputs.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return std::abs(inputs[x].contribution) > std::abs(inputs[y].contribution);
    });
    return order;
}

} // namespace ecglens::ml
