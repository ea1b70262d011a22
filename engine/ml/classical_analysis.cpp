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
        auto row = starts.size() == 1
                       ? recordingFeatures(recording, age ? *age : NAN, sex)
                       : recordingFeatures(
                             sliceRecording(recording, double(starts[i]) / kModelFsHz,
                                            double(starts[i] + kWindowSamples) / kModelFsHz),
                             age ? *age : NAN, sex);
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

} // namespace ecglens::ml
