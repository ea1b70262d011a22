#pragma once

#include "ml/detector.h"

#include <QString>

#include <optional>

namespace ecglens::cli {

/// Loads the detector from `modelDir`, or the default model when it is empty; on failure prints
/// one line on stderr and returns nothing.
std::optional<ml::Detector> loadDetector(const QString& modelDir);

} // namespace ecglens::cli
