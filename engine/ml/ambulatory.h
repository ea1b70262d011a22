#pragma once

// The detector on real ambulatory recordings (MIT-BIH Arrhythmia): 2-lead, 30-minute Holter
// records, outside what the model was trained and validated on (10 s resting 12-lead PTB-XL).
// evaluate relates each analysis window and flag to the cardiologists' beat and rhythm
// annotations, so the model card says how the flags behave on such recordings.

#include "core/recording.h"
#include "core/result.h"
#include "ml/detector.h"
#include "ml/json_lite.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ecglens::ml {

/// Per window: 1 when the reference annotations put an event in [startS, endS): a beat annotated
/// anything other than normal ("N"), or a rhythm other than normal sinus ("(N", from the rhythm
/// annotations' text) in force during part of the window; else 0. Before the first rhythm
/// annotation the rhythm is taken as not annotated (no event).
std::vector<int> windowEventLabels(const std::vector<Annotation>& annotations,
                                   const std::vector<WindowResult>& windows);

/// A model's analyse() (the neural detector's or a measurement model's).
using AnalyseFn = std::function<Result<Analysis>(const Recording&)>;

/// `analyse` on every WFDB record in `folder` that has reference annotations (.atr), as the app
/// runs it (lead mapping, 10 s windows with 50 % overlap, the thresholds of the record's lead set
/// and age group), and the windows against windowEventLabels(): pooled window AUC, the share of
/// event-free and of event windows flagged (at or above the anomalous threshold applied), with
/// 95 % CIs from a bootstrap over records (windows of one record are not independent), and the
/// same per record. Fails when the folder holds no annotated record.
Result<Json> ambulatoryCheck(const AnalyseFn& analyse, const std::string& folder,
                             int bootstrapRounds, std::uint64_t seed,
                             const std::function<void(const std::string&)>& log = {});

} // namespace ecglens::ml
