#include "dsp/signal_kind.h"

#include "core/lead_names.h"
#include "core/text.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <string_view>

namespace ecglens::dsp {

namespace {

// First words of labels that name another kind of signal, lower case. Sources: the EDF+
// standard texts (signal types of the 'label' field), the PhysioNet/WFDB signal classes and
// the channel names of polysomnography and intensive-care records on PhysioNet.
constexpr std::string_view kOtherSignalWords[] = {
    // EDF+ signal types other than ECG
    "eeg", "eog", "erg", "emg", "meg", "mcg", "ep", "temp", "resp", "sao2", "light", "sound",
    "event",
    // blood pressure, gases, oximetry, rate and other monitor channels
    "bp", "abp", "art", "pap", "cvp", "icp", "lap", "rap", "nbp", "nibp", "co2", "pco2", "etco2",
    "o2", "spo2", "pleth", "ppg", "pulse", "hr", "scg", "pcg", "stat", "status", "stim", "eda",
    "gsr", "acc",
    // polysomnography (AASM and SHHS channel names) and cardiotocography
    "flow", "airflow", "nasal", "therm", "thor", "thorax", "abdo", "abdomen", "snore", "position",
    "pos", "leg", "lat", "rat", "chin", "loc", "roc", "ox", "uc"};

// Units of quantities other than a voltage, lower case.
constexpr std::string_view kOtherUnits[] = {
    "mmhg",  "cmh2o", "kpa", "%",   "degc", "\302\260c", "degf", "bpm", "/min",  "1/min",
    "l/min", "l/s",   "ml",  "ohm", "lux",  "lx",        "db",   "g",   "m/s^2", "s"};

// Whole labels (lower case) of other signals whose first word alone says nothing: SHHS's
// second airflow channel.
constexpr std::string_view kOtherSignalLabels[] = {"new air"};

/// The label's first word: up to the first separator or symbol ("EEG Fpz-Cz" -> "eeg",
/// "SpO2%" -> "spo2", "Resp(chest)" -> "resp"), lower case; full stops are dropped first, so an
/// abbreviation written with them is one word ("H.R." -> "hr", as SHHS names its heart rate).
std::string firstWord(const std::string& label)
{
    std::string t = trimmed(label);
    t.erase(std::remove(t.begin(), t.end(), '.'), t.end());
    const auto end = std::find_if(t.begin(), t.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return !((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9'));
    });
    return lowercased(std::string(t.begin(), end));
}

/// A 10-20 / 10-10 EEG electrode ("Fp1", "F4", "Pz", "O2", "T3", "A1", "M2", "AF3", "PO7") or
/// an AASM eye electrode ("E1", "E2"). "C1".."C6" are left out: some European carts name the
/// chest leads so (C3 and C4 are EEG electrodes too, but a chest lead must not be dropped).
bool eegElectrode(const std::string& word)
{
    static constexpr std::string_view kPrefixes[] = {"fp", "af", "fc", "ft", "cp", "tp", "po",
                                                     "f",  "t",  "p",  "o",  "a",  "m",  "e"};
    if (word == "cz")
        return true;
    for (const std::string_view prefix : kPrefixes) {
        if (word.size() <= prefix.size() || word.compare(0, prefix.size(), prefix) != 0)
            continue;
        const std::string rest = word.substr(prefix.size());
        if (rest == "z" || (rest.size() <= 2 && std::all_of(rest.begin(), rest.end(), [](char c) {
                                return c >= '0' && c <= '9';
                            })))
            return true;
    }
    return false;
}

/// A bipolar EEG derivation from a central electrode, "C3-A2" or "C4-M1": C1..C6 or Cz against
/// a reference electrode (A1, A2, M1, M2 or another 10-20 electrode).
bool eegDerivation(const std::string& label)
{
    const std::string t = lowercased(trimmed(label));
    const auto dash = t.find('-');
    if (dash == std::string::npos)
        return false;
    const std::string first = trimmed(t.substr(0, dash)), second = trimmed(t.substr(dash + 1));
    const bool central = first == "cz" || (first.size() == 2 && first[0] == 'c' &&
                                           first[1] >= '1' && first[1] <= '6');
    return central && (eegElectrode(second) || second == "cz");
}

/// `word` without its trailing digits ("chin1" -> "chin").
std::string withoutNumber(std::string word)
{
    while (!word.empty() && word.back() >= '0' && word.back() <= '9')
        word.pop_back();
    return word;
}

template <std::size_t N> bool listed(const std::string_view (&list)[N], const std::string& word)
{
    return !word.empty() && std::find(std::begin(list), std::end(list), word) != std::end(list);
}

} // namespace

bool mayBeEcg(const Lead& lead)
{
    const std::string& label = lead.originalName.empty() ? lead.name : lead.originalName;
    if (analysisLeadIndex(lead.name) >= 0 || analysisLeadIndex(label) >= 0)
        return true;
    const std::string word = firstWord(label);
    return !listed(kOtherSignalWords, word) && !listed(kOtherSignalWords, withoutNumber(word)) &&
           !listed(kOtherSignalLabels, lowercased(trimmed(label))) && !eegElectrode(word) &&
           !eegDerivation(label) && !listed(kOtherUnits, lowercased(trimmed(lead.unit)));
}

std::vector<std::size_t> otherSignalLeads(const Recording& recording)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < recording.leads.size(); ++i)
        if (!mayBeEcg(recording.leads[i]))
            out.push_back(i);
    return out;
}

std::optional<Recording> ecgAtItsOwnRate(const Recording& recording)
{
    const std::size_t frames = recording.sampleCount();
    std::map<double, std::size_t> leadsAtRate; // ECG leads per rate
    for (const Lead& lead : recording.leads) {
        if (!mayBeEcg(lead) || lead.samples.empty())
            continue;
        if ((lead.fsHz == recording.fsHz || lead.fsHz == 0) && lead.samples.size() == frames)
            return std::nullopt;
        if (lead.fsHz > 0)
            ++leadsAtRate[lead.fsHz];
    }
    if (leadsAtRate.empty())
        return std::nullopt;
    const auto rate = std::max_element(leadsAtRate.begin(), leadsAtRate.end(), [](auto a, auto b) {
                          return a.second < b.second || (a.second == b.second && a.first < b.first);
                      })->first;
    std::size_t length = 0;
    for (const Lead& lead : recording.leads)
        if (lead.fsHz == rate && mayBeEcg(lead))
            length = std::max(length, lead.samples.size());
    Recording out;
    out.fsHz = rate;
    out.patient = recording.patient;
    for (const Lead& lead : recording.leads)
        if (lead.fsHz == rate && lead.samples.size() == length && mayBeEcg(lead))
            out.leads.push_back(lead);
    return out;
}

} // namespace ecglens::dsp
