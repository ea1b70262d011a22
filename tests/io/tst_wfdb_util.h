#pragma once

// Independent helpers for the WFDB tests: a deliberately simple header reader (no engine
// code) and a runner for ecglens-cli. Expected values come from what the file's producer
// wrote in the header (initial value = first sample, checksum = 16-bit sum of all samples).

#include "test_data.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTest>

#include <climits>
#include <cstdint>
#include <cstring>
#include <vector>

namespace wfdbtest {

struct SigRef
{
    QString file;
    int format = 0;
    int spf = 1;
    int skew = 0;
    double gain = 200;
    double baseline = 0;
    long long initial = 0;
    long long checksum = 0;
    QString description;
};

struct HeaderRef
{
    QString name;
    int nsig = 0;
    double fs = 250;
    long long frames = 0;
    QStringList segments; ///< "name frames"
    std::vector<SigRef> sigs;
    QStringList comments;
};

/// Reads a header with plain string splitting.
inline HeaderRef readHeader(const QString& path)
{
    HeaderRef h;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return h;
    const QStringList lines = QString::fromLatin1(f.readAll()).split(QLatin1Char('\n'));
    bool first = true;
    int nseg = 0;
    for (QString line : lines) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(QLatin1Char('#'))) {
            h.comments << line.mid(1).trimmed();
            continue;
        }
        const QStringList t = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (first) {
            first = false;
            const QStringList nameSeg = t[0].split(QLatin1Char('/'));
            h.name = nameSeg[0];
            nseg = nameSeg.size() > 1 ? nameSeg[1].toInt() : 0;
            h.nsig = t[1].toInt();
            if (t.size() > 2)
                h.fs = t[2].split(QLatin1Char('/'))[0].toDouble();
            if (t.size() > 3)
                h.frames = t[3].toLongLong();
            continue;
        }
        if (nseg > 0) {
            h.segments << line;
            continue;
        }
        SigRef s;
        s.file = t[0];
        QString fmt = t[1];
        // "212x4:3+24" -> format, samples per frame, skew, offset
        int cut = fmt.indexOf(QRegularExpression(QStringLiteral("[x:+]")));
        s.format = (cut < 0 ? fmt : fmt.left(cut)).toInt();
        const QRegularExpression spfRe(QStringLiteral("x(\\d+)")),
            skewRe(QStringLiteral(":(\\d+)"));
        if (auto m = spfRe.match(fmt); m.hasMatch())
            s.spf = m.captured(1).toInt();
        if (auto m = skewRe.match(fmt); m.hasMatch())
            s.skew = m.captured(1).toInt();
        const long long adcZero = t.size() > 4 ? t[4].toLongLong() : 0;
        s.baseline = double(adcZero);
        if (t.size() > 2) {
            QString g = t[2].split(QLatin1Char('/'))[0];
            const int p = g.indexOf(QLatin1Char('('));
            if (p >= 0) {
                s.baseline = g.mid(p + 1, g.indexOf(QLatin1Char(')')) - p - 1).toDouble();
                g = g.left(p);
            }
            s.gain = g.toDouble();
            if (s.gain == 0)
                s.gain = 200;
        }
        s.initial = t.size() > 5 ? t[5].toLongLong() : adcZero;
        s.checksum = t.size() > 6 ? t[6].toLongLong() : 0;
        s.description = t.size() > 8 ? QStringList(t.mid(8)).join(QLatin1Char(' ')) : QString();
        h.sigs.push_back(s);
    }
    return h;
}

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList& args)
{
    QProcess p;
    p.start(ecglens::test::cliPath(), args);
    CliRun r;
    if (!p.waitForStarted(10000)) {
        r.err = "could not start " + ecglens::test::cliPath().toUtf8();
        return r;
    }
    p.closeWriteChannel();
    p.waitForFinished(120000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/// Output of `dump`: column names (without the time column) and rows of cell texts (without
/// the time column); times separately.
struct Dump
{
    QStringList columns;
    std::vector<QList<QByteArray>> rows;
    std::vector<double> times;
};

inline Dump parseDump(const QByteArray& text)
{
    Dump d;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray& line : lines) {
        if (line.isEmpty())
            continue;
        QList<QByteArray> cells = line.split('\t');
        if (line.startsWith('#')) {
            for (int i = 1; i < cells.size(); ++i)
                d.columns << QString::fromUtf8(cells[i]);
            continue;
        }
        d.times.push_back(cells[0].toDouble());
        cells.removeFirst();
        d.rows.push_back(cells);
    }
    return d;
}

/// Fast parse of `dump --digital` output into columns; '-' becomes kInvalidCell.
inline constexpr long long kInvalidCell = LLONG_MIN;
struct DigitalDump
{
    QStringList columns;
    std::vector<std::vector<long long>> cols;
    std::size_t rows = 0;
    bool ok = true;
};

inline DigitalDump parseDigital(const QByteArray& text)
{
    DigitalDump d;
    const char* p = text.constData();
    const char* end = p + text.size();
    if (p < end && *p == '#') {
        const char* nl = static_cast<const char*>(memchr(p, '\n', std::size_t(end - p)));
        const QList<QByteArray> names = QByteArray(p, int((nl ? nl : end) - p)).split('\t');
        for (int i = 1; i < names.size(); ++i)
            d.columns << QString::fromUtf8(names[i]);
        p = nl ? nl + 1 : end;
    }
    d.cols.resize(std::size_t(d.columns.size()));
    while (p < end) {
        while (p < end && *p != '\t' && *p != '\n') // time column
            ++p;
        for (auto& col : d.cols) {
            if (p >= end || *p != '\t') {
                d.ok = false;
                return d;
            }
            ++p;
            if (*p == '-' && (p + 1 >= end || p[1] == '\t' || p[1] == '\n')) {
                col.push_back(kInvalidCell);
                ++p;
                continue;
            }
            bool neg = false;
            if (*p == '-') {
                neg = true;
                ++p;
            }
            long long v = 0;
            const char* start = p;
            while (p < end && *p >= '0' && *p <= '9')
                v = v * 10 + (*p++ - '0');
            if (p == start) {
                d.ok = false;
                return d;
            }
            col.push_back(neg ? -v : v);
        }
        if (p < end && *p != '\n') {
            d.ok = false;
            return d;
        }
        ++p;
        ++d.rows;
    }
    return d;
}

inline QString samplesPath(const QString& record)
{
    return ecglens::test::dataPath(QStringLiteral("wfdb-samples/") + record);
}

} // namespace wfdbtest
