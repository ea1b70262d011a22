#include "io/wfdb/wfdb_header.h"
#include "core/text.h"
#include "io/messages.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <system_error>

namespace ecglens::io::wfdb {

namespace {

std::vector<std::string> splitWhitespace(const std::string& line, std::size_t maxTokens,
                                         std::string* rest)
{
    std::vector<std::string> tokens;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        if (i >= line.size())
            break;
        if (tokens.size() == maxTokens) {
            if (rest)
                *rest = trimmed(line.substr(i));
            break;
        }
        std::size_t j = i;
        while (j < line.size() && line[j] != ' ' && line[j] != '\t')
            ++j;
        tokens.push_back(line.substr(i, j - i));
        i = j;
    }
    return tokens;
}

bool parseInt32(const std::string& token, int& value)
{
    std::int64_t v = 0;
    if (!parseInt(token, v) || v < std::numeric_limits<int>::min() ||
        v > std::numeric_limits<int>::max())
        return false;
    value = int(v);
    return true;
}

/// "hh:mm:ss[.sss]" (also "mm:ss" or "ss"); optional surrounding brackets.
bool parseTime(std::string token, DateTime& out)
{
    if (!token.empty() && token.front() == '[')
        token.erase(0, 1);
    if (!token.empty() && token.back() == ']')
        token.pop_back();
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t colon = token.find(':', start);
        parts.push_back(token.substr(start, colon == std::string::npos ? colon : colon - start));
        if (colon == std::string::npos)
            break;
        start = colon + 1;
    }
    if (parts.size() > 3 || parts.empty())
        return false;
    double seconds = 0;
    std::int64_t minutes = 0, hours = 0;
    if (!parseDouble(parts.back(), seconds) || seconds < 0 || seconds >= 61)
        return false;
    if (parts.size() >= 2 &&
        (!parseInt(parts[parts.size() - 2], minutes) || minutes < 0 || minutes > 59))
        return false;
    if (parts.size() == 3 && (!parseInt(parts[0], hours) || hours < 0 || hours > 23))
        return false;
    out.hour = int(hours);
    out.minute = int(minutes);
    out.second = seconds;
    return true;
}

/// "dd/mm/yyyy".
bool parseDate(std::string token, Date& out)
{
    if (!token.empty() && token.back() == ']')
        token.pop_back();
    const std::size_t a = token.find('/');
    const std::size_t b = a == std::string::npos ? a : token.find('/', a + 1);
    if (b == std::string::npos)
        return false;
    std::int64_t d = 0, m = 0, y = 0;
    if (!parseInt(token.substr(0, a), d) || !parseInt(token.substr(a + 1, b - a - 1), m) ||
        !parseInt(token.substr(b + 1), y))
        return false;
    if (d < 1 || d > 31 || m < 1 || m > 12 || y < 0 || y > 9999)
        return false;
    out = Date{int(y), int(m), int(d)};
    return true;
}

Result<bool> parseRecordLine(const std::string& line, Header& h, const std::string& label)
{
    auto fail = [&](const MessageTemplate& what, const std::string& value = {}) {
        std::vector<std::string> args{label, messages::quoted(line)};
        if (!value.empty())
            args.push_back(value);
        return Result<bool>::failure(makeMessage(what, std::move(args)));
    };
    const std::vector<std::string> t = splitWhitespace(line, 6, nullptr);
    if (t.size() < 2)
        return fail(messages::kWfdbRecordLineShort);
    const std::size_t slash = t[0].find('/');
    h.recordName = t[0].substr(0, slash);
    if (slash != std::string::npos) {
        std::int64_t nseg = 0;
        if (!parseInt(t[0].substr(slash + 1), nseg) || nseg < 1 || nseg > 1000000)
            return fail(messages::kWfdbRecordLineSegments);
        h.segmentCount = int(nseg);
    }
    std::int64_t nsig = 0;
    if (!parseInt(t[1], nsig) || nsig < 0 || nsig > 100000)
        return fail(messages::kWfdbRecordLineSignals, messages::quoted(t[1]));
    h.signalCount = int(nsig);
    if (t.size() > 2) {
        // fs[/counter[(base)]]
        std::string fsText = t[2];
        std::string counterText;
        const std::size_t s = fsText.find('/');
        if (s != std::string::npos) {
            counterText = fsText.substr(s + 1);
            fsText = fsText.substr(0, s);
        }
        if (!parseDouble(fsText, h.fsHz))
            return fail(messages::kWfdbRecordLineFrequency, messages::quoted(t[2]));
        if (!(h.fsHz > 0) || !std::isfinite(h.fsHz))
            return fail(messages::kWfdbRecordLineFrequencyNotPositive, fsText);
        if (!counterText.empty()) {
            const std::size_t p = counterText.find('(');
            if (p != std::string::npos) {
                const std::size_t q = counterText.find(')', p);
                parseDouble(counterText.substr(p + 1, q == std::string::npos ? q : q - p - 1),
                            h.baseCounter);
                counterText = counterText.substr(0, p);
            }
            parseDouble(counterText, h.counterHz);
        }
    }
    if (t.size() > 3) {
        if (!parseInt(t[3], h.frames) || h.frames < 0)
            return fail(messages::kWfdbRecordLineSamples, messages::quoted(t[3]));
        h.framesGiven = h.frames > 0;
    }
    if (t.size() > 4) {
        DateTime dt;
        if (parseTime(t[4], dt)) {
            if (t.size() > 5 && parseDate(t[5], dt.date))
                dt.hasDate = true;
            h.start = dt;
        }
    }
    return true;
}

