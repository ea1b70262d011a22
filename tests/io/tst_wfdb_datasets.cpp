// Whole-dataset sweep: every PTB-XL, MIT-BIH and LUDB record in the shared data opens with the
// lead names, rate, length and demographics that the datasets' own index files (parsed here
// with simple independent code) or header comments state.

#include "core/limb_leads.h"
#include "io/messages.h"
#include "io/open.h"

#include "test_data.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace ecglens;

namespace {

/// A small quote-aware CSV reader (fields may hold commas and newlines inside quotes).
QList<QStringList> readCsv(const QString& path)
{
    QList<QStringList> rows;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    const QString text = QString::fromUtf8(f.readAll());
    QStringList row;
    QString cell;
    bool inQuotes = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                inQuotes = false;
            } else {
                cell += c;
            }
            continue;
        }
        if (c == QLatin1Char('"'))
            inQuotes = true;
        else if (c == QLatin1Char(','))
            row << std::exchange(cell, QString());
        else if (c == QLatin1Char('\n')) {
            row << std::exchange(cell, QString());
            rows << std::exchange(row, QStringList());
        } else if (c != QLatin1Char('\r'))
            cell += c;
    }
    if (!cell.isEmpty() || !row.isEmpty())
        rows << (row << cell);
    return rows;
}

const QStringList kTwelve = {QStringLiteral("I"),   QStringLiteral("II"),  QStringLiteral("III"),
                             QStringLiteral("aVR"), QStringLiteral("aVL"), QStringLiteral("aVF"),
                             QStringLiteral("V1"),  QStringLiteral("V2"),  QStringLiteral("V3"),
                             QStringLiteral("V4"),  QStringLiteral("V5"),  QStringLiteral("V6")};

QStringList leadNames(const Recording& r)
{
    QStringList names;
    for (const Lead& l : r.leads)
        names << QString::fromStdString(l.name);
    return names;
}

} // namespace

class TestWfdbDatasets : public QObject
{
    Q_OBJECT

private slots:
    void ptbxl();
    void mitbih();
    void ludb();
};

