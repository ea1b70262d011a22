#include "cli_util.h"

#include "dsp/beats.h"
#include "dsp/filters.h"

#include <QJsonArray>

#include <cstdio>

namespace ecglens::cli {

int runBeats(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Detect every QRS complex (fused over all leads unless --lead is given) and classify "
        "the beats: N normal, S premature narrow, V wide / differently shaped, Q unclassifiable. "
        "One line per beat: sample, time (s), class, RR before (ms)."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Recording"));
    const QCommandLineOption lead(QStringLiteral("lead"),
                                  QStringLiteral("Use one lead only (name or 0-based index)."),
                                  QStringLiteral("L"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({lead, json});
    int exitCode = kExitOk;
    if (!parseArgs(parser, args, 1, exitCode))
        return exitCode;
    const QString file = parser.positionalArguments().at(0);
    io::OpenOptions openOptions;
    openOptions.loadAnnotations = false;
    const auto recording = openRecording(file, openOptions);
    if (!recording)
        return kExitBadInput;
    dsp::DetectOptions options;
    if (parser.isSet(lead)) {
        QString error;
        const auto leads = parseLeads(parser.value(lead), *recording, error);
        if (!leads)
            return fail(error);
        if (leads->size() != 1)
            return fail(QStringLiteral("--lead takes exactly one lead, got \"%1\"")
                            .arg(parser.value(lead)));
        options.lead = leads->front();
    }
    if (recording->fsHz <= 0 || recording->sampleCount() == 0)
        return fail(QStringLiteral("%1: no samples to analyse").arg(file));
    const auto beats = dsp::detectBeats(*recording, options);
    if (!beats)
        return fail(QStringLiteral("%1: beat detection cancelled").arg(file));

    if (parser.isSet(json)) {
        QJsonArray list;
        for (const dsp::Beat& b : *beats) {
            QJsonObject o;
            o[QStringLiteral("sample")] = double(b.sample);
            o[QStringLiteral("time_s")] = b.timeS;
            o[QStringLiteral("class")] = QLatin1String(dsp::beatCode(b.beatClass));
            o[QStringLiteral("rr_previous_ms")] = b.rrPreviousMs;
            o[QStringLiteral("prematurity")] = b.prematurity;
            o[QStringLiteral("qrs_width_ms")] = b.qrsWidthMs;
            o[QStringLiteral("template_correlation")] = b.correlation;
            list.append(o);
        }
        QJsonObject root;
        root[QStringLiteral("file")] = file;
        root[QStringLiteral("sampling_rate_hz")] = recording->fsHz;
        root[QStringLiteral("lead")] =
            options.lead >= 0
                ? QJsonValue(fromStd(recording->leads[std::size_t(options.lead)].name))
                : QJsonValue(QStringLiteral("all"));
        root[QStringLiteral("count")] = double(beats->size());
        root[QStringLiteral("beats")] = list;
        printJson(root);
        return kExitOk;
    }
    std::string out = "#sample\ttime_s\tclass\trr_previous_ms\n";
    char buf[96];
    for (const dsp::Beat& b : *beats) {
        std::snprintf(buf, sizeof buf, "%lld\t%.3f\t%s\t%.0f\n", (long long)b.sample, b.timeS,
                      dsp::beatCode(b.beatClass), b.rrPreviousMs);
        out += buf;
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
}

} // namespace ecglens::cli
