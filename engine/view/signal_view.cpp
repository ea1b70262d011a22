#include "view/signal_view.h"

#include "dsp/signal_kind.h"

namespace ecglens::view {

std::shared_ptr<const SignalView> SignalView::build(std::shared_ptr<const Recording> recording,
                                                    const ProgressFn& progress)
{
    std::shared_ptr<SignalView> view(new SignalView());
    view->m_recording = std::move(recording);
    if (!view->m_recording)
        return view;
    const auto& leads = view->m_recording->leads;
    view->m_pyramids.reserve(leads.size());
    view->m_typical.reserve(leads.size());
    for (std::size_t i = 0; i < leads.size(); ++i) {
        if (progress && !progress(double(i) / double(leads.size())))
            return nullptr;
        view->m_pyramids.emplace_back(leads[i].samples.data(), leads[i].samples.size());
        view->m_typical.push_back(dsp::mayBeEcg(leads[i]) ? ValueRange{} : typicalRange(leads[i]));
    }
    return view;
}

LeadScale SignalView::scale(std::size_t lead, double gainMmPerMv, double fitMm) const
{
    return leadScale(m_recording->leads.at(lead), gainMmPerMv, fitMm, m_typical.at(lead));
}

} // namespace ecglens::view
