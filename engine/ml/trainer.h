#pragma once

// Training a detector on PTB-XL: folds 1-8 train, fold 9 early stopping, calibration and
// thresholds; fold 10 is never read here.

#include "core/result.h"
#include "ml/thresholds.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ecglens::ml {

struct TrainConfig
{
    std::string dataDir; ///< shared data folder or its ptbxl subfolder
    std::string name;    ///< model name; also selects the architecture (see archFor)
    std::string outDir;  ///< model folder to write
    std::uint64_t seed = 1;
    int epochs = 40;    ///< maximum epochs (early stopping on fold 9 may stop sooner)
    int patience = 10;  ///< epochs without fold-9 improvement before stopping
    int maxRecords = 0; ///< 0 = all; else at most this many training records (smoke tests)
    int batchSize = 32;
    double learningRate = 2e-3;
    double weightDecay = 1e-2;
    double leadDropout = 0.5; ///< probability that a training example gets a reduced lead set
    bool augment = true;      ///< shift, amplitude scale, noise, baseline wander
    int threads = 2;
    /// 1: train on folds 1-8, early stopping, calibration and thresholds on fold 9.
    /// k > 1: cross-fitting on folds 1-9: k ensemble members side by side, member m never learns
    /// from the folds f with (f - 1) % k == m; a fixed number of epochs (no early stopping);
    /// calibration and thresholds on the out-of-fold predictions of all folds 1-9.
    int members = 1;
    int width = 32; ///< channels of the ResNet's first stage
    /// Auxiliary labels learnt beside the normal/abnormal label by training-only heads (ResNet):
    /// "none"; "super" = the PTB-XL diagnostic superclasses MI, STTC, CD, HYP
    /// (scp_statements.csv); "codes" = every scp statement present in at least 25 training
    /// records. Inference and the saved weights are unchanged.
    std::string auxiliary = "none";
    double auxWeight = 0.5; ///< weight of the auxiliary loss (mean over its labels)
};

/// Architecture for a model name: names starting with "cnn_lstm" use the prototype's CNN-LSTM,
/// everything else the 1-D ResNet.
std::string archFor(const std::string& name);

struct TrainReport
{
    int epochsRun = 0;
    int bestEpoch = 0;
    double bestValidationAuc = 0;
    double seconds = 0;
};

using LogFn = std::function<void(const std::string&)>;

/// Trains, calibrates (Platt on fold 9 or on out-of-fold predictions, see TrainConfig::members),
/// chooses thresholds (chooseThresholds()) and writes the model folder with its manifest.
/// Deterministic for a given seed and thread count.
Result<TrainReport> trainModel(const TrainConfig& config, const LogFn& log,
                               const std::function<bool(double)>& progress = {});

/// Redoes Platt calibration and the per-age-group thresholds of an existing model folder on
/// fold 9 and rewrites model.json and the manifest (metrics and model card must be regenerated).
Result<bool> recalibrateModel(const std::string& dataDir, const std::string& modelDir,
                              const LogFn& log);

} // namespace ecglens::ml
