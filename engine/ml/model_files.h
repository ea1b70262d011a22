#pragma once

// The on-disk layout of a model folder and its integrity manifest.
//   model.json        name, version, architecture, input, calibration, thresholds
//   weights.pt        network parameters (LibTorch archive)
//   config.json       training configuration and history
//   manifest.json     SHA-256 of every other file (written last)

#include "core/result.h"
#include "ml/json_lite.h"

#include <map>
#include <string>
#include <vector>

namespace ecglens::ml {

inline constexpr const char* kManifestFile = "manifest.json";
inline constexpr const char* kModelFile = "model.json";
inline constexpr const char* kWeightsFile = "weights.pt";
inline constexpr const char* kConfigFile = "config.json";

/// Writes manifest.json listing `files` (names relative to `dir`) with their SHA-256.
Result<bool> writeManifest(const std::string& dir, const std::vector<std::string>& files);

/// First 12 hex digits of the SHA-256 of the model's content: the weights file `weightsFile` in
/// `dir` and every member of `model` (model.json) except "version". Any change to the weights,
/// calibration, thresholds or preprocessing changes it.
Result<std::string> modelFingerprint(const std::string& dir, const Json& model,
                                     const std::string& weightsFile);

/// Sets model["version"] to "<UTC date YYYY-MM-DD>+<modelFingerprint()>"; call after the weights
/// file is written and before model.json is.
Result<bool> stampVersion(const std::string& dir, Json& model, const std::string& weightsFile);

/// A file checked against the manifest: its SHA-256 (hex) and the very bytes that were hashed,
/// so the loader uses what was verified and never reads the file a second time (a file replaced
/// between the check and the load would otherwise go unnoticed).
struct VerifiedFile
{
    std::string sha256;
    std::string bytes;
};

/// Files already checked against the manifest, by file name.
using VerifiedFiles = std::map<std::string, VerifiedFile>;

/// The bytes of `file` from `verified` when it holds them, else read from dir/file; a message
/// naming the file when it cannot be read.
Result<std::string> verifiedOrRead(const std::string& dir, const std::string& file,
                                   const VerifiedFiles* verified);

/// dir/model.json, parsed (from `verified` when it holds it); a message naming the file when it
/// is missing or damaged.
Result<Json> readModelJson(const std::string& dir, const VerifiedFiles* verified = nullptr);

/// Checks that `model` (dir's model.json)'s "version" ends in "+<modelFingerprint()>" (weights
/// named by "weights_file", default weights.pt); a message saying what differs otherwise. The
/// weights' SHA-256 is taken from `verified` when it holds them (no second read of the file).
Result<bool> checkVersion(const std::string& dir, const Json& model,
                          const VerifiedFiles* verified = nullptr);

/// What a manifest vouches for, which decides how its failures are worded (ml/model_messages.h).
enum class ManifestOwner {
    Model,     ///< a model folder: "the model is refused — reinstall the model"
    NormalBeat ///< the explanations' normal-template baseline
};

/// Checks that dir/manifest.json lists every file in `required`, then that every listed file
/// exists with its SHA-256. Returns the SHA-256 of manifest.json, or a Message (worded for
/// `owner`) naming the folder or the first unlisted / missing / tampered file and what to do.
/// The files' SHA-256 and bytes go into `verified` when given.
Result<std::string> verifyManifestFiles(const std::string& dir,
                                        const std::vector<std::string>& required,
                                        ManifestOwner owner, VerifiedFiles* verified = nullptr);

/// verifyManifestFiles() for a neural model folder: model.json and weights.pt required.
Result<std::string> verifyManifest(const std::string& dir, VerifiedFiles* verified = nullptr);

} // namespace ecglens::ml