/// "fmt[xspf][:skew][+offset]"
bool parseFormatField(const std::string& f, SignalSpec& s)
{
    std::size_t i = 0;
    auto number = [&](std::int64_t& v) {
        const std::size_t b = i;
        while (i < f.size() && std::isdigit(static_cast<unsigned char>(f[i])))
            ++i;
        return i > b && parseInt(f.substr(b, i - b), v);
    };
    std::int64_t v = 0;
    if (!number(v) || v > 100000)
        return false;
    s.format = int(v);
    while (i < f.size()) {
        const char c = f[i++];
        if (!number(v))
            return false;
        if (c == 'x' && v >= 1 && v <= 1000000)
            s.samplesPerFrame = int(v);
        else if (c == ':' && v <= 1000000)
            s.skew = int(v);
        else if (c == '+')
            s.byteOffset = v;
        else
            return false;
    }
    return true;
}

/// "gain[(baseline)][/units]"
bool parseGainField(const std::string& f, SignalSpec& s, bool& baselineGiven)
{
    std::string gainText = f;
    const std::size_t slash = f.find('/');
    if (slash != std::string::npos) {
        s.units = toUtf8(f.substr(slash + 1));
        gainText = f.substr(0, slash);
    }
    const std::size_t p = gainText.find('(');
    if (p != std::string::npos) {
        const std::size_t q = gainText.find(')', p);
        if (q == std::string::npos || !parseInt32(gainText.substr(p + 1, q - p - 1), s.baseline))
            return false;
        baselineGiven = true;
        gainText = gainText.substr(0, p);
    }
    return parseDouble(gainText, s.gain) && std::isfinite(s.gain);
}

Result<SignalSpec> parseSignalLine(const std::string& line, const std::string& label)
{
    auto fail = [&](const MessageTemplate& what, const std::string& value = {}) {
        std::vector<std::string> args{label, messages::quoted(line)};
        if (!value.empty())
            args.push_back(messages::quoted(value));
        return Result<SignalSpec>::failure(makeMessage(what, std::move(args)));
    };
    SignalSpec s;
    std::string rest;
    const std::vector<std::string> t = splitWhitespace(line, 9, &rest);
    if (t.size() < 2)
        return fail(messages::kWfdbSignalLineShort);
    s.fileName = t[0];
    if (!parseFormatField(t[1], s))
        return fail(messages::kWfdbSignalLineFormat, t[1]);
    bool baselineGiven = false;
    if (t.size() > 2 && !parseGainField(t[2], s, baselineGiven))
        return fail(messages::kWfdbSignalLineGain, t[2]);
    if (t.size() > 3 && !parseInt32(t[3], s.adcResolution))
        return fail(messages::kWfdbSignalLineResolution, t[3]);
    if (t.size() > 4 && !parseInt32(t[4], s.adcZero))
        return fail(messages::kWfdbSignalLineZero, t[4]);
    if (t.size() > 5) {
        if (!parseInt32(t[5], s.initialValue))
            return fail(messages::kWfdbSignalLineInitial, t[5]);
        s.hasInitialValue = true;
    } else {
        s.initialValue = s.adcZero;
    }
    if (t.size() > 6) {
        if (!parseInt32(t[6], s.checksum))
            return fail(messages::kWfdbSignalLineChecksum, t[6]);
        s.hasChecksum = true;
    }
    if (t.size() > 7 && !parseInt32(t[7], s.blockSize))
        return fail(messages::kWfdbSignalLineBlockSize, t[7]);
    if (t.size() > 8)
        s.description = toUtf8(trimmed(t[8] + (rest.empty() ? "" : " " + rest)));
    if (!baselineGiven)
        s.baseline = s.adcZero;
    return s;
}

} // namespace

