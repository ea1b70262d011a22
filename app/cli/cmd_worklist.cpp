// ecglens-cli worklist FOLDER: the recordings of a folder with their review state, as the GUI's
// worklist lists them (one implementation: ecglens_review's scanFolder), for an audit of which
// ECGs nobody has confirmed yet.

#include "audit_log.h"
#include "cli_util.h"
#include "review_store.h"
#include "worklist_scan.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <cstdio>

namespace ecglens::cli {

namespace {

QJsonObject rowJson(const WorklistEntry& e)
{
    QJsonObject o;
    o[QStringLiteral("file")] = e.relativePath;
    o[QStringLiteral("path")] = e.path;
    if (!e.readable()) {
        o[QStringLiteral("error")] = e.error;
        return o;
    }
    o[QStringLiteral("format")] = e.format;
    o[QStringLiteral("patient_id")] = e.patientId;
    o[QStringLiteral("patient_name")] = e.patientName;
    o[QStringLiteral("age_years")] = e.ageYears ? QJsonValue(*e.ageYears) : QJsonValue();
    o[QStringLiteral("sex")] = QString::fromLatin1(sexCode(e.sex));
    o[QStringLiteral("recorded")] =
        e.recorded.isValid() ? QJsonValue(e.recorded.toString(Qt::ISODate)) : QJsonValue();
    o[QStringLiteral("duration_s")] = e.durationS;
    o[QStringLiteral("leads")] = e.leadCount;
    o[QStringLiteral("decision")] = decisionKey(e.decision);
    o[QStringLiteral("reviewer")] = e.reviewer;
    o[QStringLiteral("decided_utc")] = e.reviewedUtc.isValid()
                                           ? QJsonValue(e.reviewedUtc.toUTC().toString(Qt::ISODate))
                                           : QJsonValue();
    if (!e.detectorAtReview.verdictClass.isEmpty())
        o[QStringLiteral("detector_at_decision")] = e.detectorAtReview.toJson();
    if (!e.reviewProblem.isEmpty())
        o[QStringLiteral("review_problem")] = e.reviewProblem;
    return o;
}

} // namespace

int runWorklist(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the recordings of a folder (sub-folders included) with patient, length and the "
        "clinician's review state, as the GUI's worklist shows them. Reviews are read beside "
        "each recording, else from the reviews folder (by the recording's SHA-256)."));
    parser.addPositionalArgument(QStringLiteral("FOLDER"), QStringLiteral("Folder to list."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption show(
        QStringLiteral("show"),
        QStringLiteral("Rows to list: all (default), not-reviewed, reviewed, attention (uncertain, "
                       "unreadable recording or review)."),
        QStringLiteral("rows"), QStringLiteral("all"));
    const QCommandLineOption reviews(
        QStringLiteral("reviews"),
        QStringLiteral("Folder of reviews of recordings in read-only folders (default: the "
                       "setting reviews/folder, else %1).")
            .arg(QDir::toNativeSeparators(ReviewStore::defaultFallbackDir())),
        QStringLiteral("dir"), ReviewStore::configuredFallbackDir());
    parser.addOptions({json, show, reviews});
    int exitCode = kExitOk;
    if (!parseArgs(parser, args, 1, exitCode))
        return exitCode;

    const QString which = parser.value(show);
    const QStringList names = {QStringLiteral("all"), QStringLiteral("not-reviewed"),
                               QStringLiteral("reviewed"), QStringLiteral("attention")};
    if (!names.contains(which))
        return fail(QStringLiteral("--show %1: expected one of %2")
                        .arg(which, names.join(QStringLiteral(", "))));
    const auto filter = WorklistShow(names.indexOf(which)); // the enum's order

    const QString folder = parser.positionalArguments().at(0);
    std::vector<WorklistEntry> rows;
    const FolderScan scan =
        scanFolder(folder, parser.value(reviews), {}, {},
                   [&](WorklistEntry&& e, int) { rows.push_back(std::move(e)); });
    if (!scan.error.isEmpty())
        return fail(scan.error);
    auditOrWarn(AuditEvent::worklistListed(folder, int(rows.size())));
    std::sort(rows.begin(), rows.end(), [](const WorklistEntry& a, const WorklistEntry& b) {
        return a.relativePath < b.relativePath;
    });

    int counts[4] = {};
    int unreadable = 0;
    for (const WorklistEntry& e : rows) {
        if (e.readable())
            ++counts[int(e.decision)];
        else
            ++unreadable;
    }
    if (parser.isSet(json)) {
        QJsonObject o;
        o[QStringLiteral("folder")] = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
        QJsonArray list;
        for (const WorklistEntry& e : rows)
            if (worklistShows(e, filter))
                list.append(rowJson(e));
        o[QStringLiteral("recordings")] = list;
        QJsonObject c;
        c[QStringLiteral("listed")] = int(rows.size());
        for (const ReviewDecision d : {ReviewDecision::NotReviewed, ReviewDecision::Normal,
                                       ReviewDecision::Abnormal, ReviewDecision::Uncertain})
            c[decisionKey(d)] = counts[int(d)];
        c[QStringLiteral("unreadable")] = unreadable;
        c[QStringLiteral("skipped_text_files")] = scan.skipped;
        o[QStringLiteral("counts")] = c;
        o[QStringLiteral("truncated")] = scan.truncated;
        QJsonArray warnings;
        for (const Message& w : scan.warnings)
            warnings.append(QString::fromStdString(w.text));
        o[QStringLiteral("warnings")] = warnings;
        printJson(o);
        return kExitOk;
    }

    std::printf("%-13s %-14s %-12s %5s %3s %10s %5s  %s\n", "decision", "reviewer", "patient",
                "age", "sex", "length s", "leads", "file");
    for (const WorklistEntry& e : rows) {
        if (!worklistShows(e, filter))
            continue;
        if (!e.readable()) {
            std::printf("%-13s %s\n  %s\n", "unreadable", e.relativePath.toLocal8Bit().constData(),
                        e.error.toLocal8Bit().constData());
            continue;
        }
        const QString age = e.ageYears ? QString::number(*e.ageYears, 'f', 0) : QStringLiteral("-");
        std::printf(
            "%-13s %-14s %-12s %5s %3s %10.1f %5d  %s%s\n",
            decisionKey(e.decision).toLocal8Bit().constData(),
            (e.reviewer.isEmpty() ? QStringLiteral("-") : e.reviewer).toLocal8Bit().constData(),
            (e.patientId.isEmpty() ? QStringLiteral("-") : e.patientId).toLocal8Bit().constData(),
            age.toLocal8Bit().constData(), *sexCode(e.sex) ? sexCode(e.sex) : "-", e.durationS,
            e.leadCount, e.relativePath.toLocal8Bit().constData(),
            e.reviewProblem.isEmpty() ? "" : "  (review problem)");
    }
    std::printf("%d recordings: %d not reviewed, %d normal, %d abnormal, %d uncertain, %d "
                "unreadable%s\n",
                int(rows.size()), counts[0], counts[1], counts[2], counts[3], unreadable,
                scan.truncated ? " (folder truncated: more recordings than listed)" : "");
    return kExitOk;
}

} // namespace ecglens::cli
