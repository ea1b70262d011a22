#pragma once

// Measurement features of a record for the classical models (logistic regression, random forest,
// gradient boosting): ECG Lens's own measurements (dsp::analyse) plus age and sex, and the
// preprocessing fitted on the training folds only (median imputation with missing indicators,
// standardisation).

#include "core/recording.h"
#include "core/result.h"
#include "dsp/measurements.h"
#include "ml/json_lite.h"
#include "ml/ptbxl.h"

#include <functional>
#include <string>
#include <vector>

namespace ecglens::ml {

/// One record's raw features in rawFeatureNames() order; NaN = missing.
using FeatureRow = std::vector<double>;

/// Names of the raw features with their units, e.g. "heart_rate_bpm", "qtc_bazett_ms", "age_years".
const std::vector<std::string>& rawFeatureNames();

/// Raw features from measured values, patient age (years, < 0 or NaN = unknown) and sex.
FeatureRow featuresFromMeasurements(const dsp::IntervalValues& values, double ageYears, Sex sex);

/// Raw features of a recording: dsp::analyse with default conditioning (50 Hz notch), whole record.
Result<FeatureRow> recordingFeatures(const Recording& recording, double ageYears, Sex sex);

/// Raw features of one PTB-XL record (its 100 Hz file, as `ecglens-cli measure` reads it).
Result<FeatureRow> ptbxlFeatures(const PtbxlEntry& entry);

/// Raw features of many records on `threads` worker threads; rows in `entries` order. `log` gets
/// a progress line now and then.
Result<std::vector<FeatureRow>>
ptbxlFeatureTable(const std::vector<PtbxlEntry>& entries, int threads = 2,
                  const std::function<void(const std::string&)>& log = {});

/// Median imputation + missing indicators + standardisation, fitted on training rows only.
class FeaturePreprocessor
{
public:
    /// Fits on training rows: per raw feature the median of its finite values (0 if none), a
    /// missing indicator for every feature missing in at least one training row, then mean and
    /// standard deviation (population; 1 when constant) of every output column.
    static FeaturePreprocessor fit(const std::vector<FeatureRow>& trainingRows);

    /// Output columns: imputed raw features, then the indicators; all standardised.
    std::vector<double> transform(const FeatureRow& raw) const;
    /// Names of the output columns ("<raw>" and "<raw>_missing").
    const std::vector<std::string>& names() const { return m_names; }
    /// The raw feature (rawFeatureNames() index) output column `column` comes from.
    std::size_t rawIndex(std::size_t column) const
    {
        return column < m_median.size() ? column : m_missing[column - m_median.size()];
    }
    /// Whether output column `column` is a missing indicator (1 when its raw feature is missing).
    bool isMissingIndicator(std::size_t column) const { return column >= m_median.size(); }
    std::size_t outputSize() const { return m_names.size(); }

    Json toJson() const;
    static Result<FeaturePreprocessor> fromJson(const Json& json);

private:
    std::vector<double> m_median;       ///< per raw feature
    std::vector<std::size_t> m_missing; ///< raw features that get an indicator
    std::vector<double> m_mean, m_sd;   ///< per output column
    std::vector<std::string> m_names;
};

} // namespace ecglens::ml
