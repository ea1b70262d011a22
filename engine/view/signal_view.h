#pragma once

#include "core/recording.h"
#include "core/result.h"
#include "view/lead_scale.h"
#include "view/min_max_pyramid.h"

#include <memory>
#include <vector>

namespace ecglens::view {

/// A recording prepared for drawing: the (raw or display-filtered) recording plus one min/max
/// pyramid per lead. Immutable and shared between the worker that builds it and the widgets
/// that draw it; the pyramids point into `recording`, which this object keeps alive.
class SignalView
{
public:
    /// Builds pyramids for every lead, and for the limb leads the recording lacks, computed
    /// (computedLimbLeads) and appended to a copy of it after the recorded ones, whose indices
    /// stay those of `recording`; returns nullptr when `progress` cancels.
    static std::shared_ptr<const SignalView> build(std::shared_ptr<const Recording> recording,
                                                   const ProgressFn& progress = {});

    const Recording& recording() const { return *m_recording; }
    const std::shared_ptr<const Recording>& recordingPtr() const { return m_recording; }
    const MinMaxPyramid& pyramid(std::size_t lead) const { return m_pyramids.at(lead); }
    std::size_t leadCount() const { return m_pyramids.size(); }
    /// How lead `lead` is drawn (view::leadScale; its basis, whether it is an ECG and the
    /// typical range of a signal that is not, is found once, by build).
    LeadScale scale(std::size_t lead, double gainMmPerMv, double fitMm) const;

private:
    SignalView() = default;
    std::shared_ptr<const Recording> m_recording;
    std::vector<MinMaxPyramid> m_pyramids;
    std::vector<LeadScaleBasis> m_scaleBasis; ///< per lead
};

} // namespace ecglens::view
