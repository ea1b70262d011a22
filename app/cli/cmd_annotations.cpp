#include "cli_util.h"

#include <QJsonArray>

#include <cstdio>

namespace ecglens::cli {

int runAnnotations(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the annotations of a recording: WFDB annotation files (default 'atr'), EDF+ "
        "annotations, vendor-format events. One line each: time (s), sample, code, subtype, "
        "lead, num, text."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Recording"));
    const QCommandLineOption ann(
        QStringLiteral("ann"), QStringLiteral("WFDB annotator (file extension), e.g. atr, qrs, i."),
        QStringLiteral("EXT"), QStringLiteral("atr"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({ann, json});
    int exitCode = kExitOk;
    if (!parseArgs(parser, args, 1, exitCode))
        return exitCode;

    io::OpenOptions options;
    options.annotator = toStd(parser.value(ann));
    const auto recording = openRecording(parser.positionalArguments().at(0), options);
    if (!recording)
        return kExitBadInput;
    const Recording& r = *recording;
    if (parser.isSet(ann) && r.annotations.empty() &&
        io::sniff(toStd(parser.positionalArguments().at(0))) == io::Format::Wfdb)
        return fail(QStringLiteral("%1: no annotations with extension \"%2\"")
                        .arg(parser.positionalArguments().at(0), parser.value(ann)));

    if (parser.isSet(json)) {
        QJsonArray list;
        for (const Annotation& a : r.annotations) {
            QJsonObject o;
            o[QStringLiteral("time_s")] = a.timeS;
            o[QStringLiteral("sample")] = double(a.sample);
            if (a.durationS > 0)
                o[QStringLiteral("duration_s")] = a.durationS;
            o[QStringLiteral("code")] = fromStd(a.code);
            o[QStringLiteral("subtype")] = a.subtype;
            o[QStringLiteral("lead")] = a.lead >= 0 && a.lead < int(r.leads.size())
                                            ? QJsonValue(fromStd(r.leads[std::size_t(a.lead)].name))
                                            : QJsonValue();
            o[QStringLiteral("num")] = a.num;
            o[QStringLiteral("text")] = fromStd(a.text);
            list.append(o);
        }
        QJsonObject root;
        root[QStringLiteral("file")] = parser.positionalArguments().at(0);
        root[QStringLiteral("count")] = double(r.annotations.size());
        root[QStringLiteral("annotations")] = list;
        printJson(root);
        return kExitOk;
    }
    std::string out = "#time_s\tsample\tcode\tsubtype\tlead\tnum\ttext\n";
    char buf[64];
    for (const Annotation& a : r.annotations) {
        std::snprintf(buf, sizeof buf, "%.3f\t%lld\t", a.timeS, (long long)a.sample);
        out += buf;
        out += a.code + '\t' + std::to_string(a.subtype) + '\t';
        out += (a.lead >= 0 && a.lead < int(r.leads.size())) ? r.leads[std::size_t(a.lead)].name
                                                             : std::string("-");
        out += '\t' + std::to_string(a.num) + '\t' + a.text + '\n';
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
}

} // namespace ecglens::cli
