#include "view/signal_view.h"

#include "core/limb_leads.h"

namespace ecglens::view {

std::shared_ptr<const SignalView> SignalView::build(std::shared_ptr<const Recording> recording,
                                                    const ProgressFn& progress)
{
    std::shared_ptr<SignalView> view(new SignalView());
    if (recording) {
        // The limb leads it lacks, computed as a cart computes them, drawn with the others; a
        // copy, so that the engine's recording keeps only what was read.
        if (std::vector<Lead> computed = computedLimbLeads(*recording); !computed.empty()) {
            auto withComputed = std::make_shared<Recording>(*recording);
            for (Lead& lead : computed)
                withComputed->leads.push_back(std::move(lead));
            recording = std::move(withComputed);
        }
    }
    view->m_recording = std::move(recording);
    if (!view->m_recording)
        return view;
    const auto& leads = view->m_recording->leads;
    view->m_pyramids.reserve(leads.size());
    view->m_scaleBasis.reserve(leads.size());
    for (std::size_t i = 0; i < leads.size(); ++i) {
        if (progress && !progress(double(i) / double(leads.size())))
            return nullptr;
        view->m_pyramids.emplace_back(leads[i].samples.data(), leads[i].samples.size());
        view->m_scaleBasis.push_back(scaleBasis(leads[i]));
    }
    return view;
}

LeadScale SignalView::scale(std::size_t lead, double gainMmPerMv, double fitMm) const
{
    return leadScale(m_recording->leads.at(lead), m_scaleBasis.at(lead), gainMmPerMv, fitMm);
}

} // namespace ecglens::view
