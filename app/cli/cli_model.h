#pragma once

#include "core/recording.h"
#include "ml/classical.h"
#include "ml/detector.h"

#include <QString>

#include <memory>
#include <optional>

namespace ecglens::cli {

/// Loads the detector from `modelDir`, or the default model when it is empty; on failure prints
/// one line on stderr and returns nothing.
std::optional<ml::Detector> loadDetector(const QString& modelDir);

/// A loaded model of either kind: the neural detector or a measurement model (logreg, forest,
/// gbm), told apart by model.json's "arch".
class AnyModel
{
public:
    /// Loads `modelDir`, or the default model when it is empty; on failure prints one line on
    /// stderr and returns nothing.
    static std::optional<AnyModel> load(const QString& modelDir);

    Result<ml::Analysis> analyse(const Recording& recording,
                                 const ml::AnalysisOptions& options) const;

private:
    std::shared_ptr<const ml::Detector> m_detector;
    std::shared_ptr<const ml::ClassicalModel> m_classical;
};

} // namespace ecglens::cli
