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
    "no thresholds were chosen for these leads alone (%1); those of the nearest lead set (%2) are "
    "used, so sensitivity and specificity may differ from the model card's figures for %2"};
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
/// The recording's leads I, II and III break Einthoven's law (core/limb_leads.h; the reader
/// says by how much).
inline constexpr MessageTemplate kLimbLeadsInconsistent{
    "detector.limb_leads_inconsistent",
    "leads I, II and III break Einthoven's law (see the reader's warning): the amplitudes the "
    "model reads are probably wrong, so its output is not reliable"};
/// %1 the limb leads computed (deriveLimbLeads), %2 the recorded limb leads they came from.
inline constexpr MessageTemplate kDerivedLeads{
    "detector.derived_leads",
    "%1 computed from the recorded limb leads %2 (Einthoven's law, Goldberger's equations), as "
    "an electrocardiograph computes them, and analysed with them; the traces drawn as "
    "\"(computed)\" are computed the same way"};

/// The recording cannot be analysed at all (a failure, not a warning).
inline constexpr MessageTemplate kNoStandardLead{
    "detector.no_standard_lead",
    "none of the recording's leads is a standard ECG lead (I, II, III, aVR, aVL, aVF, V1-V6, "
    "MLII) that the model can analyse"};

/// The recording's leads include none of the lead sets the model has thresholds for (for the
/// shipped model: no lead II, and not two limb leads to compute it from); %1 the leads it has. A
/// failure: on such leads alone the model marked nearly every held-out ECG abnormal (model card,
/// reduced lead sets v1, v5, chest6).
inline constexpr MessageTemplate kLeadsUnsupported{
    "detector.leads_unsupported",
    "no verdict on %1 alone: the detector needs lead II (alone or with V1), two limb leads (it "
    "computes the others) or all 12 leads; on other leads alone it marked nearly every held-out "
    "ECG abnormal (see the model card, reduced lead sets)"};

/// Every template above and the model-file ones (model_messages.h), for interfaces that check
/// they can word each one.
inline std::vector<MessageTemplate> all()
{
    std::vector<MessageTemplate> out{kUnderAge,       kFewLeads,        kUnevaluatedLeads,
                                     kLowRate,        kShort,           kLong,
                                     kFlatLead,       kNoisyLead,       kInvalidSamples,
                                     kUnknownLead,    kDerivedLeads,    kLimbLeadsInconsistent,
                                     kNoStandardLead, kLeadsUnsupported};
    for (const MessageTemplate& t : modelFileMessages()) // a model or baseline refused
        out.push_back(t);
    return out;
}

} // namespace ecglens::ml::messages
