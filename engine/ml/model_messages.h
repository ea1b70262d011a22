#pragma once

// Why a model folder or the explanations' normal-template baseline is refused (missing,
// damaged, tampered or mismatched files), each a MessageTemplate so that the viewer words it in
// its own language (app/report/engine_text.cpp). Paths, file names and checksums are values.

#include "core/message.h"

#include <vector>

namespace ecglens::ml::messages {

// A model folder (neural detector or measurement model); %1 is the folder.
inline constexpr MessageTemplate kModelNoFolder{
    "model.no_folder", "no model folder given and no installed model found; set "
                       "ECGLENS_MODEL_DIR to the folder holding manifest.json"};
inline constexpr MessageTemplate kModelNoManifest{
    "model.no_manifest", "model folder %1 has no manifest.json; it is incomplete or not an ECG "
                         "Lens folder; the model is refused — reinstall the model"};
/// %1 the manifest's path, %2 what is wrong with it.
inline constexpr MessageTemplate kModelManifestDamaged{
    "model.manifest_damaged", "%1 is damaged (%2); the model is refused — reinstall the model"};
/// %2 the file the manifest does not list.
inline constexpr MessageTemplate kModelFileUnlisted{
    "model.file_unlisted", "model folder %1: %2 is not listed in manifest.json, so it is "
                           "mismatched; the model is refused — reinstall the model"};
/// %1 the manifest's path.
inline constexpr MessageTemplate kModelInvalidFileName{
    "model.invalid_file_name",
    "%1 lists an invalid file name; the model is refused — reinstall the model"};
/// %1 the file, %2 the folder.
inline constexpr MessageTemplate kModelFileMissing{
    "model.file_missing", "file %1 is missing from %2; the model is refused — reinstall the model"};
/// %1 the file, %2 the folder, %3 and %4 the first 16 hex digits of its SHA-256 and of the one
/// the manifest lists, each followed by "..." (so that no interface reads them as a number).
inline constexpr MessageTemplate kModelFileModified{
    "model.file_modified",
    "file %1 in %2 has been modified or damaged (SHA-256 %3 does not match the manifest's "
    "%4); the model is refused — reinstall the model"};
inline constexpr MessageTemplate kModelIsMeasurementModel{
    "model.measurement_model",
    "%1 holds a measurement model (logistic regression, forest or gradient boosting), not a "
    "neural detector; it runs with `ecglens-cli analyze --model %1`; the viewer needs a neural "
    "model such as resnet1d"};
inline constexpr MessageTemplate kModelInputMismatch{
    "model.input_mismatch",
    "%1: the model expects an input this version of ECG Lens does not produce (rate, window or "
    "leads); it is refused as mismatched"};
/// %2 the version model.json states, %3 the fingerprint it should end in.
inline constexpr MessageTemplate kModelVersionMismatch{
    "model.version_mismatch",
    "%1: version \"%2\" does not end in \"%3\", the fingerprint of its weights and model.json; "
    "re-stamp it by training or recalibrating"};
inline constexpr MessageTemplate kModelNoModelJson{"model.no_model_json", "%1: no model.json"};

// The normal-template baseline of the explanations (resources/normal_beat); %1 is its folder.
inline constexpr MessageTemplate kBaselineNoManifest{
    "baseline.no_manifest",
    "the normal-template baseline in %1 has no manifest.json; it is incomplete or not an ECG "
    "Lens folder; it is refused; reinstall ECG Lens or use the isoelectric baseline"};
inline constexpr MessageTemplate kBaselineManifestDamaged{
    "baseline.manifest_damaged", "%1 is damaged (%2); it is refused; reinstall ECG Lens or use "
                                 "the isoelectric baseline"};
inline constexpr MessageTemplate kBaselineFileUnlisted{
    "baseline.file_unlisted",
    "the normal-template baseline in %1: %2 is not listed in manifest.json, so it is "
    "mismatched; it is refused; reinstall ECG Lens or use the isoelectric baseline"};
inline constexpr MessageTemplate kBaselineInvalidFileName{
    "baseline.invalid_file_name", "%1 lists an invalid file name; it is refused; reinstall ECG "
                                  "Lens or use the isoelectric baseline"};
inline constexpr MessageTemplate kBaselineFileMissing{
    "baseline.file_missing", "file %1 is missing from %2; it is refused; reinstall ECG Lens or "
                             "use the isoelectric baseline"};
inline constexpr MessageTemplate kBaselineFileModified{
    "baseline.file_modified",
    "file %1 in %2 has been modified or damaged (SHA-256 %3 does not match the manifest's "
    "%4); it is refused; reinstall ECG Lens or use the isoelectric baseline"};
/// %2 the file that is not one.
inline constexpr MessageTemplate kBaselineNotNormalBeat{
    "baseline.not_normal_beat", "the normal-template baseline in %1: %2 is not a normal-beat "
                                "file; reinstall ECG Lens or use the isoelectric baseline"};

inline std::vector<MessageTemplate> modelFileMessages()
{
    return {kModelNoFolder,           kModelNoManifest,         kModelManifestDamaged,
            kModelFileUnlisted,       kModelInvalidFileName,    kModelFileMissing,
            kModelFileModified,       kModelIsMeasurementModel, kModelInputMismatch,
            kModelVersionMismatch,    kModelNoModelJson,        kBaselineNoManifest,
            kBaselineManifestDamaged, kBaselineFileUnlisted,    kBaselineInvalidFileName,
            kBaselineFileMissing,     kBaselineFileModified,    kBaselineNotNormalBeat};
}

} // namespace ecglens::ml::messages