bool parseInt(const std::string& token, std::int64_t& value)
{
    const char* b = token.data();
    const char* e = b + token.size();
    if (b != e && *b == '+')
        ++b;
    auto [p, ec] = std::from_chars(b, e, value);
    return ec == std::errc() && p == e && b != e;
}

bool parseDouble(const std::string& token, double& value)
{
    const char* b = token.data();
    const char* e = b + token.size();
    if (b != e && *b == '+')
        ++b;
    auto [p, ec] = std::from_chars(b, e, value);
    return ec == std::errc() && p == e && b != e;
}

std::string toUtf8(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        std::size_t len = c < 0x80         ? 1
                          : (c >> 5) == 6  ? 2
                          : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4
                                           : 0;
        bool valid = len > 0 && i + len <= text.size();
        for (std::size_t k = 1; valid && k < len; ++k)
            valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (valid) {
            out.append(text, i, len);
            i += len;
        } else {
            out += char(0xC0 | (c >> 6));
            out += char(0x80 | (c & 0x3F));
            ++i;
        }
    }
    return out;
}

Result<Header> parseHeader(const std::string& text, const std::string& label)
{
    Header h;
    bool haveRecordLine = false;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        if (line.find('\0') != std::string::npos)
            return Result<Header>::failure(makeMessage(messages::kWfdbHeaderBinary, {label}));
        const std::string content = trimmed(line);
        if (content.empty()) {
            if (haveRecordLine && !h.comments.empty() && !h.comments.back().empty())
                h.comments.emplace_back();
            if (end == text.size())
                break;
            continue;
        }
        if (content[0] == '#') {
            h.comments.push_back(toUtf8(trimmed(content.substr(1))));
            continue;
        }
        if (!haveRecordLine) {
            auto ok = parseRecordLine(content, h, label);
            if (!ok)
                return Result<Header>::failureOf(ok);
            haveRecordLine = true;
        } else if (h.segmentCount > 0 && int(h.segments.size()) < h.segmentCount) {
            const std::vector<std::string> t = splitWhitespace(content, 2, nullptr);
            SegmentSpec seg;
            seg.name = t[0];
            if (t.size() < 2 || !parseInt(t[1], seg.frames) || seg.frames < 0)
                return Result<Header>::failure(
                    makeMessage(messages::kWfdbSegmentLine, {label, messages::quoted(content)}));
            h.segments.push_back(seg);
        } else if (h.segmentCount == 0 && int(h.signals.size()) < h.signalCount) {
            auto s = parseSignalLine(content, label);
            if (!s)
                return Result<Header>::failureOf(s);
            h.signals.push_back(std::move(*s));
        }
        // Anything after the declared lines that is not a comment is ignored, as WFDB does.
        if (end == text.size())
            break;
    }
    while (!h.comments.empty() && h.comments.back().empty())
        h.comments.pop_back();
    if (!haveRecordLine)
        return Result<Header>::failure(makeMessage(messages::kWfdbHeaderEmpty, {label}));
    if (h.segmentCount > 0 && int(h.segments.size()) != h.segmentCount)
        return Result<Header>::failure(
            makeMessage(messages::kWfdbSegmentCount, {label, std::to_string(h.segmentCount),
                                                      std::to_string(h.segments.size())}));
    if (h.segmentCount == 0 && int(h.signals.size()) != h.signalCount)
        return Result<Header>::failure(
            makeMessage(messages::kWfdbSignalCount,
                        {label, std::to_string(h.signalCount), std::to_string(h.signals.size())}));
    return h;
}

Result<Header> readHeaderFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Result<Header>::failure(makeMessage(messages::kWfdbHeaderUnopenable, {path}));
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0);
    if (size > (16 << 20))
        return Result<Header>::failure(makeMessage(messages::kWfdbHeaderTooLarge, {path}));
    if (size <= 0)
        return Result<Header>::failure(makeMessage(messages::kWfdbHeaderEmpty, {path}));
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), size);
    text.resize(static_cast<std::size_t>(in.gcount()));
    return parseHeader(text, path);
}

} // namespace ecglens::io::wfdb
