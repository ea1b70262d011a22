#include "cli_util.h"

#include "audit_log.h"
#include "report.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace ecglens::cli {

int fail(const QString& message)
{
    const QByteArray line = QByteArrayLiteral("ecglens-cli: ") + message.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr);
    return kExitBadInput;
}

void auditOrWarn(const AuditEvent& e)
{
    if (const QString error = AuditLog::configured().append(e); !error.isEmpty()) {
        const QByteArray line = QByteArrayLiteral("ecglens-cli: not recorded in the audit log: ") +
                                error.toUtf8() + '\n';
        std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr);
    }
}

int fail(const std::string& message)
{
    return fail(fromStd(message));
}

std::string toStd(const QString& s)
{
    return s.toStdString();
}

QString fromStd(const std::string& s)
{
    return QString::fromStdString(s);
}

bool parseArgs(QCommandLineParser& parser, const QStringList& args, int positionals, int& exitCode)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        exitCode = fail(parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        const QByteArray text = parser.helpText().toUtf8();
        std::fwrite(text.constData(), 1, std::size_t(text.size()), stdout);
        exitCode = kExitOk;
        return false;
    }
    if (parser.positionalArguments().size() != positionals) {
        exitCode = fail(QStringLiteral("expected %1 file argument(s), got %2; try --help")
                            .arg(positionals)
                            .arg(parser.positionalArguments().size()));
        return false;
    }
    return true;
}

std::optional<Recording> openRecording(const QString& path, const io::OpenOptions& options)
{
    Result<Recording> result = io::open(toStd(path), options);
    if (!result.ok()) {
        fail(result.error());
        return std::nullopt;
    }
    return std::move(result).value();
}

void printJson(const QJsonObject& object)
{
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Indented);
    std::fwrite(text.constData(), 1, std::size_t(text.size()), stdout);
}

std::string floatText(float value)
{
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return ec == std::errc() ? std::string(buf, end) : std::string("nan");
}

std::optional<long long> parseTimeToSample(const QString& text, double fsHz)
{
    bool ok = false;
    if (text.startsWith(QLatin1Char('s'))) {
        const long long n = text.mid(1).toLongLong(&ok);
        if (!ok || n < 0)
            return std::nullopt;
        return n;
    }
    const double seconds = text.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0 || fsHz <= 0)
        return std::nullopt;
    // Past what a sample number holds (1e308 s): as far as it goes, which is past any end.
    const double sample = seconds * fsHz;
    if (!(sample < 9.0e18))
        return std::numeric_limits<long long>::max();
    return std::llround(sample);
}

std::optional<std::vector<int>> parseLeads(const QString& text, const Recording& recording,
                                           QString& error)
{
    std::vector<int> out;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& raw : parts) {
        const QString part = raw.trimmed();
        bool isNumber = false;
        const int index = part.toInt(&isNumber);
        int found = -1;
        if (isNumber) {
            if (index >= 0 && index < int(recording.leads.size()))
                found = index;
        } else {
            found = recording.leadIndex(toStd(part));
        }
        if (found < 0) {
            QStringList names;
            for (const Lead& lead : recording.leads)
                names << fromStd(lead.name);
            error = QStringLiteral("no lead \"%1\" in this recording (leads: %2)")
                        .arg(part, names.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        out.push_back(found);
    }
    if (out.empty()) {
        error = QStringLiteral("--leads names no lead");
        return std::nullopt;
    }
    return out;
}

QJsonObject recordingSummaryJson(const Recording& recording)
{
    QJsonObject o;
    o[QStringLiteral("format")] = fromStd(recording.format);
    o[QStringLiteral("sampling_rate_hz")] = recording.fsHz;
    o[QStringLiteral("samples")] = double(recording.sampleCount());
    o[QStringLiteral("duration_s")] = recording.durationS();
    QJsonArray leads;
    for (const Lead& lead : recording.leads)
        leads.append(fromStd(lead.name));
    o[QStringLiteral("leads")] = leads;

    QJsonObject patient;
    patient[QStringLiteral("id")] = fromStd(recording.patient.id);
    patient[QStringLiteral("name")] = fromStd(recording.patient.name);
    const std::optional<Date>& born = recording.patient.birthDate;
    patient[QStringLiteral("birth_date")] =
        born ? QJsonValue(report::isoDateText(*born)) : QJsonValue();
    patient[QStringLiteral("age")] =
        recording.patient.ageYears ? QJsonValue(*recording.patient.ageYears) : QJsonValue();
    const char* sex = sexCode(recording.patient.sex);
    patient[QStringLiteral("sex")] = *sex ? QJsonValue(QLatin1String(sex)) : QJsonValue();
    o[QStringLiteral("patient")] = patient;
    o[QStringLiteral("annotations")] = double(recording.annotations.size());
    o[QStringLiteral("synthetic")] = recording.synthetic;
    QJsonArray warnings;
    for (const Message& w : recording.warnings)
        warnings.append(fromStd(w.text));
    o[QStringLiteral("warnings")] = warnings;
    return o;
}

} // namespace ecglens::cli
