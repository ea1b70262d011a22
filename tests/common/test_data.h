#pragma once

// Locating the shared ECG data in tests. A missing folder or file is a failure with a message
// that says what to do, never a skip.

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

namespace ecglens::test {

/// ECGLENS_DATA (environment) or the CMake cache value ECGLENS_DATA_DIR.
inline QString dataDir()
{
    const QByteArray env = qgetenv("ECGLENS_DATA");
    if (!env.isEmpty())
        return QDir::cleanPath(QString::fromLocal8Bit(env));
    return QDir::cleanPath(QStringLiteral(ECGLENS_DEFAULT_DATA_DIR));
}

/// Absolute path of `relative` inside the data folder (no existence check).
inline QString dataPath(const QString& relative)
{
    return dataDir() + QLatin1Char('/') + relative;
}

inline QString missingDataMessage(const QString& path)
{
    return QStringLiteral("Shared ECG data not found: %1. Put the data folder beside the checkout "
                          "as ../shared/data, or set ECGLENS_DATA=/path/to/data (or configure "
                          "with -DECGLENS_DATA_DIR=...).")
        .arg(path);
}

/// This process's environment with `nameValues` ("NAME=value") added, for a child process.
inline QProcessEnvironment environmentWith(const QStringList& nameValues)
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString& kv : nameValues)
        e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    return e;
}

inline QString cliPath()
{
    return QStringLiteral(ECGLENS_CLI_PATH);
}

/// How a program ran: exit code (-1: crashed or timed out) and its output.
struct ProcessRun
{
    int exitCode = -1;
    QByteArray out, err;
};

/// Runs `program` with `args` (waiting up to 2 minutes): `env` entries (NAME=value) added to
/// the environment, `input` written to its standard input.
inline ProcessRun runProcess(const QString& program, const QStringList& args,
                             const QStringList& env = {}, const QByteArray& input = {})
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(environmentWith(env));
    p.start(program, args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    ProcessRun r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/// Runs ecglens-cli with `args` and returns its JSON output (exit 0, or 3 for "anomalous");
/// an empty object on failure, with a warning saying why.
inline QJsonObject cliJson(const QStringList& args)
{
    QProcess p;
    p.start(cliPath(), args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit ||
        (p.exitCode() != 0 && p.exitCode() != 3)) {
        qWarning("ecglens-cli %s failed (exit %d): %s", qPrintable(args.join(QLatin1Char(' '))),
                 p.exitCode(), p.readAllStandardError().constData());
        return {};
    }
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

/// A signing identity for report signatures made by the openssl command: a self-signed RSA
/// certificate for `commonName` (key usage `keyUsage`, e.g. "digitalSignature", valid 30 days)
/// with its key in the PKCS#12 file `p12`, protected by the first line of `passwordFile`. Also
/// leaves `p12`.pem (the certificate) beside it. `legacy`: encrypted as older programs did
/// (RC2-40 and 3DES, `openssl pkcs12 -legacy`). Returns why it failed, or an empty string.
inline QString makeSigningIdentity(const QString& p12, const QString& commonName,
                                   const QString& keyUsage, const QString& passwordFile,
                                   bool legacy = false)
{
    const auto openssl = [](const QStringList& args) {
        QProcess p;
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0)
            return QStringLiteral(
                       "openssl %1: %2 (install openssl: bash packaging/install-deps.sh)")
                .arg(args.first(), QString::fromLocal8Bit(p.readAllStandardError()));
        return QString();
    };
    const QString key = p12 + QStringLiteral(".key");
    const QString pem = p12 + QStringLiteral(".pem");
    QString error =
        openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                 key, QStringLiteral("-out"), pem, QStringLiteral("-days"), QStringLiteral("30"),
                 QStringLiteral("-utf8"), QStringLiteral("-subj"),
                 QStringLiteral("/CN=%1/O=ECG Lens test").arg(commonName),
                 QStringLiteral("-addext"), QStringLiteral("keyUsage=") + keyUsage});
    QStringList pkcs12 = {QStringLiteral("pkcs12"),   QStringLiteral("-export"),
                          QStringLiteral("-inkey"),   key,
                          QStringLiteral("-in"),      pem,
                          QStringLiteral("-out"),     p12,
                          QStringLiteral("-passout"), QStringLiteral("file:") + passwordFile};
    if (legacy)
        pkcs12 << QStringLiteral("-legacy");
    if (error.isEmpty())
        error = openssl(pkcs12);
    return error;
}

/// `seconds` as the window and the report write times on a recording of 10 minutes or more:
/// h:mm:ss.s (English number format), worked out here independently of the application.
inline QString clockText(double seconds)
{
    const int h = int(seconds / 3600.0), m = int((seconds - 3600.0 * h) / 60.0);
    return QStringLiteral("%1:%2:%3")
        .arg(h)
        .arg(m, 2, 10, QLatin1Char('0'))
        .arg(seconds - 3600.0 * h - 60.0 * m, 4, 'f', 1, QLatin1Char('0'));
}

/// `ecglens-cli measure --json`'s st_levels (j60_mv, two decimals) as the window and the report
/// print them: "I +0.06 · II −0.15 · …" (English number format, true minus). With `then`, the
/// comparison form "I +0.01 → +0.06 · …" of `then` (an earlier ECG) against `levels`.
inline QString stLevelsText(const QJsonArray& levels, const QJsonArray& then = {})
{
    const auto mv = [](double v) {
        return v > 0   ? QStringLiteral("+%1").arg(v, 0, 'f', 2)
               : v < 0 ? QStringLiteral("\u2212%1").arg(-v, 0, 'f', 2)
                       : QStringLiteral("0.00");
    };
    QStringList parts;
    for (qsizetype i = 0; i < levels.size(); ++i) {
        const QJsonObject o = levels[i].toObject();
        QString part = o[QStringLiteral("lead")].toString() + QLatin1Char(' ');
        if (!then.isEmpty())
            part += mv(then[i].toObject()[QStringLiteral("j60_mv")].toDouble()) +
                    QStringLiteral(" \u2192 ");
        parts << part + mv(o[QStringLiteral("j60_mv")].toDouble());
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

} // namespace ecglens::test

/// Fails the current test (does not skip) when a data file or folder is missing.
#define ECGLENS_REQUIRE_DATA(relative)                                                             \
    do {                                                                                           \
        const QString ecglensPath_ = ::ecglens::test::dataPath(relative);                          \
        if (!QFileInfo::exists(ecglensPath_))                                                      \
            QFAIL(qPrintable(::ecglens::test::missingDataMessage(ecglensPath_)));                  \
    } while (false)
