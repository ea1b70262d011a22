#include "edf_header.h"
#include "io/messages.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace ecglens::io::edf {

namespace {

bool isNumberText(const std::string& t)
{
    // Plain decimal numbers only: strtod would also take "nan", "inf" and hex.
    if (t.empty())
        return false;
    bool digit = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (std::isdigit(static_cast<unsigned char>(c)))
            digit = true;
        else if (!(c == '.' || c == 'e' || c == 'E' || ((c == '+' || c == '-'))))
            return false;
    }
    return digit;
}

bool parseDouble(const std::string& field, double& out)
{
    const std::string t = trimField(field);
    if (!isNumberText(t))
        return false;
    errno = 0;
    char* end = nullptr;
    out = std::strtod(t.c_str(), &end);
    return errno == 0 && end == t.c_str() + t.size() && std::isfinite(out);
}

bool parseInt(const std::string& field, std::int64_t& out)
{
    const std::string t = trimField(field);
    if (t.empty() || t.size() > 18)
        return false;
    std::size_t i = (t[0] == '-' || t[0] == '+') ? 1 : 0;
    if (i == t.size())
        return false;
    for (std::size_t k = i; k < t.size(); ++k)
        if (!std::isdigit(static_cast<unsigned char>(t[k])))
            return false;
    out = std::strtoll(t.c_str(), nullptr, 10);
    return true;
}

/// A header field as an error quotes it: trimmed, unprintable bytes as '?'.
std::string quotedField(const std::string& raw)
{
    std::string t = trimField(raw);
    for (char& c : t)
        if (static_cast<unsigned char>(c) < 32 || static_cast<unsigned char>(c) > 126)
            c = '?';
    return messages::quoted(t);
}

int monthIndex(const std::string& mmm)
{
    static const char* months[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                   "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    std::string up = mmm;
    std::transform(up.begin(), up.end(), up.begin(),
                   [](unsigned char c) { return char(std::toupper(c)); });
    for (int i = 0; i < 12; ++i)
        if (up == months[i])
            return i + 1;
    return 0;
}

/// "dd-MMM-yyyy" (EDF+ dates).
std::optional<Date> parseEdfPlusDate(const std::string& s)
{
    if (s.size() != 11 || s[2] != '-' || s[6] != '-')
        return std::nullopt;
    std::int64_t d = 0, y = 0;
    if (!parseInt(s.substr(0, 2), d) || !parseInt(s.substr(7, 4), y))
        return std::nullopt;
    const int m = monthIndex(s.substr(3, 3));
    if (m == 0 || d < 1 || d > 31 || y < 1800 || y > 3000)
        return std::nullopt;
    return Date{int(y), m, int(d)};
}

std::vector<std::string> splitSpaces(const std::string& s)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ')
            ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ')
            ++j;
        if (j > i)
            out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

} // namespace

std::string trimField(const std::string& s)
{
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\0'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\0'))
        --e;
    return s.substr(b, e - b);
}

std::int64_t EdfHeader::recordBytes() const
{
    std::int64_t n = 0;
    for (const EdfSignal& s : signals)
        n += s.samplesPerRecord * bytesPerSample();
    return n;
}

Message parseFixedHeader(const std::string& path, const std::string& bytes, EdfHeader& h,
                         int& signalCount)
{
    if (bytes.size() < 256)
        return makeMessage(messages::kEdfHeaderShort, {path});
    h.bdf = static_cast<unsigned char>(bytes[0]) == 0xFF && bytes.compare(1, 7, "BIOSEMI") == 0;
    if (!h.bdf && bytes.compare(0, 8, "0       ") != 0)
        return makeMessage(messages::kEdfVersionField, {path, quotedField(bytes.substr(0, 8))});
    h.version = h.bdf ? "BIOSEMI" : "0";
    h.patient = trimField(bytes.substr(8, 80));
    h.recording = trimField(bytes.substr(88, 80));
    h.startDate = bytes.substr(168, 8);
    h.startTime = bytes.substr(176, 8);
    if (!parseInt(bytes.substr(184, 8), h.headerBytes))
        h.headerBytes = -1; // checked against the signal count by the caller
    h.reserved = trimField(bytes.substr(192, 44));
    h.edfPlus = h.reserved.rfind("EDF+", 0) == 0 || h.reserved.rfind("BDF+", 0) == 0;
    h.discontinuous = h.edfPlus && h.reserved.size() >= 5 && h.reserved[4] == 'D';
    if (!parseInt(bytes.substr(236, 8), h.recordCount) || h.recordCount < -1)
        return makeMessage(messages::kEdfRecordCountField,
                           {path, quotedField(bytes.substr(236, 8))});
    if (!parseDouble(bytes.substr(244, 8), h.recordDurationS) || h.recordDurationS < 0)
        return makeMessage(messages::kEdfDurationField, {path, quotedField(bytes.substr(244, 8))});
    std::int64_t ns = 0;
    if (!parseInt(bytes.substr(252, 4), ns) || ns < 1 || ns > 4096)
        return makeMessage(messages::kEdfSignalCountField,
                           {path, quotedField(bytes.substr(252, 4))});
    signalCount = int(ns);
    return {};
}