void TestWfdbDatasets::ptbxl()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
    QElapsedTimer timer;
    timer.start();
    const QList<QStringList> rows =
        readCsv(test::dataPath(QStringLiteral("ptbxl/ptbxl_database.csv")));
    QVERIFY(rows.size() > 1);
    const QStringList head = rows[0];
    const int cPatient = int(head.indexOf(QStringLiteral("patient_id")));
    const int cAge = int(head.indexOf(QStringLiteral("age")));
    const int cSex = int(head.indexOf(QStringLiteral("sex")));
    const int cScp = int(head.indexOf(QStringLiteral("scp_codes")));
    const int cLr = int(head.indexOf(QStringLiteral("filename_lr")));
    const int cHr = int(head.indexOf(QStringLiteral("filename_hr")));
    QVERIFY(cPatient >= 0 && cAge >= 0 && cSex >= 0 && cScp >= 0 && cLr >= 0 && cHr >= 0);

    int opened = 0, openedHr = 0, aged90 = 0, unknownLikelihoods = 0;
    for (int i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows[i];
        for (int which = 0; which < 2; ++which) {
            const QString rel = row[which == 0 ? cLr : cHr];
            if (rel.isEmpty())
                continue;
            const QString path =
                test::dataPath(QStringLiteral("ptbxl/") + rel + QStringLiteral(".hea"));
            const auto rec = io::open(path.toStdString());
            QVERIFY2(rec.ok(), rec.error().c_str());
            const double fs = which == 0 ? 100 : 500;
            QCOMPARE(leadNames(*rec), kTwelve);
            QCOMPARE(rec->fsHz, fs);
            QCOMPARE(rec->sampleCount(), std::size_t(fs * 10));
            QVERIFY2(rec->warnings.empty(),
                     rec->warnings.empty() ? "" : rec->warnings.front().text.c_str());
            // "15709.0" -> "15709"
            QCOMPARE(QString::fromStdString(rec->patient.id),
                     QString::number(row[cPatient].toDouble(), 'f', 0));
            QCOMPARE(rec->patient.sex, row[cSex] == QLatin1String("0") ? Sex::Male : Sex::Female);
            if (row[cAge].isEmpty()) {
                QVERIFY(!rec->patient.ageYears);
            } else {
                const double age = row[cAge].toDouble();
                QVERIFY(rec->patient.ageYears.has_value());
                QCOMPARE(*rec->patient.ageYears, age >= 300 ? 90.0 : age);
                if (age >= 300) {
                    ++aged90;
                    bool noted = false;
                    for (const std::string& n : rec->notes)
                        noted = noted || n.find("90 years or older") != std::string::npos;
                    QVERIFY(noted);
                }
            }
            // One statement per scp_codes entry, with its likelihood; PTB-XL's 0 ("unknown",
            // as for nearly every rhythm statement) is not given (-1), not "0 %".
            QCOMPARE(qsizetype(rec->statements.size()), row[cScp].count(QLatin1Char(':')));
            for (const Statement& s : rec->statements) {
                const QRegularExpression entry(
                    QLatin1Char('\'') + QRegularExpression::escape(QString::fromStdString(s.code)) +
                    QStringLiteral("': ([0-9.]+)"));
                const QRegularExpressionMatch m = entry.match(row[cScp]);
                QVERIFY2(m.hasMatch(), qPrintable(row[cScp]));
                const double inFile = m.captured(1).toDouble();
                QCOMPARE(s.likelihood, inFile > 0 ? inFile : -1.0);
                unknownLikelihoods += inFile > 0 ? 0 : 1;
                QVERIFY(!s.text.empty());
            }
            // recording_date "1984-11-09 09:17:34" (empty for ecg_id > 500 in this subset)
            const QString date = row[head.indexOf(QStringLiteral("recording_date"))];
            if (date.isEmpty()) {
                QVERIFY(!rec->start.has_value());
            } else {
                QVERIFY(rec->start.has_value() && rec->start->hasDate);
                const DateTime& st = *rec->start;
                QCOMPARE(QStringLiteral("%1-%2-%3 %4:%5:%6")
                             .arg(st.date.year, 4, 10, QLatin1Char('0'))
                             .arg(st.date.month, 2, 10, QLatin1Char('0'))
                             .arg(st.date.day, 2, 10, QLatin1Char('0'))
                             .arg(st.hour, 2, 10, QLatin1Char('0'))
                             .arg(st.minute, 2, 10, QLatin1Char('0'))
                             .arg(int(st.second), 2, 10, QLatin1Char('0')),
                         date);
            }
            // Einthoven's law holds to the files' 1 uV quantisation (the warning-free read
            // above says it is within tolerance; this that the check measured something).
            const auto einthoven = checkEinthoven(*rec);
            QVERIFY(einthoven && einthoven->residualMv <= 0.0011 && einthoven->amplitudeMv > 0.05);
            ++(which == 0 ? opened : openedHr);
        }
    }
    QCOMPARE(opened, 1810);
    QCOMPARE(openedHr, 500);
    QVERIFY(aged90 > 0);
    QVERIFY(unknownLikelihoods > 0); // the case the -1 is for occurs in the data
    qInfo("PTB-XL: %d + %d records in %lld ms", opened, openedHr, timer.elapsed());
}

void TestWfdbDatasets::mitbih()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("mitdb"));
    const QDir dir(test::dataPath(QStringLiteral("mitdb")));
    const QStringList headers = dir.entryList({QStringLiteral("*.hea")}, QDir::Files, QDir::Name);
    QCOMPARE(headers.size(), 22);
    for (const QString& name : headers) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromLatin1(f.readAll()).split(QLatin1Char('\n'));
        // Signal lines end with the lead name; the first comment is "<age> <sex> ...".
        QStringList wantLeads;
        QString age, sex;
        for (int i = 1; i < lines.size(); ++i) {
            const QString line = lines[i].trimmed();
            if (line.startsWith(QLatin1Char('#'))) {
                if (age.isEmpty()) {
                    const QStringList t = line.mid(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
                    age = t.value(0);
                    sex = t.value(1);
                }
            } else if (!line.isEmpty()) {
                wantLeads << line.split(QLatin1Char(' ')).last();
            }
        }
        const auto rec = io::open(dir.filePath(name).toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        QCOMPARE(leadNames(*rec), wantLeads);
        QVERIFY(rec->leadIndex("MLII") >= 0); // first signal, except in record 114
        QCOMPARE(rec->fsHz, 360.0);
        QCOMPARE(rec->sampleCount(), std::size_t(650000));
        QVERIFY2(rec->warnings.empty(),
                 rec->warnings.empty() ? "" : rec->warnings.front().text.c_str());
        QCOMPARE(QString::fromLatin1(sexCode(rec->patient.sex)), sex);
        QVERIFY(rec->patient.ageYears.has_value());
        QCOMPARE(*rec->patient.ageYears, age.toDouble());
        QVERIFY(rec->annotations.size() > 1000); // reference beat annotations (.atr)
        QCOMPARE(rec->annotations.front().source, std::string("atr"));
    }
}

