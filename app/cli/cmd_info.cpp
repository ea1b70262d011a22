#include "cli_util.h"
#include "report.h"

#include <QJsonArray>

#include <cstdio>

namespace ecglens::cli {

int runInfo(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Describe a recording."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Recording or demo:"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    int exitCode = kExitOk;
    if (!parseArgs(parser, args, 1, exitCode))
        return exitCode;

    const auto recording = openRecording(parser.positionalArguments().at(0));
    if (!recording)
        return kExitBadInput;
    const Recording& r = *recording;

    if (parser.isSet(json)) {
        QJsonObject o = recordingSummaryJson(r);
        o[QStringLiteral("file")] = parser.positionalArguments().at(0);
        QJsonArray units;
        for (const Lead& lead : r.leads)
            units.append(fromStd(lead.unit));
        o[QStringLiteral("units")] = units;
        QJsonArray notes;
        for (const std::string& n : r.notes)
            notes.append(fromStd(n));
        o[QStringLiteral("notes")] = notes;
        QJsonArray statements;
        for (const Statement& s : r.statements) {
            QJsonObject so;
            so[QStringLiteral("code")] = fromStd(s.code);
            if (s.likelihood >= 0)
                so[QStringLiteral("likelihood")] = s.likelihood;
            so[QStringLiteral("text")] = fromStd(s.text);
            statements.append(so);
        }
        o[QStringLiteral("statements")] = statements;
        printJson(o);
        return kExitOk;
    }

    std::printf("File:        %s\n", parser.positionalArguments().at(0).toLocal8Bit().constData());
    std::printf("Format:      %s%s\n", r.format.c_str(), r.synthetic ? " (synthetic demo)" : "");
    std::printf("Rate:        %g Hz\n", r.fsHz);
    std::printf("Samples:     %zu\n", r.sampleCount());
    std::printf("Duration:    %.3f s\n", r.durationS());
    std::printf("Leads (%zu):", r.leads.size());
    for (const Lead& lead : r.leads)
        std::printf(" %s", lead.name.c_str());
    std::printf("\n");
    const std::optional<Date>& born = r.patient.birthDate;
    std::printf("Patient:     id %s, name %s, born %s, age %s, sex %s\n",
                r.patient.id.empty() ? "-" : r.patient.id.c_str(),
                r.patient.name.empty() ? "-" : r.patient.name.c_str(),
                born ? report::isoDateText(*born).toLatin1().constData() : "-",
                r.patient.ageYears ? QByteArray::number(*r.patient.ageYears).constData() : "-",
                *sexCode(r.patient.sex) ? sexCode(r.patient.sex) : "-");
    std::printf("Annotations: %zu\n", r.annotations.size());
    for (const Statement& s : r.statements)
        std::printf("Statement:   %s %s\n", s.code.c_str(), s.text.c_str());
    for (const Message& w : r.warnings)
        std::printf("Warning:     %s\n", w.text.c_str());
    return kExitOk;
}

} // namespace ecglens::cli