Message parseSignalHeaders(const std::string& path, const std::string& bytes, int ns, EdfHeader& h)
{
    const std::size_t need = 256u * std::size_t(ns + 1);
    if (bytes.size() < need)
        return makeMessage(
            messages::kEdfHeaderTruncated,
            {path, std::to_string(ns), std::to_string(need), std::to_string(bytes.size())});
    h.signals.assign(std::size_t(ns), {});
    std::size_t off = 256;
    auto field = [&](int width, int i) {
        return bytes.substr(off + std::size_t(width) * std::size_t(i), std::size_t(width));
    };
    auto advance = [&](int width) { off += std::size_t(width) * std::size_t(ns); };
    for (int i = 0; i < ns; ++i)
        h.signals[i].label = trimField(field(16, i));
    advance(16);
    for (int i = 0; i < ns; ++i)
        h.signals[i].transducer = trimField(field(80, i));
    advance(80);
    for (int i = 0; i < ns; ++i)
        h.signals[i].physicalDimension = trimField(field(8, i));
    advance(8);
    struct NumField
    {
        double EdfSignal::*member;
        const MessageTemplate& notANumber;
    };
    const NumField nums[] = {{&EdfSignal::physicalMin, messages::kEdfPhysicalMinField},
                             {&EdfSignal::physicalMax, messages::kEdfPhysicalMaxField},
                             {&EdfSignal::digitalMin, messages::kEdfDigitalMinField},
                             {&EdfSignal::digitalMax, messages::kEdfDigitalMaxField}};
    for (const NumField& nf : nums) {
        for (int i = 0; i < ns; ++i) {
            EdfSignal& s = h.signals[i];
            if (!parseDouble(field(8, i), s.*(nf.member)))
                return makeMessage(nf.notANumber, {path, std::to_string(i + 1),
                                                   quotedField(s.label), quotedField(field(8, i))});
        }
        advance(8);
    }
    for (int i = 0; i < ns; ++i)
        h.signals[i].prefilter = trimField(field(80, i));
    advance(80);
    for (int i = 0; i < ns; ++i) {
        EdfSignal& s = h.signals[i];
        if (!parseInt(field(8, i), s.samplesPerRecord) || s.samplesPerRecord < 1 ||
            s.samplesPerRecord > 100'000'000)
            return makeMessage(
                messages::kEdfSamplesPerRecordField,
                {path, std::to_string(i + 1), quotedField(s.label), quotedField(field(8, i))});
        s.annotation = s.label == "EDF Annotations" || s.label == "BDF Annotations";
    }
    return {};
}

std::optional<DateTime> parseStart(const EdfHeader& h, std::vector<Message>& warnings)
{
    std::int64_t dd = 0, mm = 0, yy = 0, hh = 0, mi = 0, ss = 0;
    const std::string& d = h.startDate;
    const std::string& t = h.startTime;
    const bool dateOk = d.size() == 8 && parseInt(d.substr(0, 2), dd) &&
                        parseInt(d.substr(3, 2), mm) && parseInt(d.substr(6, 2), yy) && dd >= 1 &&
                        dd <= 31 && mm >= 1 && mm <= 12 && yy >= 0;
    const bool timeOk = t.size() == 8 && parseInt(t.substr(0, 2), hh) &&
                        parseInt(t.substr(3, 2), mi) && parseInt(t.substr(6, 2), ss) && hh >= 0 &&
                        hh <= 23 && mi >= 0 && mi <= 59 && ss >= 0 && ss <= 60;
    if (!dateOk || !timeOk) {
        warnings.push_back(
            makeMessage(messages::kEdfStartUnreadable, {quotedField(d), quotedField(t)}));
        return std::nullopt;
    }
    DateTime dt;
    dt.hasDate = true;
    // EDF's two-digit year: 85-99 are 1985-1999, 00-84 are 2000-2084.
    dt.date = Date{int(yy >= 85 ? 1900 + yy : 2000 + yy), int(mm), int(dd)};
    dt.hour = int(hh);
    dt.minute = int(mi);
    dt.second = double(ss);
    if (h.edfPlus) {
        const std::vector<std::string> parts = splitSpaces(h.recording);
        if (parts.size() >= 2 && parts[0] == "Startdate") {
            if (const std::optional<Date> full = parseEdfPlusDate(parts[1])) {
                if (full->day == dt.date.day && full->month == dt.date.month &&
                    full->year % 100 == dt.date.year % 100)
                    dt.date.year = full->year;
                else
                    warnings.push_back(makeMessage(messages::kEdfStartdateMismatch, {parts[1], d}));
            }
        }
    }
    return dt;
}

void parsePatient(const EdfHeader& h, const std::optional<DateTime>& start, Patient& patient)
{
    if (!h.edfPlus) {
        patient.id = h.patient;
        return;
    }
    const std::vector<std::string> parts = splitSpaces(h.patient);
    if (parts.empty())
        return;
    if (parts[0] != "X")
        patient.id = parts[0];
    if (parts.size() >= 2) {
        if (parts[1] == "M")
            patient.sex = Sex::Male;
        else if (parts[1] == "F")
            patient.sex = Sex::Female;
    }
    if (parts.size() >= 3)
        patient.birthDate = parseEdfPlusDate(parts[2]);
    // EDF+ 2.1.3.3: the name with its spaces written as "_" ("Haagse_Harry"), "X" if unknown.
    if (parts.size() >= 4 && parts[3] != "X") {
        patient.name = parts[3];
        std::replace(patient.name.begin(), patient.name.end(), '_', ' ');
    }
    if (patient.birthDate && start && start->hasDate) {
        const Date& b = *patient.birthDate;
        const Date& s = start->date;
        int years = s.year - b.year;
        if (s.month < b.month || (s.month == b.month && s.day < b.day))
            --years;
        if (years >= 0 && years < 150)
            patient.ageYears = double(years);
    }
}

} // namespace ecglens::io::edf
