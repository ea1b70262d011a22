#include "cli_util.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace ecglens::cli {

namespace {

/// Writes in large blocks: a 30-minute record is ~1.3 million lines.
class OutputBuffer
{
public:
    ~OutputBuffer() { flush(); }
    void append(const std::string& s)
    {
        m_buffer += s;
        maybeFlush();
    }
    void append(const char* s)
    {
        m_buffer += s;
        maybeFlush();
    }
    void append(char c) { m_buffer += c; }
    void flush()
    {
        std::fwrite(m_buffer.data(), 1, m_buffer.size(), stdout);
        m_buffer.clear();
    }

private:
    void maybeFlush()
    {
        if (m_buffer.size() > (1u << 20))
            flush();
    }
    std::string m_buffer;
};

int decimalsForRate(double fsHz)
{
    // Enough decimals that consecutive samples print different times.
    return std::clamp(int(std::ceil(std::log10(std::max(fsHz, 1.0)))) + 1, 3, 9);
}

} // namespace

int runDump(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print samples as text, one line per sample: time (s), then one column per lead.\n"
        "Times T are seconds (2.5) or sample numbers with an s prefix (s12500); --from is\n"
        "inclusive, --to exclusive. Invalid samples print as '-'."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Recording or demo:"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("Start time."),
                                  QStringLiteral("T"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("End time (exclusive)."),
                                QStringLiteral("T"));
    const QCommandLineOption leadsOpt(
        QStringLiteral("leads"),
        QStringLiteral("Comma-separated 0-based lead indices or names, in output order."),
        QStringLiteral("L"));
    const QCommandLineOption digital(QStringLiteral("digital"),
                                     QStringLiteral("Print stored integers, not physical values."));
    const QCommandLineOption highRes(
        QStringLiteral("high-res"),
        QStringLiteral("With leads sampled at different rates, print at the highest rate (slower "
                       "leads repeat). Default: the record's frame rate, faster leads averaged "
                       "over each frame, as WFDB rdsamp does."));
    parser.addOptions({from, to, leadsOpt, digital, highRes});
    int exitCode = kExitOk;
    if (!parseArgs(parser, args, 1, exitCode))
        return exitCode;

    const auto recording = openRecording(parser.positionalArguments().at(0));
    if (!recording)
        return kExitBadInput;
    const Recording& r = *recording;
    if (r.leads.empty())
        return fail(QStringLiteral("the recording has no leads"));

    std::vector<int> selected;
    if (parser.isSet(leadsOpt)) {
        QString error;
        auto parsed = parseLeads(parser.value(leadsOpt), r, error);
        if (!parsed)
            return fail(error);
        selected = *parsed;
    } else {
        for (int i = 0; i < int(r.leads.size()); ++i)
            selected.push_back(i);
    }

    // rdsamp -H runs at the record's highest rate (WFDB's ispfmax over all signals), whichever
    // signals are printed.
    double outRate = r.fsHz;
    if (parser.isSet(highRes))
        for (const Lead& lead : r.leads)
            outRate = std::max(outRate, lead.fsHz);
    if (outRate <= 0)
        return fail(QStringLiteral("the recording has no sampling rate"));

    long long total = 0;
    for (int i : selected) {
        const Lead& lead = r.leads[std::size_t(i)];
        const double ratio = lead.fsHz > 0 ? lead.fsHz / outRate : 1.0;
        total = std::max(total, (long long)std::floor(double(lead.size()) / ratio + 1e-9));
    }
    long long begin = 0, end = total;
    if (parser.isSet(from)) {
        auto v = parseTimeToSample(parser.value(from), outRate);
        if (!v)
            return fail(QStringLiteral("--from: \"%1\" is not a time (seconds, or s<sample>)")
                            .arg(parser.value(from)));
        begin = *v;
    }
    if (parser.isSet(to)) {
        auto v = parseTimeToSample(parser.value(to), outRate);
        if (!v)
            return fail(QStringLiteral("--to: \"%1\" is not a time (seconds, or s<sample>)")
                            .arg(parser.value(to)));
        end = std::min(*v, total);
    }
    if (begin > total)
        return fail(
            QStringLiteral("--from is after the end of the recording (%1 samples)").arg(total));
    if (end < begin)
        return fail(QStringLiteral("--to is before --from"));

    const bool printDigital = parser.isSet(digital);
    OutputBuffer out;
    out.append("#time_s");
    for (int i : selected) {
        const Lead& lead = r.leads[std::size_t(i)];
        out.append('\t');
        out.append(lead.name);
        if (!printDigital && !lead.unit.empty())
            out.append("_" + lead.unit);
    }
    out.append('\n');

    const int decimals = decimalsForRate(outRate);
    char timeBuf[48];
    for (long long j = begin; j < end; ++j) {
        std::snprintf(timeBuf, sizeof timeBuf, "%.*f", decimals, double(j) / outRate);
        out.append(timeBuf);
        for (int i : selected) {
            const Lead& lead = r.leads[std::size_t(i)];
            const double ratio = lead.fsHz > 0 ? lead.fsHz / outRate : 1.0;
            out.append('\t');
            if (ratio >= 1.0 - 1e-9) {
                // Same rate or faster lead: average the samples that fall in this output sample.
                const long long k = std::max(1LL, std::llround(ratio));
                const long long first = j * k;
                if (first + k > (long long)lead.size()) {
                    out.append('-');
                    continue;
                }
                // WFDB getvec() in low-resolution mode: the integer mean of the frame's
                // samples, truncated toward zero (C long division); invalid if any is invalid.
                // Physical values are computed from that mean, as rdsamp -p does.
                bool invalid = false;
                long long sum = 0;
                for (long long s = first; s < first + k; ++s) {
                    if (std::isnan(lead.samples[std::size_t(s)])) {
                        invalid = true;
                        break;
                    }
                    if (printDigital || k > 1)
                        sum += lead.digitalAt(std::size_t(s));
                }
                if (invalid)
                    out.append('-');
                else if (printDigital)
                    out.append(std::to_string(k == 1 ? sum : sum / k));
                else if (k == 1)
                    out.append(floatText(lead.samples[std::size_t(first)]));
                else
                    out.append(floatText(float((double(sum / k) - lead.baseline) / lead.gain)));
            } else {
                const std::size_t s = std::size_t(double(j) * ratio + 1e-9);
                if (s >= lead.size() || std::isnan(lead.samples[s]))
                    out.append('-');
                else if (printDigital)
                    out.append(std::to_string(lead.digitalAt(s)));
                else
                    out.append(floatText(lead.samples[s]));
            }
        }
        out.append('\n');
    }
    return kExitOk;
}

} // namespace ecglens::cli
