#pragma once

#include "advice/advice.h"
#include "core/recording.h"
#include "dsp/measurements.h"
#include "dsp/rhythm.h"
#include "ml/classical.h"
#include "ml/detector.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace ecglens::cli {

/// The --age N and --sex M|F options of 'analyze' and 'report'.
QList<QCommandLineOption> patientOptions();
/// Reads them into `options`; on bad input prints one line on stderr and returns false.
bool readPatientOptions(const QCommandLineParser& parser, ml::AnalysisOptions& options);

/// Advice for a recording: the patient with --age / --sex applied, the measurement pipeline's
/// intervals and ST levels (`measured` may be null) and rhythm findings, the verdict (may be
/// null) and the ST levels and findings of an ECG it is compared with (may be null; neither is
/// used when it has no ST levels: not measured).
std::vector<advice::AdviceItem>
adviceItems(const Recording& recording, const ml::AnalysisOptions& options,
            const dsp::Measurements* measured, const std::vector<dsp::Finding>& findings,
            const ml::Analysis* detection, const std::vector<dsp::StLevel>* comparedSt = nullptr,
            const std::vector<dsp::Finding>* comparedFindings = nullptr);

/// The model's identity in a command's JSON: {"name", "version", "sha256"}.
QJsonObject modelJson(const ml::ModelInfo& model);

/// A loaded model of either kind: the neural detector or a measurement model (logreg, forest,
/// gbm), told apart by model.json's "arch".
class AnyModel
{
public:
    /// Loads `modelDir`, or the default model when it is empty; on failure prints one line on
    /// stderr and returns nothing.
    static std::optional<AnyModel> load(const QString& modelDir);
    /// The same without printing: the reason on failure.
    static Result<AnyModel> tryLoad(const QString& modelDir);

    Result<ml::Analysis> analyse(const Recording& recording,
                                 const ml::AnalysisOptions& options) const;
    /// The neural detector, or null for a measurement model.
    const ml::Detector* detector() const { return m_detector.get(); }
    /// The measurement model, or null for the neural detector.
    const ml::ClassicalModel* classical() const { return m_classical.get(); }

private:
    std::shared_ptr<const ml::Detector> m_detector;
    std::shared_ptr<const ml::ClassicalModel> m_classical;
};

} // namespace ecglens::cli