void TestWfdbDatasets::ludb()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("ludb/ludb.csv"));
    const QList<QStringList> rows = readCsv(test::dataPath(QStringLiteral("ludb/ludb.csv")));
    QCOMPARE(rows.size(), 101);
    int inconsistent = 0;
    const QStringList ludbLeads = {
        QStringLiteral("i"),   QStringLiteral("ii"),  QStringLiteral("iii"), QStringLiteral("avr"),
        QStringLiteral("avl"), QStringLiteral("avf"), QStringLiteral("v1"),  QStringLiteral("v2"),
        QStringLiteral("v3"),  QStringLiteral("v4"),  QStringLiteral("v5"),  QStringLiteral("v6")};
    for (int i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows[i];
        const QString path =
            test::dataPath(QStringLiteral("ludb/data/") + row[0] + QStringLiteral(".hea"));
        const auto rec = io::open(path.toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        QCOMPARE(leadNames(*rec), kTwelve);
        for (int l = 0; l < 12; ++l)
            QCOMPARE(QString::fromStdString(rec->leads[std::size_t(l)].originalName), ludbLeads[l]);
        QCOMPARE(rec->fsHz, 500.0);
        QCOMPARE(rec->sampleCount(), std::size_t(5000));
        // This copy of LUDB stores every lead scaled to a range of exactly 1 mV (gains of 407 to
        // 2,317 units per mV), so the limb leads break Einthoven's law; the reader says so
        // where II differs from I + III by more than 0.05 mV and 10 % (85 of the 100).
        const auto einthoven = checkEinthoven(*rec);
        QVERIFY(einthoven.has_value());
        if (einthoven->consistent()) {
            QVERIFY2(rec->warnings.empty(),
                     rec->warnings.empty() ? "" : rec->warnings.front().text.c_str());
        } else {
            ++inconsistent;
            QCOMPARE(rec->warnings.size(), std::size_t(1));
            QCOMPARE(rec->warnings.front().id, io::messages::kLimbLeadsInconsistent.id);
        }
        for (const Lead& lead : rec->leads) {
            const auto [lo, hi] = std::minmax_element(lead.samples.begin(), lead.samples.end());
            QVERIFY(std::fabs(*hi - *lo - 1.0f) < 0.002f);
        }
        QCOMPARE(QString::fromLatin1(sexCode(rec->patient.sex)), row[1]);
        QVERIFY(rec->patient.ageYears.has_value());
        QCOMPARE(*rec->patient.ageYears, row[2].toDouble());
        QVERIFY(!rec->statements.empty()); // the "<diagnoses>:" lines
        // Per-lead delineation files: every lead has annotations, tagged with lead and file.
        QList<int> perLead(12, 0);
        for (const Annotation& a : rec->annotations) {
            QVERIFY(a.lead >= 0 && a.lead < 12);
            QCOMPARE(QString::fromStdString(a.source), ludbLeads[a.lead]);
            QVERIFY(a.sample >= 0 && a.sample < 5000);
            ++perLead[a.lead];
        }
        for (int l = 0; l < 12; ++l)
            QVERIFY2(perLead[l] > 0, qPrintable(row[0] + QStringLiteral(" lead ") + ludbLeads[l]));
    }
    QCOMPARE(inconsistent, 85);
}

QTEST_GUILESS_MAIN(TestWfdbDatasets)
#include "tst_wfdb_datasets.moc"
