#pragma once

#include "core/message.h"

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ecglens {

enum class Sex { Unknown, Male, Female };

/// "M", "F" or "" — the spelling used in CLI output and sidecars.
const char* sexCode(Sex sex);

struct Date
{
    int year = 0;
    int month = 0; ///< 1-12
    int day = 0;   ///< 1-31
};

struct DateTime
{
    Date date;
    int hour = 0;
    int minute = 0;
    double second = 0.0;
    bool hasDate = false; ///< some formats (WFDB) may carry a time of day only
};

/// Sampling rates ECG Lens reads (every lead): a rate outside (1e308 Hz in a damaged header)
/// would make filtering and resampling run out of memory or time. ECGs are recorded at 100 Hz to
/// a few kHz; pacemaker-spike recordings at up to some tens of kHz.
inline constexpr double kMinFsHz = 1.0;
inline constexpr double kMaxFsHz = 100000.0;

/// Whether `years` can be a patient's age: a number from 0 to 150 (NaN is not).
inline bool plausibleAgeYears(double years)
{
    return years >= 0 && years <= 150;
}

struct Patient
{
    std::string id;
    /// As one line, "Family, Given" where the file structures it (io::open cleans it with
    /// displayText); empty when the file gives none (WFDB, PTB-XL and MIT-BIH are anonymous).
    std::string name;
    std::optional<double> ageYears; ///< at the time of recording; PTB-XL's 300 is stored as 90
    Sex sex = Sex::Unknown;
    std::optional<Date> birthDate;
};

/// One channel. Samples are physical values (unit in `unit`); invalid samples are NaN.
/// The stored digital value of sample i is round(samples[i] * gain + baseline) unless
/// `digital` is non-empty (readers fill it when a float cannot round-trip the stored integer,
/// e.g. 24/32-bit formats), in which case digital[i] is authoritative.
struct Lead
{
    std::string name;           ///< normalised (I, II, III, aVR, aVL, aVF, V1-V6) or as in the file
    std::string originalName;   ///< exactly as the file spells it
    std::string unit = "mV";    ///< physical unit, e.g. "mV", "uV"
    double fsHz = 0.0;          ///< this lead's sampling rate (differs from the record's with
                                ///< WFDB samples-per-frame > 1)
    double gain = 1.0;          ///< digital units per physical unit
    double baseline = 0.0;      ///< digital value that corresponds to 0 physical units
    int adcResolutionBits = 0;  ///< 0 when unknown
    std::vector<float> samples; ///< physical units, NaN = invalid
    std::vector<int32_t> digital;       ///< optional exact stored values (see above)
    int32_t invalidDigital = INT32_MIN; ///< the stored value that marks an invalid sample
    /// Computed from other leads for display (computedLimbLeads), not read from the file: no
    /// reader sets it; the detector's input skips such leads (it computes its own), and the
    /// measurements are run on the recording as read.
    bool computed = false;

    std::size_t size() const { return samples.size(); }
    double durationS() const { return fsHz > 0 ? double(samples.size()) / fsHz : 0.0; }
    /// Stored integer of sample i (invalidDigital for NaN samples).
    int32_t digitalAt(std::size_t i) const;
};

/// Frames at the record rate `fsHz` of the longest lead, had lead i `counts[i]` samples: what
/// Recording::sampleCount() gives once the samples are there (a header-only read knows the
/// counts before it has them).
std::size_t frameCountOf(const std::vector<Lead>& leads, double fsHz,
                         const std::vector<std::size_t>& counts);

/// Factor from a lead's physical unit to mV: 1e-3 for uV (also "\xC2\xB5V", "microvolt"),
/// 1e3 for V, and 1 for mV or an unknown unit (ECG formats store mV unless they say otherwise).
double millivoltsPerUnit(const std::string& unit);

/// Whether `unit` is a voltage millivoltsPerUnit knows (mV, uV, V); not mmHg, counts or "".
bool isVoltageUnit(const std::string& unit);

/// A time-stamped event: beat label, rhythm change, EDF+ TAL, delineation mark, note.
struct Annotation
{
    double timeS = 0.0;     ///< seconds from the start of the recording
    int64_t sample = -1;    ///< sample index at the recording's fsHz, -1 if not on a sample
    double durationS = 0.0; ///< 0 for point events
    std::string code;       ///< MIT mnemonic ("N", "V", "(AFIB" is in text), EDF+ text, ...
    int lead = -1;          ///< lead index, -1 = whole recording
    std::string text;       ///< aux string / free text
    int subtype = 0;
    int num = 0;
    std::string source; ///< e.g. "atr", "i" (LUDB per-lead file), "EDF+"
};

/// A diagnostic statement (PTB-XL scp_codes, SCP-ECG section 8, header diagnoses).
struct Statement
{
    std::string code;       ///< e.g. "NORM", "IMI"; empty when only text is known
    double likelihood = -1; ///< percent, -1 when not given
    std::string text;
};

/// The value type every stage shares. Immutable once a reader returns it.
struct Recording
{
    std::vector<Lead> leads;
    double fsHz = 0.0;             ///< frame / base sampling rate of the record
    std::optional<DateTime> start; ///< recording start when known
    Patient patient;
    std::vector<Annotation> annotations;
    std::vector<Statement> statements;
    std::string format; ///< e.g. "WFDB format 212", "EDF+C", "SCP-ECG"
    std::string sourcePath;
    std::vector<std::string> notes; ///< free-text header notes, in file order
    std::vector<Message> warnings;  ///< problems found while reading that did not stop it
                                    ///< (io/messages.h)
    bool synthetic = false;         ///< true for the built-in demo and generated data

    /// Samples of the longest lead at the record rate (the usual "length").
    std::size_t sampleCount() const;
    double durationS() const;
    /// Index of a lead by normalised or original name (case-sensitive first, then not); -1.
    int leadIndex(const std::string& name) const;
};

} // namespace ecglens
