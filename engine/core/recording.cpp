#include "recording.h"

#include "lead_names.h"

#include <algorithm>
#include <cctype>

namespace ecglens {

const char* sexCode(Sex sex)
{
    switch (sex) {
    case Sex::Male:
        return "M";
    case Sex::Female:
        return "F";
    case Sex::Unknown:
        break;
    }
    return "";
}

int32_t Lead::digitalAt(std::size_t i) const
{
    if (!digital.empty())
        return digital[i];
    const float v = samples[i];
    if (std::isnan(v))
        return invalidDigital;
    return static_cast<int32_t>(std::llround(double(v) * gain + baseline));
}

double millivoltsPerUnit(const std::string& unit)
{
    if (unit == "uV" || unit == "\xC2\xB5V" || unit == "microvolt" || unit == "UV")
        return 1e-3;
    if (unit == "V")
        return 1e3;
    return 1.0;
}

bool isVoltageUnit(const std::string& unit)
{
    return unit == "mV" || millivoltsPerUnit(unit) != 1.0;
}

std::size_t frameCountOf(const std::vector<Lead>& leads, double fsHz,
                         const std::vector<std::size_t>& counts)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < leads.size() && i < counts.size(); ++i) {
        // Leads sampled faster than the frame rate hold proportionally more samples.
        const double ratio = (fsHz > 0 && leads[i].fsHz > 0) ? leads[i].fsHz / fsHz : 1.0;
        n = std::max(n, static_cast<std::size_t>(std::llround(double(counts[i]) / ratio)));
    }
    return n;
}

std::size_t Recording::sampleCount() const
{
    std::vector<std::size_t> counts;
    counts.reserve(leads.size());
    for (const Lead& lead : leads)
        counts.push_back(lead.size());
    return frameCountOf(leads, fsHz, counts);
}

double Recording::durationS() const
{
    return fsHz > 0 ? double(sampleCount()) / fsHz : 0.0;
}

int Recording::leadIndex(const std::string& name) const
{
    for (std::size_t i = 0; i < leads.size(); ++i)
        if (leads[i].name == name || leads[i].originalName == name)
            return int(i);
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        return s;
    };
    const std::string wanted = lower(name);
    for (std::size_t i = 0; i < leads.size(); ++i)
        if (lower(leads[i].name) == wanted || lower(leads[i].originalName) == wanted)
            return int(i);
    return -1;
}

} // namespace ecglens
