#pragma once

// The on-disk layout of a model folder and its integrity manifest.
//   model.json        name, version, architecture, input, calibration, thresholds
//   weights.pt        network parameters (LibTorch archive)
//   config.json       training configuration and history
//   manifest.json     SHA-256 of every other file (written last)

#include "core/result.h"
#include "ml/json_lite.h"

#include <string>
#include <vector>

namespace ecglens::ml {

inline constexpr const char* kManifestFile = "manifest.json";
inline constexpr const char* kModelFile = "model.json";
inline constexpr const char* kWeightsFile = "weights.pt";
inline constexpr const char* kConfigFile = "config.json";

/// Writes manifest.json listing `files` (names relative to `dir`) with their SHA-256.
Result<bool> writeManifest(const std::string& dir, const std::vector<std::string>& files);

/// Checks every file in dir/manifest.json (and that model.json and weights.pt are listed).
/// Returns the SHA-256 of manifest.json, or a message naming the first tampered/missing file.
Result<std::string> verifyManifest(const std::string& dir);

} // namespace ecglens::ml
