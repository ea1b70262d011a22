// CSV / text reader, table-driven over files written at test time. Expected values are the
// numbers written into each file, by hand.

#include "io/open.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>

using namespace ecglens;

class TestCsv : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_count = 0;

    QString write(const QByteArray& content, const QString& ext = QStringLiteral("csv"))
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.%2").arg(++m_count).arg(ext));
        std::ofstream out(path.toStdString(), std::ios::binary);
        out.write(content.constData(), content.size());
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void read_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<double>("fsOption"); // 0 = not given
        QTest::addColumn<QString>("unitOption");
        QTest::addColumn<double>("fs");
        QTest::addColumn<QStringList>("leads"); // "name:unit"
        QTest::addColumn<int>("samples");
        QTest::addColumn<QString>("checks");  // "lead,sample,value;..." (value "nan" allowed)
        QTest::addColumn<QString>("warning"); // substring of some warning, "" = no warnings

        const QString none;
        QTest::newRow("prototype 12-lead, fs option")
            << QByteArray("I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6\n"
                          "0.1,0.2,0.1,-0.15,0,0.15,-0.1,0.3,0.5,0.9,1.1,0.8\n"
                          "0.11,0.21,0.1,-0.16,0.005,0.155,-0.12,0.31,0.52,0.91,1.12,0.81\n")
            << 500.0 << none << 500.0
            << QStringList{QStringLiteral("I:mV"),   QStringLiteral("II:mV"),
                           QStringLiteral("III:mV"), QStringLiteral("aVR:mV"),
                           QStringLiteral("aVL:mV"), QStringLiteral("aVF:mV"),
                           QStringLiteral("V1:mV"),  QStringLiteral("V2:mV"),
                           QStringLiteral("V3:mV"),  QStringLiteral("V4:mV"),
                           QStringLiteral("V5:mV"),  QStringLiteral("V6:mV")}
            << 2 << QStringLiteral("0,0,0.1;11,1,0.81;3,1,-0.16") << QStringLiteral("assumed mV");
        QTest::newRow("time_s column, lower-case names")
            << QByteArray("time_s,i,avr\n0.000,1,2\n0.004,3,4\n0.008,5,6\n0.012,7,8\n") << 0.0
            << QStringLiteral("mV") << 250.0
            << QStringList{QStringLiteral("I:mV"), QStringLiteral("aVR:mV")} << 4
            << QStringLiteral("0,3,7;1,0,2") << none;
        QTest::newRow("time_ms, semicolon, decimal comma, units in header, BOM, CRLF")
            << QByteArray("\xEF\xBB\xBFtime_ms;II (mV);V1 [\xC2\xB5V];V5_uV\r\n"
                          "0;0,5;120;-3,5\r\n1;0,25;121;-3\r\n2;-0,125;122;0\r\n")
            << 0.0 << none << 1000.0
            << QStringList{QStringLiteral("II:mV"), QStringLiteral("V1:uV"),
                           QStringLiteral("V5:uV")}
            << 3 << QStringLiteral("0,2,-0.125;1,1,121;2,0,-3.5") << none;
        QTest::newRow("tab delimited, t column in seconds, unit option uV")
            << QByteArray("t\tI\tII\n0\t100\t200\n0.002\t110\t210\n0.004\t120\t220\n") << 0.0
            << QStringLiteral("uV") << 500.0
            << QStringList{QStringLiteral("I:uV"), QStringLiteral("II:uV")} << 3
            << QStringLiteral("1,2,220") << none;
        QTest::newRow("whitespace delimited, sample column, fs option")
            << QByteArray("sample   I    II\n1   0.1   0.2\n2   0.3   0.4\n") << 360.0
            << QStringLiteral("mV") << 360.0
            << QStringList{QStringLiteral("I:mV"), QStringLiteral("II:mV")} << 2
            << QStringLiteral("1,1,0.4") << none;
        QTest::newRow("quoted header with units, time (s)")
            << QByteArray("\"time (s)\",\"Lead II (mV)\"\n0,1.5\n0.01,1.25\n") << 0.0 << none
            << 100.0 << QStringList{QStringLiteral("II:mV")} << 2 << QStringLiteral("0,1,1.25")
            << none;
        QTest::newRow("NaN, empty and text cells")
            << QByteArray("I,II\n1,NaN\n,2\nabc,3\n4,5\n") << 250.0 << QStringLiteral("mV") << 250.0
            << QStringList{QStringLiteral("I:mV"), QStringLiteral("II:mV")} << 4
            << QStringLiteral("0,0,1;1,0,nan;0,1,nan;0,2,nan;1,3,5") << QStringLiteral("3 cell(s)");
        QTest::newRow("short row is a gap, named")
            << QByteArray("I,II\n1,2\n3\n5,6\n") << 100.0 << QStringLiteral("mV") << 100.0
            << QStringList{QStringLiteral("I:mV"), QStringLiteral("II:mV")} << 3
            << QStringLiteral("0,1,3;1,1,nan;1,2,6") << QStringLiteral("line 3");
        QTest::newRow("trailing delimiters and blank lines")
            << QByteArray("I,II,\n1,2,\n\n3,4,\n") << 100.0 << QStringLiteral("mV") << 100.0
            << QStringList{QStringLiteral("I:mV"), QStringLiteral("II:mV")} << 2
            << QStringLiteral("1,1,4") << none;
        QTest::newRow("fs option overrides time column (warned)")
            << QByteArray("time_s,I\n0,1\n0.01,2\n") << 200.0 << QStringLiteral("mV") << 200.0
            << QStringList{QStringLiteral("I:mV")} << 2 << QStringLiteral("0,1,2")
            << QStringLiteral("100 Hz");
        QTest::newRow("unknown names kept")
            << QByteArray("MLII,vx,V1\n1,2,3\n") << 360.0 << QStringLiteral("mV") << 360.0
            << QStringList{QStringLiteral("MLII:mV"), QStringLiteral("vx:mV"),
                           QStringLiteral("V1:mV")}
            << 1 << QStringLiteral("2,0,3") << none;
        QTest::newRow("unnamed first column (pandas index) gets a name")
            << QByteArray(",I,II\n0,1,2\n1,3,4\n") << 100.0 << QStringLiteral("mV") << 100.0
            << QStringList{QStringLiteral("ch1:mV"), QStringLiteral("I:mV"),
                           QStringLiteral("II:mV")}
            << 2 << QStringLiteral("0,1,1;2,1,4") << none;
        QTest::newRow("comment lines before the header")
            << QByteArray("# exported by a cart\n# 10 s\nII\n1\n2\n") << 100.0
            << QStringLiteral("mV") << 100.0 << QStringList{QStringLiteral("II:mV")} << 2
            << QStringLiteral("0,1,2") << none;
    }
    void read()
    {
        QFETCH(QByteArray, content);
        QFETCH(double, fsOption);
        QFETCH(QString, unitOption);
        QFETCH(double, fs);
        QFETCH(QStringList, leads);
        QFETCH(int, samples);
        QFETCH(QString, checks);
        QFETCH(QString, warning);
        io::OpenOptions options;
        if (fsOption > 0)
            options.fsHz = fsOption;
        if (!unitOption.isEmpty())
            options.unit = unitOption.toStdString();
        const Result<Recording> r = io::open(write(content).toStdString(), options);
        QVERIFY2(r.ok(), r.error().c_str());
        QCOMPARE(r->fsHz, fs);
        QCOMPARE(int(r->leads.size()), int(leads.size()));
        for (int i = 0; i < leads.size(); ++i) {
            const Lead& lead = r->leads[std::size_t(i)];
            QCOMPARE(QString::fromStdString(lead.name + ":" + lead.unit), leads[i]);
            QCOMPARE(int(lead.size()), samples);
            QCOMPARE(lead.fsHz, fs);
        }
        for (const QString& check : checks.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const QStringList p = check.split(QLatin1Char(','));
            const float v = r->leads[std::size_t(p[0].toInt())].samples[std::size_t(p[1].toInt())];
            if (p[2] == QStringLiteral("nan"))
                QVERIFY2(std::isnan(v), qPrintable(check));
            else
                QVERIFY2(std::abs(v - p[2].toDouble()) < 1e-6, qPrintable(check));
        }
        QString all;
        for (const Message& w : r->warnings)
            all += QString::fromStdString(w.text) + QLatin1Char('\n');
        if (warning.isEmpty())
            QVERIFY2(all.isEmpty(), qPrintable(all));
        else
            QVERIFY2(all.contains(warning), qPrintable(all));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<double>("fsOption");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("no rate") << QByteArray("I,II\n1,2\n") << 0.0
                                 << QStringList{QStringLiteral("time column"),
                                                QStringLiteral("sampling rate")};
        QTest::newRow("header only")
            << QByteArray("I,II,III\n") << 500.0 << QStringList{QStringLiteral("no data rows")};
        QTest::newRow("header only CRLF")
            << QByteArray("I;II\r\n\r\n") << 500.0 << QStringList{QStringLiteral("no data rows")};
        QTest::newRow("too many values names the line")
            << QByteArray("I,II\n1,2\n1,2,3\n") << 500.0
            << QStringList{QStringLiteral("line 3"), QStringLiteral("3 values")};
        QTest::newRow("non-uniform time column")
            << QByteArray("time_s,I\n0,1\n0.01,2\n0.05,3\n0.06,4\n") << 0.0
            << QStringList{QStringLiteral("not uniformly spaced"), QStringLiteral("line 4")};
        QTest::newRow("time going backwards") << QByteArray("time_s,I\n1,1\n0.5,2\n") << 0.0
                                              << QStringList{QStringLiteral("does not increase")};
        QTest::newRow("only blank lines")
            << QByteArray("\n\n  \n") << 500.0 << QStringList{QStringLiteral("no text lines")};
        QTest::newRow("binary bytes") << QByteArray("I,II\n1,\0\x01\x02\n", 12) << 500.0
                                      << QStringList{QStringLiteral("binary")};
        QTest::newRow("negative fs option")
            << QByteArray("I\n1\n") << -5.0 << QStringList{QStringLiteral("not positive")};
    }
    void errors()
    {
        QFETCH(QByteArray, content);
        QFETCH(double, fsOption);
        QFETCH(QStringList, mentions);
        io::OpenOptions options;
        if (fsOption != 0)
            options.fsHz = fsOption;
        const QString path = write(content);
        const Result<Recording> r = io::open(path.toStdString(), options);
        QVERIFY(!r.ok());
        const QString msg = QString::fromStdString(r.error());
        QVERIFY2(msg.contains(path), qPrintable(msg));
        for (const QString& m : mentions)
            QVERIFY2(msg.contains(m), qPrintable(msg));
        // An interface can word it in its own language (app/report/engine_text.cpp).
        QVERIFY2(r.errorMessage() && r.errorMessage()->text == r.error(), qPrintable(msg));
    }

    void textExtension()
    {
        const Result<Recording> r =
            io::open(write(QByteArray("II (mV)\n1\n2\n"), QStringLiteral("txt")).toStdString(), [] {
                io::OpenOptions o;
                o.fsHz = 100;
                return o;
            }());
        QVERIFY2(r.ok(), r.error().c_str());
        QCOMPARE(QString::fromStdString(r->format), QStringLiteral("CSV"));
        QCOMPARE(r->leads.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(r->leads[0].name + ":" + r->leads[0].unit),
                 QStringLiteral("II:mV"));
    }

    /// 100 000 rows x 3 leads, to keep an eye on memory use and speed (~2 MB of text).
    void largeFile()
    {
        QByteArray text("time_ms,I,II,V5\n");
        for (int i = 0; i < 100000; ++i)
            text += QByteArray::number(i * 4) + ',' + QByteArray::number(i % 1000) + ",-" +
                    QByteArray::number(i % 7) + ",0.5\n";
        const Result<Recording> r = io::open(write(text).toStdString());
        QVERIFY2(r.ok(), r.error().c_str());
        QCOMPARE(r->fsHz, 250.0);
        QCOMPARE(r->sampleCount(), std::size_t(100000));
        QCOMPARE(r->leads[0].samples[99999], 999.0f);
        QCOMPARE(r->leads[1].samples[99999], -(99999 % 7) * 1.0f);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
