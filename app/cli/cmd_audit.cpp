// ecglens-cli audit: checks the audit log's hash chain (AuditLog::verify), for the hospital's
// audit controls: whether a line was changed, inserted or removed since it was written.

#include "audit_log.h"
#include "cli_util.h"

#include <QJsonArray>

#include <cstdio>

namespace ecglens::cli {

/// Exit status 0: every line follows the one before it; 1: the chain is broken (the lines are
/// listed); 2: the log cannot be read or the options are wrong.
int runAudit(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check the audit log: each line carries the SHA-256 of the line before it, so a line "
        "that was changed, inserted or removed since is found (unless every later link was "
        "recomputed too). Prints the SHA-256 of the last line: keep it, and a later check can "
        "show that no line was removed from the end (--head). Exit status 0 when the chain is "
        "intact, 1 when it is not."));
    const QCommandLineOption log(
        QStringLiteral("log"),
        QStringLiteral("The log to check (default: the one the window and the CLI write to, "
                       "from the settings)."),
        QStringLiteral("PATH"));
    const QCommandLineOption head(
        QStringLiteral("head"),
        QStringLiteral("A last line's SHA-256 from an earlier check: that line must still be "
                       "in the log."),
        QStringLiteral("SHA256"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Output as JSON."));
    parser.addOptions({log, head, json});
    int exitCode = kExitOk;
    if (!parseArgs(parser, args, 0, exitCode))
        return exitCode;

    const QString path = parser.isSet(log) ? parser.value(log) : AuditLog::configured().path();
    if (path.isEmpty())
        return fail(QStringLiteral("the audit log is off (audit/log=off): nothing to check"));
    const QString wantedHead = parser.value(head).trimmed().toLower();
    AuditCheck check = AuditLog::verify(path, wantedHead);
    if (!check.error.isEmpty())
        return fail(check.error);

    if (parser.isSet(json)) {
        QJsonObject o{{QStringLiteral("log"), path},
                      {QStringLiteral("lines"), check.lines},
                      {QStringLiteral("unchained"), check.unchained},
                      {QStringLiteral("head"), check.head},
                      {QStringLiteral("intact"), check.intact()},
                      {QStringLiteral("problems"), QJsonArray::fromStringList(check.problems)}};
        printJson(o);
    } else {
        const char* state = !check.intact()                  ? "CHAIN BROKEN"
                            : check.unchained == check.lines ? "no line linked yet"
                                                             : "chain intact";
        std::printf("%s: %lld lines, %s\n", qPrintable(path), static_cast<long long>(check.lines),
                    state);
        if (check.unchained > 0)
            std::printf("lines 1-%lld carry no link (written before ECG Lens linked its lines); "
                        "the chain covers the lines after them\n",
                        static_cast<long long>(check.unchained));
        for (const QString& p : check.problems)
            std::printf("%s\n", qPrintable(p));
        if (!check.head.isEmpty())
            std::printf("head %s\n", qPrintable(check.head));
    }
    return check.intact() ? kExitOk : 1;
}

} // namespace ecglens::cli
