#pragma once

// The detector's warnings, each a MessageTemplate: where a recording lies outside what the
// model was validated on. Interfaces translate them by id (app/report/engine_text.cpp).

#include "core/message.h"
#include "ml/model_messages.h"

#include <vector>

namespace ecglens::ml::messages {

inline constexpr MessageTemplate kUnderAge{
    "detector.under_18",
    "patient is %1 years old: the model was validated on adults (PTB-XL); "
    "paediatric ECGs differ — interpret with care",
    ageArg(1)};
inline constexpr MessageTemplate kFewLeads{
    "detector.few_leads", "only %1 of the 12 standard leads (%2): accuracy is lower than with 12 "
                          "leads (see the model card)"};
inline constexpr MessageTemplate kUnevaluatedLeads{
    "detector.unevaluated_leads",
    "the model was not evaluated on these leads alone (%1); the thresholds of the nearest lead "
    "set it was evaluated on (%2) are used and its accuracy here is not known"};
inline constexpr MessageTemplate kLowRate{
    "detector.low_rate", "sampling rate %1 Hz is below the model's 100 Hz; the signal was "
                         "upsampled and detail is missing"};
inline constexpr MessageTemplate kShort{
    "detector.short", "recording is %1 s long, shorter than the model's 10 s window; the rest is "
                      "padded"};
inline constexpr MessageTemplate kLong{
    "detector.long", "recording is %1 min long: the model was validated on 10 s resting ECGs "
                     "only; on Holter records (MIT-BIH, see the model card) most windows are "
                     "flagged even without annotated events — compare windows on the probability "
                     "track"};
inline constexpr MessageTemplate kFlatLead{
    "detector.flat_lead", "lead %1 is flat (%2 mV range) — electrode off or lead not connected?"};
inline constexpr MessageTemplate kNoisyLead{
    "detector.noisy_lead",
    "lead %1 is very noisy (%2 mV median sample-to-sample change) — check the electrode"};
inline constexpr MessageTemplate kInvalidSamples{"detector.invalid_samples",
                                                 "lead %1: %2 % of samples are invalid"};
inline constexpr MessageTemplate kUnknownLead{
    "detector.unknown_lead",
    "'%1' is not one of the 12 leads the model was trained on; it is not analysed"};

/// The recording cannot be analysed at all (a failure, not a warning).
inline constexpr MessageTemplate kNoStandardLead{
    "detector.no_standard_lead",
    "none of the recording's leads is a standard ECG lead (I, II, III, aVR, aVL, aVF, V1-V6, "
    "MLII) that the model can analyse"};

/// Every template above and the model-file ones (model_messages.h), for interfaces that check
/// they can word each one.
inline std::vector<MessageTemplate> all()
{
    std::vector<MessageTemplate> out{kUnderAge,       kFewLeads,    kUnevaluatedLeads, kLowRate,
                                     kShort,          kLong,        kFlatLead,         kNoisyLead,
                                     kInvalidSamples, kUnknownLead, kNoStandardLead};
    for (const MessageTemplate& t : modelFileMessages()) // a model or baseline refused
        out.push_back(t);
    return out;
}

} // namespace ecglens::ml::messages
