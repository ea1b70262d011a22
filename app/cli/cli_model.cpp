#include "cli_model.h"

#include "cli_util.h"

namespace ecglens::cli {

std::optional<ml::Detector> loadDetector(const QString& modelDir)
{
    const std::string dir = modelDir.isEmpty() ? ml::defaultModelDir() : toStd(modelDir);
    if (dir.empty()) {
        fail(QStringLiteral("no model found: set ECGLENS_MODEL_DIR or pass --model DIR"));
        return std::nullopt;
    }
    auto detector = ml::Detector::load(dir);
    if (!detector) {
        fail(detector.error());
        return std::nullopt;
    }
    return std::move(detector).value();
}

} // namespace ecglens::cli
