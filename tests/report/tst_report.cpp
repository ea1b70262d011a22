// The PDF report as a reader sees it: the file `ecglens-cli report` writes is read back with
// poppler-utils (page size, text) and rendered at 254 dpi (10 px per mm) to measure the grid and
// the calibration pulse. Values are compared with `measure --json` / `analyze --json`.

#include "ecg_paper.h"
#include "i18n.h"
#include "report.h"
#include "test_data.h"

#include "core/lead_names.h"
#include "io/messages.h"
#include "io/open.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFontDatabase>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPageSize>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unistd.h>
#include <vector>

namespace {

const QString kRecord = QStringLiteral("ptbxl/records500/00000/00001_hr");

using Run = ecglens::test::ProcessRun;

/// Runs `program`; `env` entries (NAME=value) are added to the environment.
Run run(const QString& program, const QStringList& args, const QStringList& env = {})
{
    return ecglens::test::runProcess(program, args, env);
}

Run runCli(const QStringList& args)
{
    return run(ecglens::test::cliPath(), args);
}

/// The text of `pdf` as `pdftotext -layout` gives it, blanks collapsed.
QString pdfText(const QString& pdf)
{
    return QString::fromUtf8(run(QStringLiteral("pdftotext"),
                                 {QStringLiteral("-layout"), pdf, QStringLiteral("-")})
                                 .out)
        .simplified();
}

/// `ecglens-cli report FILE --out PDF --no-saved-review`, read back as `pdftotext -layout` gives
/// it with blanks collapsed; "REPORT FAILED: …" when the command fails.
QString cliReportText(const QString& file, const QString& pdf)
{
    const Run r = runCli({QStringLiteral("report"), file, QStringLiteral("--out"), pdf,
                          QStringLiteral("--no-saved-review")});
    if (r.exitCode != 0)
        return QStringLiteral("REPORT FAILED: ") + QString::fromUtf8(r.err);
    return pdfText(pdf);
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Centres (px) of the lines whose pixels satisfy `on` along most of the other axis.
template <typename Pred> std::vector<double> lineCentres(const QImage& img, bool vertical, Pred on)
{
    const int n = vertical ? img.width() : img.height();
    const int m = vertical ? img.height() : img.width();
    std::vector<int> count(std::size_t(n), 0);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < m; ++j)
            if (on(vertical ? img.pixel(i, j) : img.pixel(j, i)))
                ++count[std::size_t(i)];
    const int peak = *std::max_element(count.begin(), count.end());
    std::vector<double> centres;
    for (int i = 0; i < n;) {
        if (count[std::size_t(i)] * 2 < peak) {
            ++i;
            continue;
        }
        double sum = 0, weight = 0;
        for (; i < n && count[std::size_t(i)] * 2 >= peak; ++i) {
            sum += double(i) * count[std::size_t(i)];
            weight += count[std::size_t(i)];
        }
        centres.push_back(sum / weight);
    }
    return centres;
}

std::string repeated(const std::string& sentence, int times)
{
    std::string out;
    for (int i = 0; i < times; ++i)
        out += sentence;
    return out;
}

bool majorGrid(QRgb c)
{
    return qRed(c) > 150 && qGreen(c) < 160 && qBlue(c) < 160 && qRed(c) - qGreen(c) > 50;
}

bool ink(QRgb c)
{
    return qRed(c) < 100 && qGreen(c) < 100 && qBlue(c) < 100;
}

/// Longest run of ink pixels in column x within [y0, y1); `firstRun` gets the first run's length.
int longestInkRun(const QImage& img, int x, int y0, int y1, int* firstRun = nullptr)
{
    int best = 0, current = 0;
    bool seen = false;
    for (int y = y0; y < y1; ++y) {
        if (ink(img.pixel(x, y))) {
            ++current;
            best = std::max(best, current);
        } else {
            if (current > 0 && !seen && firstRun) {
                *firstRun = current;
                seen = true;
            }
            current = 0;
        }
    }
    return best;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pdf;
    QString m_text;
    QJsonObject m_measure, m_analyze;
    QByteArray m_sourceHea, m_sourceDat;

    QString source(const char* ext) const
    {
        return ecglens::test::dataPath(kRecord) + QLatin1String(ext);
    }

    /// `ecglens-cli report` of the aECG example (formats/ecgtoolkit-Example.xml) with its
    /// patient's name "Clark" replaced by `name` (UTF-8): the PDF's path, or empty and why.
    QString reportWithAecgName(const QByteArray& name, const QString& base, QString& error)
    {
        QFile in(ecglens::test::dataPath(QStringLiteral("formats/ecgtoolkit-Example.xml")));
        if (!in.open(QIODevice::ReadOnly))
            return error = QStringLiteral("the aECG example cannot be read"), QString();
        QByteArray xml = in.readAll();
        if (xml.count("<name>Clark</name>") != 1)
            return error = QStringLiteral("the aECG example's name is not Clark"), QString();
        xml.replace("<name>Clark</name>", QByteArray("<name>" + name + "</name>"));
        const QString path = m_dir.filePath(base + QStringLiteral(".xml"));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(xml) != xml.size())
            return error = QStringLiteral("cannot write ") + path, QString();
        out.close();
        const QString pdf = m_dir.filePath(base + QStringLiteral(".pdf"));
        const Run r = runCli({QStringLiteral("report"), path, QStringLiteral("--out"), pdf,
                              QStringLiteral("--no-saved-review")});
        if (r.exitCode != 0)
            return error = QString::fromUtf8(r.err), QString();
        return pdf;
    }

    /// The report of the first test: the patient in the file is 56 / female; the options
    /// override both, as in analyze.
    QStringList reportArgs(const QString& out) const
    {
        return {QStringLiteral("report"),     source(".hea"),
                QStringLiteral("--out"),      out,
                QStringLiteral("--age"),      QStringLiteral("71"),
                QStringLiteral("--sex"),      QStringLiteral("M"),
                QStringLiteral("--reviewer"), QStringLiteral("Dr Ada Test"),
                QStringLiteral("--decision"), QStringLiteral("agree with verdict"),
                QStringLiteral("--note"),     QStringLiteral("follow-up in 6 months")};
    }

    /// Page `page` of `pdf` rendered at 254 dpi (10 px per mm) by pdftoppm as `name`.png in the
    /// test's folder; a null image when it could not be rendered.
    QImage pageImage(const QString& pdf, const QString& name, int page = 1) const
    {
        const QString prefix = m_dir.filePath(name);
        const QString n = QString::number(page);
        const Run r = run(QStringLiteral("pdftoppm"),
                          {QStringLiteral("-r"), QStringLiteral("254"), QStringLiteral("-f"), n,
                           QStringLiteral("-l"), n, QStringLiteral("-singlefile"),
                           QStringLiteral("-png"), pdf, prefix});
        return r.exitCode == 0 ? QImage(prefix + QStringLiteral(".png")) : QImage();
    }

    /// Page 1 of `pdf` rendered at 254 dpi (10 px per mm): 5 mm major grid lines 50 px apart and
    /// a 1 mV calibration pulse 100 px high (10 mm/mV), on a landscape sheet `sheetWidthMm` wide
    /// (A4 297 mm, ISO 216; US Letter 279.4 mm, ANSI/ASME Y14.1) with the 260 mm grid centred.
    void verifyTrueScale(const QString& pdf, const QString& name, double sheetWidthMm = 297.0)
    {
        const QImage img = pageImage(pdf, name);
        QVERIFY2(!img.isNull(), "pdftoppm did not render page 1");
        QVERIFY2(std::abs(img.width() - sheetWidthMm * 10.0) <= 1.0,
                 qPrintable(QStringLiteral("page %1 px wide").arg(img.width())));

        const auto xs = lineCentres(img, true, majorGrid);
        const auto ys = lineCentres(img, false, majorGrid);
        QVERIFY2(xs.size() >= 20 && ys.size() >= 10,
                 qPrintable(QStringLiteral("%1 / %2 major lines").arg(xs.size()).arg(ys.size())));
        // 260 mm of grid (52 squares), as far from the left edge as from the right.
        QVERIFY2(std::abs(xs.back() - xs.front() - 2600.0) <= 2.0,
                 qPrintable(QStringLiteral("grid %1 px wide").arg(xs.back() - xs.front())));
        const double margin = (sheetWidthMm * 10.0 - 2600.0) / 2.0;
        QVERIFY2(std::abs(xs.front() - margin) <= 2.0 &&
                     std::abs(img.width() - xs.back() - margin) <= 2.0,
                 qPrintable(QStringLiteral("grid from %1 to %2 px on a %3 px page")
                                .arg(xs.front())
                                .arg(xs.back())
                                .arg(img.width())));
        for (const auto* lines : {&xs, &ys})
            for (std::size_t i = 1; i < lines->size(); ++i) {
                const double gap = (*lines)[i] - (*lines)[i - 1];
                QVERIFY2(std::abs(gap - 50.0) <= 1.0,
                         qPrintable(QStringLiteral("major grid spacing %1 px").arg(gap)));
            }

        // Calibration pulses stand in the first 10 mm of each row, left of every trace: the
        // rising edge's ink run is height + line width; the top's ink run is the line width.
        const int left = int(xs.front()), top = int(ys.front()), bottom = int(ys.back());
        int bestX = -1, bestRun = 0;
        for (int x = left + 2; x < left + 100; ++x) {
            const int run = longestInkRun(img, x, top, bottom);
            if (run > bestRun) {
                bestRun = run;
                bestX = x;
            }
        }
        int width = 0;
        longestInkRun(img, bestX + 25, top, bottom, &width);
        QVERIFY2(width > 0 && width < 6, qPrintable(QStringLiteral("line width %1").arg(width)));
        const int height = bestRun - width;
        QVERIFY2(std::abs(height - 100) <= 2,
                 qPrintable(QStringLiteral("calibration pulse %1 px").arg(height)));
    }

private slots:
    void initTestCase()
    {
        for (const char* tool : {"pdfinfo", "pdftotext", "pdftoppm"})
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                QFAIL(qPrintable(QStringLiteral("%1 not found: install poppler-utils (bash "
                                                "packaging/install-deps.sh)")
                                     .arg(QString::fromLatin1(tool))));
        ECGLENS_REQUIRE_DATA(kRecord + QStringLiteral(".hea"));
        QVERIFY(m_dir.isValid());
        // As the applications do: English plural forms ("6 days earlier").
        QCOMPARE(ecglens::installTranslations(*qApp, QStringLiteral("en")), QString());
        m_sourceHea = fileBytes(source(".hea"));
        m_sourceDat = fileBytes(source(".dat"));
        QVERIFY(!m_sourceDat.isEmpty());

        m_pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        const Run r = runCli(reportArgs(m_pdf));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const Run t = run(QStringLiteral("pdftotext"), {m_pdf, QStringLiteral("-")});
        QCOMPARE(t.exitCode, 0);
        m_text = QString::fromUtf8(t.out);

        const Run m = runCli({QStringLiteral("measure"), source(".hea"), QStringLiteral("--json")});
        QVERIFY2(m.exitCode == 0, m.err.constData());
        m_measure = QJsonDocument::fromJson(m.out).object();
        const Run a = runCli({QStringLiteral("analyze"), source(".hea"), QStringLiteral("--age"),
                              QStringLiteral("71"), QStringLiteral("--sex"), QStringLiteral("M"),
                              QStringLiteral("--json")});
        QVERIFY2(a.exitCode == 0, a.err.constData());
        m_analyze = QJsonDocument::fromJson(a.out).object();
    }

    void pageSizeIsA4()
    {
        const Run r = run(QStringLiteral("pdfinfo"), {m_pdf});
        QCOMPARE(r.exitCode, 0);
        const QString info = QString::fromUtf8(r.out);
        QVERIFY2(info.contains(QStringLiteral("842 x 595 pts (A4)")), qPrintable(info));
        const QRegularExpression pages(QStringLiteral("Pages:\\s+(\\d+)"));
        QVERIFY(pages.match(info).captured(1).toInt() >= 2); // ECG page + details
        QVERIFY(m_text.contains(QStringLiteral("page 1 of ")));
    }

    void textShowsTheAppsValues()
    {
        QVERIFY2(m_text.contains(QStringLiteral("age 71 years")), qPrintable(m_text));
        QVERIFY(m_text.contains(QStringLiteral("sex male")));
        QVERIFY(m_text.contains(QStringLiteral("ID 15709")));

        // The verdict probability as the verdict banner formats it.
        const double p = m_analyze.value(QStringLiteral("probability")).toDouble(-1);
        QVERIFY(p >= 0 && p <= 1);
        const QString percent = QLocale().toString(100.0 * p, 'f', 1) + QStringLiteral(" %");
        QVERIFY2(m_text.contains(QStringLiteral("probability of an abnormal ECG ") + percent),
                 qPrintable(percent));
        // Page 1 says what the verdict was decided against (the analysis's age-group threshold).
        const QJsonObject thresholds = m_analyze.value(QStringLiteral("thresholds")).toObject();
        const QString anomalous =
            QLocale().toString(100.0 * thresholds.value(QStringLiteral("anomalous")).toDouble(-1),
                               'f', 1) +
            QStringLiteral(" %");
        const QString basis =
            QStringLiteral("(anomalous from %1, age group %2)")
                .arg(anomalous, thresholds.value(QStringLiteral("age_group")).toString());
        QVERIFY2(m_text.contains(basis), qPrintable(basis));
        QVERIFY(m_text.contains(m_analyze.value(QStringLiteral("model"))
                                    .toObject()
                                    .value(QStringLiteral("version"))
                                    .toString()));

        // Heart rate: the measurements panel shows whole bpm; measure --json one decimal.
        const double hr = m_measure.value(QStringLiteral("heart_rate_bpm")).toDouble(-1);
        QVERIFY(hr > 20);
        const auto match = QRegularExpression(QStringLiteral("HR (\\d+) bpm")).match(m_text);
        QVERIFY2(match.hasMatch(), qPrintable(m_text));
        QVERIFY2(std::abs(match.captured(1).toDouble() - hr) <= 0.55,
                 qPrintable(match.captured(0) + QStringLiteral(" vs %1").arg(hr)));

        // ST at J+60 ms per lead as measure --json gives it, with a true minus.
        const QJsonArray levels = m_measure.value(QStringLiteral("st_levels")).toArray();
        QCOMPARE(levels.size(), 12);
        const QString st = ecglens::test::stLevelsText(levels);
        QVERIFY(m_text.contains(QStringLiteral("ST at J+60 ms")));
        QVERIFY2(m_text.simplified().contains(st + QStringLiteral(" mV, relative to the level")),
                 qPrintable(st));

        // Traceability: the SHA-256 of the recording, its header then its signal file (what
        // `cat 00001_lr.hea 00001_lr.dat | sha256sum` prints), with the files it covers.
        const QByteArray sha = QCryptographicHash::hash(QByteArray(m_sourceHea + m_sourceDat),
                                                        QCryptographicHash::Sha256)
                                   .toHex();
        QVERIFY2(m_text.contains(QString::fromLatin1(sha) + QStringLiteral(" (of ") +
                                 QFileInfo(source(".hea")).fileName() + QStringLiteral(" + ") +
                                 QFileInfo(source(".dat")).fileName()),
                 qPrintable(m_text));

        QVERIFY(m_text.contains(QStringLiteral("Dr Ada Test")));
        QVERIFY(m_text.contains(QStringLiteral("agree with verdict")));
        // Page 1 says who confirmed the ECG and when (the CLI stamps the time of writing).
        const auto confirmed =
            QRegularExpression(
                QStringLiteral("agree with verdict \u00b7 reviewed by Dr Ada "
                               "Test \u00b7 (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d) UTC"))
                .match(m_text);
        QVERIFY2(confirmed.hasMatch(), qPrintable(m_text.left(600)));
        QDateTime reviewed =
            QDateTime::fromString(confirmed.captured(1), QStringLiteral("yyyy-MM-dd HH:mm"));
        QVERIFY(reviewed.isValid());
        reviewed.setTimeZone(QTimeZone::utc());
        QVERIFY2(std::abs(reviewed.secsTo(QDateTime::currentDateTimeUtc())) < 15 * 60,
                 qPrintable(confirmed.captured(1)));
        QVERIFY(m_text.contains(QStringLiteral("follow-up in 6 months")));
        QVERIFY(m_text.contains(QStringLiteral(
            "Decision support, not a diagnosis. Must be reviewed by a qualified clinician.")));
        QVERIFY(m_text.contains(QStringLiteral(
            "Model trained on PTB-XL (Wagner et al., Scientific Data 2020), CC BY 4.0")));
        QVERIFY(m_text.contains(QStringLiteral("ECG Lens ")));
    }

    void gridAndCalibrationAreTrueScale() { verifyTrueScale(m_pdf, QStringLiteral("page")); }

    void printerGetsTheSamePages()
    {
        // File > Print draws with renderReport on a QPrinter. A printer writing PDF (as "print to
        // file" does) gets the pages of the exported report: same count and text, on the
        // report's paper (A4 here) whatever the printer was set to before, true scale. (The
        // window takes the print dialog's paper when it is A4 or Letter: tst_review.)
        const auto recording = ecglens::io::open(source(".hea").toStdString());
        QVERIFY2(recording.ok(), recording.error().c_str());
        ecglens::report::ReportInput input(*recording);
        const ecglens::dsp::ConditionOptions conditioning;
        input.displaySignal = ecglens::dsp::condition(*recording, conditioning);
        QVERIFY(input.displaySignal.has_value());
        input.displayFilters = ecglens::report::conditioningText(conditioning);
        input.detectionMessage = "not run";
        input.decision = ecglens::report::ReviewDecision{"abnormal", "recheck", "Dr Print", ""};
        const QString exported = m_dir.filePath(QStringLiteral("exported.pdf"));
        const auto written = ecglens::report::writeReport(input, exported);
        QVERIFY2(written.ok(), written.error().c_str());

        const QString printed = m_dir.filePath(QStringLiteral("printed.pdf"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(printed);
        printer.setFullPage(true);
        printer.setPageSize(QPageSize(QPageSize::Letter));
        const auto drawn = ecglens::report::renderReport(input, printer);
        QVERIFY2(drawn.ok(), drawn.error().c_str());

        const QRegularExpression pagesRe(QStringLiteral("Pages:\\s+(\\d+)"));
        const QString exportedInfo =
            QString::fromUtf8(run(QStringLiteral("pdfinfo"), {exported}).out);
        const QString printedInfo =
            QString::fromUtf8(run(QStringLiteral("pdfinfo"), {printed}).out);
        QVERIFY2(printedInfo.contains(QStringLiteral("842 x 595 pts (A4)")),
                 qPrintable(printedInfo));
        QCOMPARE(pagesRe.match(printedInfo).captured(1).toInt(), *drawn);
        QCOMPARE(pagesRe.match(exportedInfo).captured(1).toInt(), *drawn);
        QVERIFY(*drawn >= 2);

        // The same words on every page but the time stamp of the first.
        auto text = [](const QString& pdf) {
            QString t =
                QString::fromUtf8(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out);
            return t.replace(QRegularExpression(QStringLiteral("Generated \\S+")), QString());
        };
        const QString printedText = text(printed);
        QVERIFY(printedText.contains(QStringLiteral("Dr Print")));
        QVERIFY(printedText.contains(ecglens::report::disclaimerText()));
        QCOMPARE(printedText, text(exported));
        verifyTrueScale(printed, QStringLiteral("printed"));

        // A printer that cannot start (its output is a folder) is an error, not a blank job.
        QPrinter broken(QPrinter::HighResolution);
        broken.setOutputFormat(QPrinter::PdfFormat);
        broken.setOutputFileName(m_dir.path());
        broken.setFullPage(true);
        const auto refused = ecglens::report::renderReport(input, broken);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().find("Cannot start drawing") != std::string::npos,
                 refused.error().c_str());
    }

    /// US Letter (Tools > Report paper, --paper letter): the same pages centred on the
    /// narrower sheet, still true scale.
    void letterPaper()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("letter.pdf"));
        const Run r =
            runCli(reportArgs(pdf) << QStringLiteral("--paper") << QStringLiteral("letter"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString info = QString::fromUtf8(run(QStringLiteral("pdfinfo"), {pdf}).out);
        QVERIFY2(info.contains(QStringLiteral("792 x 612 pts (letter)")), qPrintable(info));
        verifyTrueScale(pdf, QStringLiteral("letter"), 279.4);
        // Every page's text is where it is on A4, 8.8 mm further left: the same words.
        auto text = [](const QString& file) {
            return QString::fromUtf8(
                       run(QStringLiteral("pdftotext"), {file, QStringLiteral("-")}).out)
                .replace(QRegularExpression(QStringLiteral("Generated \\S+")), QString())
                // the review's time stamp (made when each report was written)
                .replace(
                    QRegularExpression(QStringLiteral("\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d\\S*")),
                    QString());
        };
        QCOMPARE(text(pdf), text(m_pdf));
        // The text pages keep their margins on the narrower sheet: the last page's words all
        // lie on the page, the leftmost 9.7 mm (12.5 mm on A4 less 8.8) from the edge.
        const QRegularExpression xMin(QStringLiteral("xMin=\"([0-9.]+)\""));
        const QRegularExpression xMax(QStringLiteral("xMax=\"([0-9.]+)\""));
        const QString boxes = QString::fromUtf8(
            run(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), QStringLiteral("-f"),
                                              QStringLiteral("2"), pdf, QStringLiteral("-")})
                .out);
        double left = 1e9, right = 0;
        for (auto it = xMin.globalMatch(boxes); it.hasNext();)
            left = std::min(left, it.next().captured(1).toDouble());
        for (auto it = xMax.globalMatch(boxes); it.hasNext();)
            right = std::max(right, it.next().captured(1).toDouble());
        const double ptPerMm = 72.0 / 25.4;
        QVERIFY2(
            left / ptPerMm > 9.0 && left / ptPerMm < 10.5 && right / ptPerMm < 279.4 - 9.0,
            qPrintable(
                QStringLiteral("text from %1 to %2 mm").arg(left / ptPerMm).arg(right / ptPerMm)));

        const Run bad = runCli({QStringLiteral("report"), source(".hea"), QStringLiteral("--out"),
                                m_dir.filePath(QStringLiteral("a3.pdf")), QStringLiteral("--paper"),
                                QStringLiteral("a3")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--paper a3: not a4 or letter"), bad.err.constData());

        // Without --paper the CLI takes the window's setting (Tools > Report paper), here a
        // user's settings file saying letter.
        QTemporaryDir config;
        QVERIFY(QDir(config.path()).mkpath(QStringLiteral("ECG Lens")));
        {
            QSettings s(config.filePath(QStringLiteral("ECG Lens/ecglens.conf")),
                        QSettings::IniFormat);
            s.setValue(QStringLiteral("report/paper"), QStringLiteral("letter"));
        }
        const QString configured = m_dir.filePath(QStringLiteral("configured.pdf"));
        const Run c = run(ecglens::test::cliPath(),
                          {QStringLiteral("report"), source(".hea"), QStringLiteral("--out"),
                           configured, QStringLiteral("--no-analysis")},
                          {QStringLiteral("XDG_CONFIG_HOME=") + config.path()});
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QVERIFY(QString::fromUtf8(run(QStringLiteral("pdfinfo"), {configured}).out)
                    .contains(QStringLiteral("(letter)")));
    }

    /// A clinician's caliper measurement is marked on the ECG page where it was made: lead II
    /// from 1.0 to 1.5 s is drawn on lead II's 3 x 4 column (0-2.5 s) and on the lead II rhythm
    /// strip, blue lines at 18.5 + 10 + 25 x t mm: 535 and 660 px at 254 dpi.
    void caliperMarksOnThePaper()
    {
        const auto recording = ecglens::io::open(source(".hea").toStdString());
        QVERIFY2(recording.ok(), recording.error().c_str());
        ecglens::report::ReportInput input(*recording);
        input.detectionMessage = "not run";
        input.calipers.push_back({"QT interval", "500 ms", "QT 500 ms", "Dr Mark",
                                  "2026-12-04T10:00:00Z", "II", 1.0, 1.5});
        const QString pdf = m_dir.filePath(QStringLiteral("marks.pdf"));
        const auto written = ecglens::report::writeReport(input, pdf);
        QVERIFY2(written.ok(), written.error().c_str());
        const QImage img = pageImage(pdf, QStringLiteral("marks"));
        QVERIFY2(!img.isNull(), "pdftoppm did not render page 1");
        std::vector<int> blue(std::size_t(img.width()), 0);
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) {
                const QRgb c = img.pixel(x, y);
                if (qBlue(c) > 150 && qRed(c) < 90 && qGreen(c) < 150)
                    ++blue[std::size_t(x)];
            }
        const auto around = [&](int x) {
            return *std::max_element(blue.begin() + x - 3, blue.begin() + x + 4);
        };
        // Two rows, each line 9 mm above the row's top to 4 mm below its baseline: ~175 px.
        for (const int x : {535, 660})
            QVERIFY2(around(x) > 250,
                     qPrintable(QStringLiteral("%1 blue px at x %2").arg(around(x)).arg(x)));
        // Between them only the bars and the label; nothing blue away from the mark.
        QVERIFY2(around(600) < 80, qPrintable(QString::number(around(600))));
        QCOMPARE(*std::max_element(blue.begin() + 700, blue.end()), 0);
        QCOMPARE(*std::max_element(blue.begin(), blue.begin() + 520), 0);
    }

    /// Letter where offices use it (the United States and its territories, Canada, Mexico, the
    /// Philippines, Chile, Colombia), ISO 216 A4 elsewhere; names and print-dialog sizes.
    void paperByCountry()
    {
        using ecglens::report::Paper;
        for (const QLocale::Territory t : {QLocale::UnitedStates, QLocale::PuertoRico,
                                           QLocale::Canada, QLocale::Mexico, QLocale::Philippines})
            QCOMPARE(ecglens::report::paperForTerritory(t), Paper::Letter);
        for (const QLocale::Territory t :
             {QLocale::Germany, QLocale::UnitedKingdom, QLocale::France, QLocale::Japan,
              QLocale::Australia, QLocale::India, QLocale::AnyTerritory})
            QCOMPARE(ecglens::report::paperForTerritory(t), Paper::A4);
        QCOMPARE(ecglens::report::paperFromName(QStringLiteral("LETTER")), Paper::Letter);
        QCOMPARE(ecglens::report::paperFromName(QStringLiteral("a4")), Paper::A4);
        QVERIFY(!ecglens::report::paperFromName(QStringLiteral("a3")));
        QVERIFY(!ecglens::report::paperFromName(QString()));
        QCOMPARE(ecglens::report::paperOf(QPageSize(QPageSize::Letter)), Paper::Letter);
        QCOMPARE(ecglens::report::paperOf(QPageSize(QPageSize::A4)), Paper::A4);
        QVERIFY(!ecglens::report::paperOf(QPageSize(QPageSize::Legal)));
        const QSizeF letter = ecglens::report::reportPageLayout(Paper::Letter)
                                  .fullRect(QPageLayout::Millimeter)
                                  .size();
        QVERIFY(std::abs(letter.width() - 279.4) < 0.1 && std::abs(letter.height() - 215.9) < 0.1);
    }

    void failedWriteLeavesExistingReport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(QFile::copy(m_pdf, target));
        const QByteArray before = fileBytes(target);
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner |
                                                      QFile::ReadOther | QFile::ExeOther |
                                                      QFile::ReadGroup | QFile::ExeGroup));
        QStringList args = {QStringLiteral("report"), source(".hea"), QStringLiteral("--out"),
                            target, QStringLiteral("--no-analysis")};
        Run r;
        if (geteuid() == 0) {
            // Root writes through any permission: try as the unprivileged user instead.
            const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
            if (setpriv.isEmpty())
                QFAIL("running as root: setpriv (util-linux) is needed to write as nobody");
            r = run(setpriv,
                    QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                QStringLiteral("--clear-groups"), ecglens::test::cliPath()} +
                        args);
        } else {
            r = runCli(args);
        }
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY2(r.exitCode == 2, r.err.constData());
        QVERIFY2(r.err.contains("Cannot write the report to"), r.err.constData());
        QCOMPARE(fileBytes(target), before);
    }

    void sourceRecordingUnchanged()
    {
        // initTestCase wrote a report (and measure/analyze read the record) meanwhile.
        QCOMPARE(fileBytes(source(".hea")), m_sourceHea);
        QCOMPARE(fileBytes(source(".dat")), m_sourceDat);
    }

    void extraLeadsGetTheirOwnRows()
    {
        // PTB's 15 leads: the 12 standard ones on the 3 x 4 page, Frank vx vy vz on the next.
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/s0010_re.hea"));
        const auto recording = ecglens::io::open(
            ecglens::test::dataPath(QStringLiteral("wfdb-samples/s0010_re.hea")).toStdString());
        QVERIFY2(recording.ok(), recording.error().c_str());
        QCOMPARE(recording->leads.size(), std::size_t(15));
        ecglens::report::ReportInput input(*recording);
        const QString pdf = m_dir.filePath(QStringLiteral("ptb.pdf"));
        const auto written = ecglens::report::writeReport(input, pdf);
        QVERIFY2(written.ok(), written.error().c_str());
        auto pageText = [&](int page) {
            const QString n = QString::number(page);
            return QString::fromUtf8(
                run(QStringLiteral("pdftotext"),
                    {QStringLiteral("-f"), n, QStringLiteral("-l"), n, pdf, QStringLiteral("-")})
                    .out);
        };
        const QString first = pageText(1), second = pageText(2);
        for (const char* lead : {"aVR", "V1", "V6"})
            QVERIFY2(first.contains(QLatin1String(lead)), qPrintable(first));
        QVERIFY(!first.contains(QStringLiteral("vx")));
        for (const char* lead : {"vx", "vy", "vz"})
            QVERIFY2(second.contains(QLatin1String(lead)), qPrintable(second));
    }

    /// Leads outside the 3 x 4 page get one row each, at most 5 a page, shared evenly: a
    /// monitor record with 3 ECG leads and 3 other signals is printed 3 + 3, not 5 + 1.
    void ecgLayoutSharesPagesEvenly()
    {
        auto recording = [](const std::vector<std::string>& names) {
            ecglens::Recording r;
            r.fsHz = 100;
            for (const std::string& n : names) {
                ecglens::Lead l;
                l.name = n;
                l.fsHz = 100;
                l.samples.assign(1000, 0.0f);
                r.leads.push_back(l);
            }
            return r;
        };
        auto rowsPerPage = [](const ecglens::Recording& r) {
            std::vector<int> rows;
            for (const ecglens::report::PaperPage& p : ecglens::report::ecgLayout(r))
                rows.push_back(int(p.rows.size()));
            return rows;
        };
        auto named = [](int n) {
            std::vector<std::string> names;
            for (int i = 1; i <= n; ++i)
                names.push_back("ch" + std::to_string(i));
            return names;
        };
        QCOMPARE(rowsPerPage(recording(named(1))), (std::vector<int>{1}));
        QCOMPARE(rowsPerPage(recording(named(5))), (std::vector<int>{5}));
        QCOMPARE(rowsPerPage(recording(named(6))), (std::vector<int>{3, 3}));
        QCOMPARE(rowsPerPage(recording(named(7))), (std::vector<int>{4, 3}));
        QCOMPARE(rowsPerPage(recording(named(11))), (std::vector<int>{4, 4, 3}));
        // mixedsignals' order: II, III, V on the first page, ABP, Pleth, Resp on the second.
        const ecglens::Recording mixed = recording({"II", "III", "V", "ABP", "Pleth", "Resp"});
        const auto pages = ecglens::report::ecgLayout(mixed);
        QCOMPARE(pages.size(), std::size_t(2));
        QCOMPARE(pages[1].rows.front().segments.front().label, QStringLiteral("ABP"));
        // The 12 standard leads and the Frank leads (s0010_re): the 3 x 4 page, then vx, vy, vz.
        std::vector<std::string> frank(ecglens::kStandardLeads.begin(),
                                       ecglens::kStandardLeads.end());
        frank.insert(frank.end(), {"vx", "vy", "vz"});
        QCOMPARE(rowsPerPage(recording(frank)), (std::vector<int>{4, 3}));
    }

    /// A recording with two limb leads is printed with the other four computed, as the viewer
    /// draws it: mixedsignals (II, III, V, ABP, Pleth, Resp) gets I, aVR, aVL, aVF labelled
    /// "(computed)", the limb leads first in conventional order, and the explanation's segments
    /// on computed leads are shaded on the ECG pages (none is "not on the ECG pages"); the ST
    /// levels list the computed leads too, in the pages' order.
    void computedLeadsOnTheEcgPages()
    {
        const QString rel = QStringLiteral("wfdb-samples/mixedsignals.hea");
        ECGLENS_REQUIRE_DATA(rel);
        const QString pdf = m_dir.filePath(QStringLiteral("computed.pdf"));
        const QString text = cliReportText(ecglens::test::dataPath(rel), pdf);
        QVERIFY2(!text.startsWith(QLatin1String("REPORT FAILED")), qPrintable(text));
        const QString first =
            QString::fromUtf8(
                run(QStringLiteral("pdftotext"),
                    {QStringLiteral("-layout"), QStringLiteral("-f"), QStringLiteral("1"),
                     QStringLiteral("-l"), QStringLiteral("1"), pdf, QStringLiteral("-")})
                    .out)
                .simplified();
        QVERIFY2(first.contains(QStringLiteral(
                     "I (computed) II III aVR (computed) aVL (computed) Decision support")),
                 qPrintable(first));
        QVERIFY2(text.contains(QStringLiteral("aVF (computed) V ABP (")), qPrintable(text));
        // The ST levels of the computed leads too, in the order of the ECG pages.
        const QRegularExpression st(QStringLiteral(
            "ST at J\\+60 ms I \\(computed\\) \\S+ · II \\S+ · III \\S+ · aVR \\(computed\\) "
            "\\S+ · aVL \\(computed\\) \\S+ · aVF \\(computed\\) \\S+ · V \\S+ mV"));
        QVERIFY2(st.match(text).hasMatch(), qPrintable(text));
        // The explanation lists segments on computed leads, each on an ECG page.
        const QRegularExpression computedSegment(
            QStringLiteral("Strongest segments .*\\[\\d\\] (I|aVR|aVL|aVF) \\(computed\\) \\d"));
        QVERIFY2(computedSegment.match(text).hasMatch(), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("not on the ECG pages")), qPrintable(text));
    }

    /// PTB-XL 00180 at 500 Hz (statement CLBBB): the report lists the left bundle branch block
    /// finding and its advice item, and the QTc row carries the QTc of Bogossian's modified QT
    /// (a formula published for left bundle branch block), as `measure --json` gives it (worked
    /// here again from its QT, QRS and RR), which the advice grades instead of the plain QTc
    /// (550 ms there). A sinus ECG's `measure --json` has none.
    void lbbbQtcInTheReport()
    {
        const QString rel = QStringLiteral("ptbxl/records500/00000/00180_hr.hea");
        ECGLENS_REQUIRE_DATA(rel);
        const QString text =
            cliReportText(ecglens::test::dataPath(rel), m_dir.filePath(QStringLiteral("lbbb.pdf")))
                .simplified();
        QVERIFY2(!text.startsWith(QLatin1String("REPORT FAILED")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("QRS shaped as left bundle branch block: QRS ")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Consider QRS shaped as left bundle branch block")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("Prompt QTc above 500 ms")), qPrintable(text));
        const Run m = runCli(
            {QStringLiteral("measure"), ecglens::test::dataPath(rel), QStringLiteral("--json")});
        QCOMPARE(m.exitCode, 0);
        const QJsonObject mj = QJsonDocument::fromJson(m.out).object();
        const double bogossian = mj[QStringLiteral("qtc_bogossian_ms")].toDouble();
        const double worked = (mj[QStringLiteral("qt_ms")].toDouble() -
                               0.485 * mj[QStringLiteral("qrs_ms")].toDouble()) /
                              std::cbrt(mj[QStringLiteral("rr_mean_ms")].toDouble() / 1000.0);
        QVERIFY2(std::abs(bogossian - worked) < 0.1, qPrintable(QString::number(worked)));
        QVERIFY(mj[QStringLiteral("qtc_fridericia_ms")].toDouble() > 500.0);
        QVERIFY(bogossian < 500.0);
        const QRegularExpression qtcRow(
            QStringLiteral("\u00b7 (\\d+) ms \\(left bundle branch block QRS, Bogossian: QT "
                           "less 48\\.5 % of QRS, then Fridericia\\)"));
        const auto row = qtcRow.match(text);
        QVERIFY2(row.hasMatch(), qPrintable(text));
        QVERIFY2(std::abs(row.captured(1).toDouble() - bogossian) <= 0.55,
                 qPrintable(row.captured(0)));
        QVERIFY(!text.contains(QStringLiteral("paced beats, Bogossian")));
        const QString sinusRel = QStringLiteral("ptbxl/records500/00000/00001_hr.hea");
        ECGLENS_REQUIRE_DATA(sinusRel);
        const Run sinus = runCli({QStringLiteral("measure"), ecglens::test::dataPath(sinusRel),
                                  QStringLiteral("--json")});
        QCOMPARE(sinus.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(sinus.out)
                    .object()[QStringLiteral("qtc_bogossian_ms")]
                    .isNull());
    }

    /// PTB-XL 00143 at 500 Hz (statement PACE): the report lists the pacemaker finding, repeats
    /// it beside the detector's verdict as the window's banner does, and carries the advice item.
    void pacemakerSpikesInTheReport()
    {
        const QString rel = QStringLiteral("ptbxl/records500/00000/00143_hr.hea");
        ECGLENS_REQUIRE_DATA(rel);
        const QString text = cliReportText(ecglens::test::dataPath(rel),
                                           m_dir.filePath(QStringLiteral("paced.pdf")));
        QVERIFY2(!text.startsWith(QLatin1String("REPORT FAILED")), qPrintable(text));
        for (const char* expected :
             {"\u2022 Pacemaker spikes before 12 of 12 beats, first at 0:00.3",
              "Warning pacemaker spikes before 12 of 12 beats: the detector's verdict does not "
              "apply to paced beats",
              "Consider Pacemaker spikes: read paced beats apart"})
            QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);
        QVERIFY(text.contains(QStringLiteral("(magenta ticks above the traces on the ECG pages)")));
        // Every beat paced: the QTc row also has the QTc of Bogossian's modified QT, which the
        // advice grades on paced beats, as `measure --json` computes it from its QT, QRS and RR
        // (worked here again); a sinus ECG has no such value.
        const Run m = runCli(
            {QStringLiteral("measure"), ecglens::test::dataPath(rel), QStringLiteral("--json")});
        QCOMPARE(m.exitCode, 0);
        const QJsonObject mj = QJsonDocument::fromJson(m.out).object();
        const double bogossian = mj[QStringLiteral("pacemaker_spikes")]
                                     .toObject()[QStringLiteral("qtc_bogossian_ms")]
                                     .toDouble();
        const double worked = (mj[QStringLiteral("qt_ms")].toDouble() -
                               0.485 * mj[QStringLiteral("qrs_ms")].toDouble()) /
                              std::cbrt(mj[QStringLiteral("rr_mean_ms")].toDouble() / 1000.0);
        QVERIFY2(std::abs(bogossian - worked) < 0.1, qPrintable(QString::number(worked)));
        const QRegularExpression qtcRow(QStringLiteral(
            "\u00b7 (\\d+) ms \\(paced beats, Bogossian: QT less 48\\.5 % of QRS, then "
            "Fridericia\\)"));
        const auto row = qtcRow.match(text.simplified());
        QVERIFY2(row.hasMatch(), qPrintable(text));
        QVERIFY2(std::abs(row.captured(1).toDouble() - bogossian) <= 0.55,
                 qPrintable(row.captured(0)));
        // The ticks on page 1 (rendered by pdftoppm at 10 px per mm): in the stimulus colour,
        // 2.5 mm (25 px) tall, one per stimulus on every trace row; none on 00001 (sinus).
        auto stimulusColumns = [&](const QString& pdf, const QString& name) {
            const QImage img = pageImage(pdf, name);
            std::set<int> columns;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x) {
                    const QColor c = img.pixelColor(x, y);
                    if (std::abs(c.red() - 190) < 30 && c.green() < 40 &&
                        std::abs(c.blue() - 190) < 30)
                        columns.insert(x);
                }
            return columns;
        };
        const auto paced = stimulusColumns(m_dir.filePath(QStringLiteral("paced.pdf")),
                                           QStringLiteral("paced_page"));
        QVERIFY2(paced.size() >= 12, qPrintable(QString::number(paced.size())));
        const QString sinusRel = QStringLiteral("ptbxl/records500/00000/00001_hr.hea");
        ECGLENS_REQUIRE_DATA(sinusRel);
        const QString sinusPdf = m_dir.filePath(QStringLiteral("sinus.pdf"));
        const QString sinusText = cliReportText(ecglens::test::dataPath(sinusRel), sinusPdf);
        QVERIFY(!sinusText.startsWith(QLatin1String("REPORT FAILED")));
        QVERIFY(!sinusText.contains(QStringLiteral("Bogossian")));
        QVERIFY(stimulusColumns(sinusPdf, QStringLiteral("sinus_page")).empty());
    }

    /// `report --fhir`: PTB-XL 00143 (500 Hz) as an HL7 FHIR R4 transaction Bundle. Every entry
    /// is a POST of its resource under a urn:uuid full URL, every reference resolves inside the
    /// Bundle; the measurements carry the LOINC codes of US Core's clinical test value set
    /// (https://hl7.org/fhir/us/core/STU5/ValueSet-us-core-clinical-test-codes.html) and FHIR's
    /// vital-signs heart rate (8867-4), UCUM units, the values `measure --json` prints (rounded
    /// to whole ms / degrees / beats per minute), and status preliminary; the report's PDF is
    /// embedded byte for byte; the report is final with the clinician's decision and names the
    /// reviewer. Anonymised: no Patient, subject, date, reviewer or note. Without a decision:
    /// preliminary, no conclusion.
    void fhirBundle()
    {
        const QString rel = QStringLiteral("ptbxl/records500/00000/00143_hr.hea");
        ECGLENS_REQUIRE_DATA(rel);
        const QString file = ecglens::test::dataPath(rel);
        const QMap<QString, QString> usCoreAndVitals = {
            {QStringLiteral("8867-4"), QStringLiteral("heart_rate_bpm")},
            {QStringLiteral("8625-6"), QStringLiteral("pr_ms")},
            {QStringLiteral("8633-0"), QStringLiteral("qrs_ms")},
            {QStringLiteral("8634-8"), QStringLiteral("qt_ms")},
            {QStringLiteral("8636-3"), QStringLiteral("qtc_fridericia_ms")},
            {QStringLiteral("8626-4"), QStringLiteral("p_axis_deg")},
            {QStringLiteral("8632-2"), QStringLiteral("qrs_axis_deg")},
            {QStringLiteral("8638-9"), QStringLiteral("t_axis_deg")}};
        const Run m = runCli({QStringLiteral("measure"), file, QStringLiteral("--json")});
        QCOMPARE(m.exitCode, 0);
        const QJsonObject measured = QJsonDocument::fromJson(m.out).object();

        auto bundleOf = [&](const QStringList& extra, const QString& name) {
            const QString pdf = m_dir.filePath(name + QStringLiteral(".pdf"));
            const QString json = m_dir.filePath(name + QStringLiteral(".json"));
            const Run r = runCli(QStringList{QStringLiteral("report"), file,
                                             QStringLiteral("--out"), pdf, QStringLiteral("--fhir"),
                                             json, QStringLiteral("--no-saved-review")} +
                                 extra);
            if (r.exitCode != 0)
                qWarning("%s", r.err.constData());
            return std::pair{QJsonDocument::fromJson(fileBytes(json)).object(), fileBytes(pdf)};
        };
        const auto [bundle, pdf] =
            bundleOf({QStringLiteral("--decision"), QStringLiteral("Abnormal ECG"),
                      QStringLiteral("--reviewer"), QStringLiteral("Dr Weber"),
                      QStringLiteral("--note"), QStringLiteral("paced rhythm")},
                     QStringLiteral("fhir"));
        QCOMPARE(bundle.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
        QCOMPARE(bundle.value(QStringLiteral("type")).toString(), QStringLiteral("transaction"));
        QMap<QString, QJsonObject> byUrl;
        QJsonObject report, patient;
        QStringList loincSeen;
        for (const QJsonValue& v : bundle.value(QStringLiteral("entry")).toArray()) {
            const QJsonObject e = v.toObject(),
                              res = e.value(QStringLiteral("resource")).toObject();
            const QString url = e.value(QStringLiteral("fullUrl")).toString();
            QVERIFY2(QUuid::fromString(url.mid(9)).isNull() == false &&
                         url.startsWith(QLatin1String("urn:uuid:")),
                     qPrintable(url));
            QCOMPARE(e.value(QStringLiteral("request"))
                         .toObject()
                         .value(QLatin1String("method"))
                         .toString(),
                     QStringLiteral("POST"));
            QCOMPARE(e.value(QStringLiteral("request"))
                         .toObject()
                         .value(QLatin1String("url"))
                         .toString(),
                     res.value(QStringLiteral("resourceType")).toString());
            byUrl.insert(url, res);
            const QString type = res.value(QStringLiteral("resourceType")).toString();
            if (type == QLatin1String("DiagnosticReport"))
                report = res;
            if (type == QLatin1String("Patient"))
                patient = res;
        }
        QCOMPARE(patient.value(QStringLiteral("identifier"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("value")),
                 QJsonValue(QStringLiteral("16914")));
        QCOMPARE(patient.value(QStringLiteral("gender")).toString(), QStringLiteral("male"));
        QCOMPARE(report.value(QStringLiteral("status")).toString(), QStringLiteral("final"));
        QCOMPARE(report.value(QStringLiteral("conclusion")).toString(),
                 QStringLiteral("Clinician's decision: Abnormal ECG. Note: paced rhythm"));
        QCOMPARE(report.value(QStringLiteral("resultsInterpreter"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("display")),
                 QJsonValue(QStringLiteral("Dr Weber")));
        QCOMPARE(report.value(QStringLiteral("code"))
                     .toObject()
                     .value(QLatin1String("coding"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("code"))
                     .toString(),
                 QStringLiteral("34534-8"));
        const QJsonObject form =
            report.value(QStringLiteral("presentedForm")).toArray().at(0).toObject();
        QCOMPARE(form.value(QStringLiteral("contentType")).toString(),
                 QStringLiteral("application/pdf"));
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(QByteArray::fromBase64(form.value(QStringLiteral("data")).toString().toLatin1()),
                 pdf);
        const QJsonArray results = report.value(QStringLiteral("result")).toArray();
        QVERIFY(results.size() >= 8);
        bool impression = false, detector = false;
        for (const QJsonValue& ref : results) {
            const QJsonObject o =
                byUrl.value(ref.toObject().value(QLatin1String("reference")).toString());
            QCOMPARE(o.value(QStringLiteral("resourceType")).toString(),
                     QStringLiteral("Observation"));
            QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("preliminary"));
            QVERIFY(byUrl.contains(o.value(QStringLiteral("subject"))
                                       .toObject()
                                       .value(QLatin1String("reference"))
                                       .toString()));
            QCOMPARE(o.value(QStringLiteral("effectiveDateTime")).toString(),
                     QStringLiteral("1986-02-23"));
            const QJsonArray coding =
                o.value(QStringLiteral("code")).toObject().value(QLatin1String("coding")).toArray();
            if (coding.isEmpty()) { // the detector: no standard code
                detector = true;
                QVERIFY(o.value(QStringLiteral("note"))
                            .toArray()
                            .at(1)
                            .toObject()
                            .value(QLatin1String("text"))
                            .toString()
                            .startsWith(QStringLiteral("pacemaker spikes before 12 of 12 beats")));
                continue;
            }
            const QJsonObject c = coding.at(0).toObject();
            QCOMPARE(c.value(QStringLiteral("system")).toString(),
                     QStringLiteral("http://loinc.org"));
            const QString code = c.value(QStringLiteral("code")).toString();
            if (code == QLatin1String("8601-7")) {
                impression = true;
                QVERIFY(o.value(QStringLiteral("valueString"))
                            .toString()
                            .contains(QStringLiteral("Pacemaker spikes before 12 of 12 beats")));
                continue;
            }
            QVERIFY2(usCoreAndVitals.contains(code), qPrintable(code));
            loincSeen << code;
            const QJsonObject q = o.value(QStringLiteral("valueQuantity")).toObject();
            QCOMPARE(q.value(QStringLiteral("system")).toString(),
                     QStringLiteral("http://unitsofmeasure.org"));
            QCOMPARE(q.value(QStringLiteral("code")).toString(),
                     code == QLatin1String("8867-4") ? QStringLiteral("/min")
                     : usCoreAndVitals[code].endsWith(QLatin1String("_deg"))
                         ? QStringLiteral("deg")
                         : QStringLiteral("ms"));
            const double expected = measured.value(usCoreAndVitals[code]).toDouble();
            QVERIFY2(std::abs(q.value(QStringLiteral("value")).toDouble() - expected) <= 0.5,
                     qPrintable(code));
        }
        QVERIFY(impression && detector);
        // 00143 has no P wave: no PR, no P axis; the other six are there.
        loincSeen.sort();
        QCOMPARE(loincSeen.join(QLatin1Char(' ')),
                 QStringLiteral("8632-2 8633-0 8634-8 8636-3 8638-9 8867-4"));

        const auto [anonymous, anonymousPdf] = bundleOf(
            {QStringLiteral("--anonymise"), QStringLiteral("--decision"),
             QStringLiteral("Abnormal ECG"), QStringLiteral("--reviewer"),
             QStringLiteral("Dr Weber"), QStringLiteral("--note"), QStringLiteral("paced rhythm")},
            QStringLiteral("fhir_anonymous"));
        // Searched without the embedded PDF, whose base64 could hold any short string.
        QJsonArray entriesWithoutPdf;
        for (const QJsonValue& v : anonymous.value(QStringLiteral("entry")).toArray()) {
            QJsonObject e = v.toObject();
            QJsonObject res = e.value(QStringLiteral("resource")).toObject();
            res.remove(QStringLiteral("presentedForm"));
            e[QStringLiteral("resource")] = res;
            entriesWithoutPdf.append(e);
        }
        const QByteArray text = QJsonDocument(entriesWithoutPdf).toJson();
        QVERIFY(!anonymousPdf.isEmpty());
        for (const char* absent : {"\"Patient\"", "16914", "subject", "effectiveDateTime",
                                   "Dr Weber", "paced rhythm", "1986"})
            QVERIFY2(!text.contains(absent), absent);
        QVERIFY(text.contains("Clinician's decision: Abnormal ECG"));

        const auto [undecided, undecidedPdf] = bundleOf({}, QStringLiteral("fhir_undecided"));
        for (const QJsonValue& v : undecided.value(QStringLiteral("entry")).toArray()) {
            const QJsonObject res = v.toObject().value(QStringLiteral("resource")).toObject();
            if (res.value(QStringLiteral("resourceType")).toString() ==
                QLatin1String("DiagnosticReport")) {
                QCOMPARE(res.value(QStringLiteral("status")).toString(),
                         QStringLiteral("preliminary"));
                QVERIFY(!res.contains(QStringLiteral("conclusion")));
            }
        }
        QVERIFY(!undecidedPdf.isEmpty());

        // Without measurements or verdict the report has no results, and FHIR JSON no empty
        // array; the synthetic demo is refused (a hospital would file it under an invented
        // patient) and nothing is written for it.
        const auto [bare, barePdf] =
            bundleOf({QStringLiteral("--no-analysis")}, QStringLiteral("fhir_bare"));
        QVERIFY(!barePdf.isEmpty());
        const QJsonArray bareEntries = bare.value(QStringLiteral("entry")).toArray();
        QCOMPARE(bareEntries.size(), 2); // Patient, DiagnosticReport
        QVERIFY(!bareEntries.at(1)
                     .toObject()
                     .value(QStringLiteral("resource"))
                     .toObject()
                     .contains(QStringLiteral("result")));
        const QString demoJson = m_dir.filePath(QStringLiteral("demo.fhir.json"));
        const Run demo = runCli(
            {QStringLiteral("report"), QStringLiteral("demo:"), QStringLiteral("--out"),
             m_dir.filePath(QStringLiteral("demo.pdf")), QStringLiteral("--fhir"), demoJson});
        QVERIFY(demo.exitCode != 0);
        QVERIFY2(demo.err.contains("synthetic demo recording"), demo.err.constData());
        QVERIFY(!QFile::exists(demoJson));
    }

    /// An intensive-care record's arterial pressure and respiration (03700181: MCL1, ABP, RESP)
    /// are drawn at a stated 1-2-5 scale of their own (an ECG gain would put 100 mmHg a metre
    /// off the page) and named as not used for the measurements.
    void otherSignalsScaledAndNamed()
    {
        const QString rel = QStringLiteral("wfdb-samples/03700181.hea");
        ECGLENS_REQUIRE_DATA(rel);
        const QString pdf = m_dir.filePath(QStringLiteral("icu.pdf"));
        const QString text = cliReportText(ecglens::test::dataPath(rel), pdf);
        const QRegularExpression scale(QStringLiteral("ABP \\((\\d+(\\.\\d+)?) mmHg/cm\\)"));
        const auto m = scale.match(text);
        QVERIFY2(m.hasMatch(), qPrintable(text.left(600)));
        const double step = m.captured(1).toDouble();
        const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
        QVERIFY2(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 ||
                     std::abs(mantissa - 5) < 1e-9,
                 qPrintable(m.captured(0)));
        QVERIFY2(text.contains(QStringLiteral("RESP (")), qPrintable(text.left(600)));
        QVERIFY2(!text.contains(QStringLiteral("MCL1 (")), "the ECG lead is at the paper gain");
        QVERIFY2(
            text.contains(QStringLiteral("Not used ABP, RESP: not an ECG by name or unit")) ||
                text.contains(QStringLiteral("Not used ABP and RESP: not an ECG by name or unit")),
            qPrintable(text));
    }

    /// An anonymised report (for teaching or a second opinion) carries none of the HIPAA Safe
    /// Harbor identifiers the identified report shows for the same record (checked against that
    /// report, so each removal is of something really there): ID, file name, the recording's
    /// SHA-256, the recording date, an age over 89, reviewer and note; the ECG, verdict and
    /// decision stay.
    void anonymisedReportCarriesNoIdentifiers()
    {
        const QStringList review = {
            QStringLiteral("--age"),      QStringLiteral("93"),
            QStringLiteral("--reviewer"), QStringLiteral("Dr Ada Test"),
            QStringLiteral("--decision"), QStringLiteral("agree with verdict"),
            QStringLiteral("--note"),     QStringLiteral("call Mrs Doe")};
        auto reportText = [&](const QString& pdf, const QStringList& extra) {
            const Run r = runCli(QStringList{QStringLiteral("report"), source(".hea"),
                                             QStringLiteral("--out"), pdf} +
                                 review + extra);
            return r.exitCode == 0
                       ? QString::fromUtf8(
                             run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out)
                       : QString::fromUtf8(r.err);
        };
        const QString identifiedPdf = m_dir.filePath(QStringLiteral("identified-93.pdf"));
        const QString anonymisedPdf = m_dir.filePath(QStringLiteral("anonymised.pdf"));
        const QString identified = reportText(identifiedPdf, {});
        const QString anonymised = reportText(anonymisedPdf, {QStringLiteral("--anonymise")});
        const QString sha =
            QString::fromLatin1(QCryptographicHash::hash(QByteArray(m_sourceHea + m_sourceDat),
                                                         QCryptographicHash::Sha256)
                                    .toHex());
        // PTB-XL's database gives record 1: patient 15709, recorded 1984-11-09 09:17:34.
        for (const QString& identifier :
             {QStringLiteral("15709"), QStringLiteral("00001_hr"), sha,
              QStringLiteral("1984-11-09"), QStringLiteral("09:17"), QStringLiteral("93 years"),
              QStringLiteral("Dr Ada Test"), QStringLiteral("call Mrs Doe")}) {
            QVERIFY2(identified.contains(identifier), qPrintable(identifier));
            QVERIFY2(!anonymised.contains(identifier),
                     qPrintable(identifier + QStringLiteral(" in the anonymised report")));
        }
        for (const QString& kept :
             {QStringLiteral("90 years or older"), QStringLiteral("1984 (date and time removed"),
              QStringLiteral("removed (anonymised report)"), QStringLiteral("agree with verdict"),
              QStringLiteral("Anonymised ECG"), QStringLiteral("45 CFR 164.514(b)(2)"),
              QStringLiteral("agree with verdict \u00b7 reviewed by a clinician (name omitted)"),
              QStringLiteral("probability of an abnormal ECG"),
              QStringLiteral("Decision support, not a diagnosis")})
            QVERIFY2(anonymised.contains(kept), qPrintable(kept));
        const auto pdfinfo = run(QStringLiteral("pdfinfo"), {anonymisedPdf});
        const QString info = QString::fromUtf8(pdfinfo.out);
        QVERIFY2(info.contains(QStringLiteral("ECG report (anonymised)")), qPrintable(info));
        QVERIFY2(!info.contains(QStringLiteral("00001")), qPrintable(info));
        // The day and time the report was made can date the examination: the anonymised PDF
        // has no creation date, the identified one has; poppler reads the edited file cleanly.
        QVERIFY2(!info.contains(QStringLiteral("CreationDate")), qPrintable(info));
        QVERIFY2(pdfinfo.err.isEmpty(), pdfinfo.err.constData());
        QVERIFY(QString::fromUtf8(run(QStringLiteral("pdfinfo"), {identifiedPdf}).out)
                    .contains(QStringLiteral("CreationDate")));
        verifyTrueScale(anonymisedPdf, QStringLiteral("anonymised"));
    }

    /// A file that names its patient (the SCP-ECG example: section 1 tag 0 "Clark", tag 2
    /// SBJ-123, tag 5 1953-05-08, as libbiosig reads them): name, ID and date of birth on page 1
    /// and in every page's running header, the identifiers a ward checks before filing a report;
    /// none of them in the anonymised report.
    void patientNameOnTheReport()
    {
        const QString file = QStringLiteral("formats/ecgtoolkit-Example.scp");
        ECGLENS_REQUIRE_DATA(file);
        auto pages = [&](const QString& pdf, const QStringList& extra) {
            const Run r = runCli(QStringList{QStringLiteral("report"),
                                             ecglens::test::dataPath(file), QStringLiteral("--out"),
                                             pdf, QStringLiteral("--no-saved-review")} +
                                 extra);
            if (r.exitCode != 0)
                return QStringList{QString::fromUtf8(r.err)};
            return QString::fromUtf8(
                       run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out)
                .split(QLatin1Char('\f'), Qt::SkipEmptyParts);
        };
        const QStringList identified = pages(m_dir.filePath(QStringLiteral("named.pdf")), {});
        QVERIFY2(identified.size() >= 2, qPrintable(identified.join(u'\n')));
        QVERIFY2(identified[0].contains(QStringLiteral(
                     "Clark \u00b7 ID SBJ-123 \u00b7 born 1953-05-08 \u00b7 age 49")),
                 qPrintable(identified[0]));
        for (const QString& page : identified.mid(1))
            QVERIFY2(page.contains(
                         QStringLiteral("Patient Clark, ID SBJ-123 \u00b7 ecgtoolkit-Example.scp")),
                     qPrintable(page));
        // The details' Patient rows, label and value on one line as laid out.
        const QString details = QString::fromUtf8(
            run(QStringLiteral("pdftotext"),
                {QStringLiteral("-layout"), m_dir.filePath(QStringLiteral("named.pdf")),
                 QStringLiteral("-")})
                .out);
        for (const char* row :
             {"Name\\s+Clark\\n", "ID\\s+SBJ-123\\n", "Date of birth\\s+1953-05-08\\n"})
            QVERIFY2(details.contains(QRegularExpression(QLatin1String(row))), row);

        const QString anonymised = pages(m_dir.filePath(QStringLiteral("named-anonymised.pdf")),
                                         {QStringLiteral("--anonymise")})
                                       .join(u'\n');
        QVERIFY2(anonymised.contains(QStringLiteral("Anonymised ECG")), qPrintable(anonymised));
        for (const QString& identifier :
             {QStringLiteral("Clark"), QStringLiteral("SBJ-123"), QStringLiteral("1953")})
            QVERIFY2(!anonymised.contains(identifier), qPrintable(identifier));
    }

    /// A name far longer than any real one (a damaged field: ten times a 35-letter word) is cut
    /// on page 1 and in the running header, so the ID, date of birth, age and sex stay on the
    /// line; the details page has it as read (256 bytes at most).
    void longNameKeepsTheIdOnTheLine()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("formats/ecgtoolkit-Example.xml"));
        const QByteArray word = "Wolfeschlegelsteinhausenbergerdorff ";
        QString error;
        const QString pdf =
            reportWithAecgName(word.repeated(10), QStringLiteral("long-name"), error);
        QVERIFY2(!pdf.isEmpty(), qPrintable(error));
        const QStringList pages =
            QString::fromUtf8(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out)
                .split(QLatin1Char('\f'), Qt::SkipEmptyParts);
        QVERIFY(pages.size() >= 3);
        const QString first = pages[0].simplified();
        QVERIFY2(first.contains(QStringLiteral("\u2026 \u00b7 ID SBJ-123 \u00b7 born 1953-05-08 "
                                               "\u00b7 age 49 years \u00b7 sex male")),
                 qPrintable(first));
        for (const QString& page : pages.mid(1))
            QVERIFY2(page.contains(QStringLiteral("\u2026, ID SBJ-123 \u00b7 long-name.xml")),
                     qPrintable(page.left(300)));
        // 256 bytes of the name: seven words and a space (252), then 4 letters; then the ID.
        const QString full = pages.join(u' ').simplified();
        QVERIFY2(full.contains(QString::fromLatin1(QByteArray(word.repeated(7) + "Wolf SBJ-123"))),
                 qPrintable(full));
    }

    /// Japanese, Korean and Chinese names are drawn on the report, not left out: a glyph no
    /// installed font has is drawn as nothing pdftotext can read (tried with fontconfig limited
    /// to DejaVu: the line stopped at the bracket), so the name must come back whole.
    void eastAsianNamesAreDrawn()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("formats/ecgtoolkit-Example.xml"));
        for (const auto system :
             {QFontDatabase::Japanese, QFontDatabase::Korean, QFontDatabase::SimplifiedChinese})
            QVERIFY2(!QFontDatabase::families(system).isEmpty(),
                     "no font for Japanese, Korean or Chinese names is installed: run "
                     "packaging/install-deps.sh (it installs fonts-wqy-microhei)");
        const QString names[] = {
            QStringLiteral("\u5c71\u7530 \u592a\u90ce \u3084\u307e\u3060"), // Japanese
            QStringLiteral("\ud64d \uae38\ub3d9"),                          // Korean
            QStringLiteral("\u738b \u5c0f\u6771"),                          // Chinese
        };
        // One report (each makes the CLI load the model): the three scripts in one name.
        const QString name = QStringList(std::begin(names), std::end(names)).join(u' ');
        QString error;
        const QString pdf = reportWithAecgName(name.toUtf8(), QStringLiteral("cjk-name"), error);
        QVERIFY2(!pdf.isEmpty(), qPrintable(error));
        const QString first = QString::fromUtf8(
            run(QStringLiteral("pdftotext"),
                {QStringLiteral("-l"), QStringLiteral("1"), pdf, QStringLiteral("-")})
                .out);
        QVERIFY2(first.contains(name + QStringLiteral("\u2069 \u00b7 ID SBJ-123")) ||
                     first.contains(name + QStringLiteral(" \u00b7 ID SBJ-123")),
                 qPrintable(first.left(400)));
    }

    /// A Hebrew name (read right to left) stays where a Latin one stands: page 1's Patient line
    /// and the running header keep their left-to-right order, the name first, then the ID (the
    /// name is a Unicode isolate; without it the line took the name's direction and the name
    /// went to the end). Checked on the laid-out PDF: word boxes from `pdftotext -bbox`.
    void rightToLeftNameKeepsTheLineInOrder()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("formats/ecgtoolkit-Example.xml"));
        // "Sharon Devora" (family, given), the name of DICOM's Hebrew character-set test image.
        const QString hebrew =
            QStringLiteral("\u05e9\u05e8\u05d5\u05df \u05d3\u05d1\u05d5\u05e8\u05d4");
        QString error;
        const QString pdf =
            reportWithAecgName(hebrew.toUtf8(), QStringLiteral("hebrew-name"), error);
        QVERIFY2(!pdf.isEmpty(), qPrintable(error));
        const QRegularExpression wordBox(
            QStringLiteral("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\"[^>]*>"
                           "([^<]*)</word>"));
        for (const int page : {1, 2}) {
            const QString boxes = QString::fromUtf8(
                run(QStringLiteral("pdftotext"),
                    {QStringLiteral("-bbox"), QStringLiteral("-f"), QString::number(page),
                     QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-")})
                    .out);
            // The first "ID" on the page (the Patient line, the header), and the Hebrew letters'
            // boxes on its line.
            double idX = -1, idY = -1, hebrewRight = -1;
            int hebrewLetters = 0;
            for (auto it = wordBox.globalMatch(boxes); it.hasNext();) {
                const auto m = it.next();
                if (m.captured(4) == QLatin1String("ID") && idX < 0) {
                    idX = m.captured(1).toDouble();
                    idY = m.captured(2).toDouble();
                }
            }
            QVERIFY2(idX > 0, qPrintable(QStringLiteral("page %1: no ID").arg(page)));
            for (auto it = wordBox.globalMatch(boxes); it.hasNext();) {
                const auto m = it.next();
                if (std::abs(m.captured(2).toDouble() - idY) > 1.0)
                    continue;
                for (const QChar c : m.captured(4))
                    if (c.unicode() >= 0x05D0 && c.unicode() <= 0x05EA) {
                        ++hebrewLetters;
                        hebrewRight = std::max(hebrewRight, m.captured(3).toDouble());
                    }
            }
            QCOMPARE(hebrewLetters, 9);
            QVERIFY2(hebrewRight < idX,
                     qPrintable(QStringLiteral("page %1: the name ends at x %2, after the ID at %3")
                                    .arg(page)
                                    .arg(hebrewRight)
                                    .arg(idX)));
        }
    }

    /// Comparing ECGs checks the name beside the ID: words in any order, case or punctuation are
    /// the same name; the SCP-ECG example against the DICOM file made from it (both "Clark",
    /// SBJ-123) is the same patient, against a copy renamed "M\u00fcl, H" it is not.
    void comparisonChecksTheName()
    {
        using ecglens::report::differentNames;
        QVERIFY(!differentNames("Doe, Jane", "JANE DOE"));
        QVERIFY(!differentNames("M\xC3\xBCller-L\xC3\xBC"
                                "denscheid, Hans",
                                "HANS M\xC3\x9CLLER L\xC3\x9C"
                                "DENSCHEID"));
        QVERIFY(differentNames("Doe, Jane", "Doe, John"));
        QVERIFY(differentNames("Doe, Jane", "Doe"));
        QVERIFY(!differentNames("", "Clark")); // one file gives no name: nothing to compare
        // A DICOM name's groups: alphabetic and ideographic, or either alone, are one person.
        const std::string both = "Yamada, Tarou (\u5c71\u7530 \u592a\u90ce)";
        QVERIFY(!differentNames(both, "Yamada, Tarou"));
        QVERIFY(!differentNames("TAROU YAMADA", both));
        QVERIFY(!differentNames(both, "\u5c71\u7530 \u592a\u90ce"));
        QVERIFY(!differentNames(both, both));
        QVERIFY(differentNames(both, "Yamada, Hanako"));
        QVERIFY(differentNames(both, "Yamada, Tarou (\u5c71\u7530 \u82b1\u5b50)"));
        QVERIFY(differentNames("Doe, Jane ()", "Doe")); // an empty group matches nothing

        const QString scp = QStringLiteral("formats/ecgtoolkit-Example.scp");
        const QString dcm = QStringLiteral("formats/ecgtoolkit-Example.dcm");
        ECGLENS_REQUIRE_DATA(scp);
        ECGLENS_REQUIRE_DATA(dcm);
        QByteArray renamed;
        {
            QFile f(ecglens::test::dataPath(dcm));
            QVERIFY(f.open(QIODevice::ReadOnly));
            renamed = f.readAll();
        }
        QCOMPARE(renamed.mid(0x256, 6), QByteArray("Clark ")); // (0010,0010), see tst_vendor
        renamed.replace(0x256, 6, QByteArray("M\xFCl^H "));
        const QString renamedPath = m_dir.filePath(QStringLiteral("renamed.dcm"));
        {
            QFile f(renamedPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(renamed), qint64(renamed.size()));
        }
        auto comparison = [&](const QString& other) {
            const QString pdf = m_dir.filePath(QStringLiteral("name-compare.pdf"));
            const Run r = runCli({QStringLiteral("report"), ecglens::test::dataPath(scp),
                                  QStringLiteral("--out"), pdf, QStringLiteral("--no-saved-review"),
                                  QStringLiteral("--compare"), other});
            if (r.exitCode != 0)
                return QString::fromUtf8(r.err);
            const QString text =
                QString::fromUtf8(run(QStringLiteral("pdftotext"),
                                      {QStringLiteral("-layout"), pdf, QStringLiteral("-")})
                                      .out);
            return text.mid(text.indexOf(QStringLiteral("Comparison with another ECG")));
        };
        const QString same = comparison(ecglens::test::dataPath(dcm));
        QVERIFY2(same.contains(QRegularExpression(QStringLiteral("Name\\s+Clark\\n"))),
                 qPrintable(same));
        QVERIFY2(!same.contains(QStringLiteral("not this recording's patient")), qPrintable(same));
        const QString other = comparison(renamedPath).simplified();
        QVERIFY2(other.contains(QStringLiteral("M\u00fcl, H \u2014 not this recording's patient "
                                               "name: check that the comparison is meant")),
                 qPrintable(other));
    }

    /// `report --compare`: the other ECG named (file and start from ptbxl_database.csv: ECG 17 of
    /// patient 13619, 1985-01-20 14:25:25) with its measurements against this one's, as
    /// `ecglens-cli measure --json` gives them for each file; anonymised: no file or full date.
    void comparisonInTheReport()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00017_lr.hea"));
        const QString now =
            ecglens::test::dataPath(QStringLiteral("ptbxl/records100/00000/00026_lr.hea"));
        const QString then =
            ecglens::test::dataPath(QStringLiteral("ptbxl/records100/00000/00017_lr.hea"));
        auto text = [&](const QString& pdf, const QStringList& extra) {
            const Run r = runCli(QStringList{QStringLiteral("report"), now, QStringLiteral("--out"),
                                             pdf, QStringLiteral("--compare"), then} +
                                 extra);
            if (r.exitCode != 0)
                return QString::fromUtf8(r.err);
            return QString::fromUtf8(run(QStringLiteral("pdftotext"),
                                         {QStringLiteral("-layout"), pdf, QStringLiteral("-")})
                                         .out)
                .simplified();
        };
        const QString identified = text(m_dir.filePath(QStringLiteral("compare.pdf")), {});
        const QJsonObject a =
            ecglens::test::cliJson({QStringLiteral("measure"), now, QStringLiteral("--json")});
        const QJsonObject b =
            ecglens::test::cliJson({QStringLiteral("measure"), then, QStringLiteral("--json")});
        auto change = [](double from, double to, const char* unit) {
            const double d = std::round(to) - std::round(from);
            return QStringLiteral("%1 \u2192 %2 %3 (%4%5)")
                .arg(std::round(from))
                .arg(std::round(to))
                .arg(QLatin1String(unit), d > 0 ? QStringLiteral("+") : QString())
                .arg(d);
        };
        for (const QString& expected : QStringList{
                 QStringLiteral("Comparison with another ECG"), QStringLiteral("00017_lr.hea"),
                 QStringLiteral("1985-01-20 14:25:25 \u00b7 6 days earlier"),
                 QStringLiteral("Heart rate ") +
                     change(b[QStringLiteral("heart_rate_bpm")].toDouble(),
                            a[QStringLiteral("heart_rate_bpm")].toDouble(), "bpm"),
                 QStringLiteral("QRS ") + change(b[QStringLiteral("qrs_ms")].toDouble(),
                                                 a[QStringLiteral("qrs_ms")].toDouble(), "ms"),
                 QStringLiteral("Heart rate 152 \u2192 88 bpm (-64)"),
                 QStringLiteral("Tachycardia, 152 bpm")})
            QVERIFY2(identified.contains(expected),
                     qPrintable(expected + QStringLiteral("\n") + identified));
        QVERIFY(!identified.contains(QLatin1String("not this recording's patient ID")));
        QVERIFY(!identified.contains(QLatin1String("recorded after this one")));
        // A section that fits on a page is not split: heading and last line on the same page.
        const QString pdf = m_dir.filePath(QStringLiteral("compare.pdf"));
        bool together = false;
        for (int page = 1; page <= 6 && !together; ++page) {
            const QString text = QString::fromUtf8(
                run(QStringLiteral("pdftotext"),
                    {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                     QString::number(page), pdf, QStringLiteral("-")})
                    .out);
            if (text.contains(QLatin1String("Comparison with another ECG")))
                together = text.contains(QLatin1String("compare the tracings themselves"));
        }
        QVERIFY(together);

        const QString anonymised = text(m_dir.filePath(QStringLiteral("compare-anon.pdf")),
                                        {QStringLiteral("--anonymise")});
        QVERIFY2(anonymised.contains(QLatin1String("Comparison with another ECG")),
                 qPrintable(anonymised));
        for (const QString& identifier : {QStringLiteral("00017"), QStringLiteral("1985-01-20"),
                                          QStringLiteral("14:25"), QStringLiteral("13619")})
            QVERIFY2(!anonymised.contains(identifier), qPrintable(identifier));
        QVERIFY(anonymised.contains(QLatin1String("1985 (date and time removed")));
        QVERIFY2(anonymised.contains(QStringLiteral("anonymised report) \u00b7 earlier")),
                 qPrintable(anonymised));
        QVERIFY(!anonymised.contains(QLatin1String("6 days")));

        // Another patient's ECG is said to be one.
        const Run r = runCli({QStringLiteral("report"), now, QStringLiteral("--out"),
                              m_dir.filePath(QStringLiteral("compare-other.pdf")),
                              QStringLiteral("--compare"), source(".hea")});
        QCOMPARE(r.exitCode, 0);
        const QString otherText =
            QString::fromUtf8(
                run(QStringLiteral("pdftotext"),
                    {m_dir.filePath(QStringLiteral("compare-other.pdf")), QStringLiteral("-")})
                    .out)
                .simplified();
        QVERIFY2(otherText.contains(QLatin1String("not this recording's patient ID")),
                 qPrintable(otherText));
    }

    /// Which ECG is the earlier, from the start each file gives: amounts worked out by hand from
    /// the dates (2024 is a leap year: 28 February 23:30 to 1 March 00:10 is 24 h 40 min).
    void recordingOrder_data()
    {
        QTest::addColumn<QString>("shown");    // "yyyy-MM-dd HH:mm:ss", empty: no date
        QTest::addColumn<QString>("compared"); // the same
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("warns");
        auto add = [](const char* name, const char* a, const char* b, const char* text, bool w) {
            QTest::newRow(name) << QString::fromLatin1(a) << QString::fromLatin1(b)
                                << QString::fromUtf8(text) << w;
        };
        add("59 s", "2020-05-01 10:00:59", "2020-05-01 10:00:00", "at the same time", true);
        add("60 s", "2020-05-01 10:01:00", "2020-05-01 10:00:00", "1 minute earlier", false);
        add("59 min", "2020-05-01 10:59:59", "2020-05-01 10:00:00", "59 minutes earlier", false);
        add("1 h", "2020-05-01 11:00:00", "2020-05-01 10:00:00", "1 hour earlier", false);
        add("leap day", "2024-03-01 00:10:00", "2024-02-28 23:30:00", "24 hours earlier", false);
        add("47 h", "2020-05-03 09:59:59", "2020-05-01 10:00:00", "47 hours earlier", false);
        add("2 days", "2020-05-03 10:00:00", "2020-05-01 10:00:00", "2 days earlier", false);
        add("60 days", "2020-06-30 10:00:00", "2020-05-01 10:00:00", "60 days earlier", false);
        add("61 days", "2020-07-01 10:00:00", "2020-05-01 10:00:00", "2 months earlier", false);
        add("23 months", "2021-12-31 10:00:00", "2020-01-01 10:00:00", "23 months earlier", false);
        add("2 years", "2022-01-01 10:00:00", "2020-01-01 10:00:00", "2 years earlier", false);
        add("later", "2020-05-01 10:00:00", "2020-05-08 09:00:00", "6 days later", true);
        add("no date here", "", "2020-05-01 10:00:00", "order unknown", true);
        add("no date there", "2020-05-01 10:00:00", "", "order unknown", true);
        add("30 February", "2020-05-01 10:00:00", "2020-02-30 10:00:00", "order unknown", true);
    }

    void recordingOrder()
    {
        QFETCH(QString, shown);
        QFETCH(QString, compared);
        QFETCH(QString, text);
        QFETCH(bool, warns);
        auto recording = [](const QString& when) {
            ecglens::Recording r;
            int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
            if (std::sscanf(when.toLatin1().constData(), "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi,
                            &s) == 6) {
                ecglens::DateTime t;
                t.date = ecglens::Date{y, mo, d};
                t.hour = h;
                t.minute = mi;
                t.second = s;
                t.hasDate = true;
                r.start = t;
            }
            return r;
        };
        using namespace ecglens::report;
        const RecordingOrder order =
            ecglens::report::recordingOrder(recording(shown), recording(compared));
        QCOMPARE(recordingOrderText(order), text);
        QCOMPARE(!recordingOrderWarning(order).isEmpty(), warns);
        // Anonymised: the direction only.
        const QString anonymised = recordingOrderText(order, true);
        QCOMPARE(anonymised, text.endsWith(QLatin1String(" earlier")) ? QStringLiteral("earlier")
                             : text.endsWith(QLatin1String(" later")) ? QStringLiteral("later")
                                                                      : text);
    }

    /// A later ECG compared with: the report says so (ECG 26 of patient 13619 was recorded
    /// 1985-01-27 12:45:19, six days and 22 hours after ECG 17, by ptbxl_database.csv).
    void laterComparisonIsSaidToBeLater()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00026_lr.hea"));
        const QString pdf = m_dir.filePath(QStringLiteral("compare-later.pdf"));
        const Run r = runCli(
            {QStringLiteral("report"),
             ecglens::test::dataPath(QStringLiteral("ptbxl/records100/00000/00017_lr.hea")),
             QStringLiteral("--out"), pdf, QStringLiteral("--no-saved-review"),
             QStringLiteral("--compare"),
             ecglens::test::dataPath(QStringLiteral("ptbxl/records100/00000/00026_lr.hea"))});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString text =
            QString::fromUtf8(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out)
                .simplified();
        for (const QString& expected :
             {QStringLiteral("1985-01-27 12:45:19 \u00b7 6 days later"),
              QStringLiteral("The ECG compared with was recorded after this one")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n") + text));
    }

    /// Text from elsewhere (reader warnings, findings, advice) loses the identifiers it repeats:
    /// the path and names of the file and the patient ID as whole words, and ages over 89 (after
    /// rounding, as printed); numbers that merely contain the ID stay.
    void anonymisedFreeText()
    {
        auto recording = ecglens::io::open(source(".hea").toStdString());
        QVERIFY2(recording.ok(), recording.error().c_str());
        recording->warnings.push_back({"test.free_text",
                                       {},
                                       "header of " + recording->sourcePath +
                                           " disagrees with 00001_hr.dat for patient 15709"});
        // A reader's own warning, worded through the interface's table, loses the file name too.
        recording->warnings.push_back(ecglens::makeMessage(
            ecglens::io::messages::kWfdbTruncated, {"I, II", "5000", "00001_hr.dat", "1000"}));
        // An HL7 file's reported and computed ages, wherever its sentence puts them.
        recording->warnings.push_back(
            ecglens::makeMessage(ecglens::io::messages::kHl7AgeConflict, {"95", "94"}));
        // The same ages inside another message (a segment's warning) keep their declaration;
        // an age of 89 is shown.
        recording->warnings.push_back(ecglens::io::messages::segmentWarning(
            "seg_2", ecglens::makeMessage(ecglens::io::messages::kHl7AgeConflict, {"89", "97"})));
        // A name the file gives goes wherever other text repeats it, whole or a part of it.
        recording->patient.name = "Doe-Smith, Dr. Jane A.";
        recording->warnings.push_back(
            {"test.name",
             {},
             "note from Jane Doe-Smith's ward; Mrs Doe-Smith, A. Doe-Smithson, Dr. X"});
        ecglens::report::ReportInput input(*recording);
        input.anonymise = true;
        input.ageYears = 89.6;
        input.advice.push_back({"consider", "Screening at age 91.5", "Sample 157090 is fine.",
                                "age 45 and age 89.7", "Guideline X"});
        // A caliper measurement keeps its value, loses who made it and when (but the year).
        input.calipers.push_back({"QT interval", "430 ms (automatic 414 ms) · lead V2, 3.21–3.64 s",
                                  "QT 430 ms", "Dr Secret", "2026-12-04T10:11:12Z", "V2", 3.21,
                                  3.64});

        const QString pdf = m_dir.filePath(QStringLiteral("anonymised-free-text.pdf"));
        const auto written = ecglens::report::writeReport(input, pdf);
        QVERIFY2(written.ok(), written.error().c_str());
        const QString text =
            QString::fromUtf8(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out)
                .simplified();
        for (const QString& expected :
             {QStringLiteral("header of [removed] disagrees with [removed] for patient [removed]"),
              QStringLiteral(
                  "note from [removed] [removed]'s ward; Mrs [removed], A. Doe-Smithson, Dr. X"),
              QStringLiteral("I, II: 5000 samples expected, [removed] holds 1000"),
              QStringLiteral("Screening at age 90 or older"), QStringLiteral("Sample 157090"),
              QStringLiteral("age 45 and age 90 or older"), QStringLiteral("90 years or older"),
              QStringLiteral("the file reports an age of 90 or older years, but the birth date and "
                             "recording date give 90 or older"),
              QStringLiteral("segment seg_2: the file reports an age of 89 years, but the birth "
                             "date and recording date give 90 or older"),
              QStringLiteral("calipers by a clinician (name omitted): QT 430 ms"),
              QStringLiteral("430 ms (automatic 414 ms) · lead V2, 3.21–3.64 s · a clinician (name "
                             "omitted), 2026 (date removed)")})
            QVERIFY2(text.contains(expected),
                     qPrintable(expected + QStringLiteral(" not in ") + text));
        QVERIFY(!text.contains(QStringLiteral("89.6")) && !text.contains(QStringLiteral("89.7")));
        QVERIFY(!text.contains(QStringLiteral("Secret")) &&
                !text.contains(QStringLiteral("12-04")));
    }

    /// `--lang de`: the report's own words in German (the filed document matches a German
    /// interface), numbers with a decimal comma, the same true-scale ECG page.
    void germanReport()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("de.pdf"));
        const Run r = runCli({QStringLiteral("report"), source(".hea"), QStringLiteral("--out"),
                              pdf, QStringLiteral("--age"), QStringLiteral("71"),
                              QStringLiteral("--sex"), QStringLiteral("M"),
                              QStringLiteral("--reviewer"), QStringLiteral("Dr Ada Test"),
                              QStringLiteral("--decision"), QStringLiteral("Normales EKG"),
                              QStringLiteral("--lang"), QStringLiteral("de")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.isEmpty() || !r.err.contains("translations"), r.err.constData());
        const QString text =
            QString::fromUtf8(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out);
        const double p = m_analyze.value(QStringLiteral("probability")).toDouble(-1);
        const QString percent = QLocale(QLocale::German).toString(100.0 * p, 'f', 1);
        QVERIFY2(percent.contains(QLatin1Char(',')), qPrintable(percent));
        for (const QString& expected :
             {QStringLiteral("EKG-Bericht"),
              QStringLiteral("Entscheidungsunterstützung, keine Diagnose. Muss von "
                             "qualifiziertem ärztlichem Personal geprüft werden."),
              QString(QStringLiteral("Wahrscheinlichkeit eines abnormalen EKGs ") + percent),
              QStringLiteral("Alter 71 Jahre"), QStringLiteral("Geschlecht männlich"),
              QStringLiteral("Herzfrequenz"), QStringLiteral("Tiefpass 40 Hz"),
              QStringLiteral("Normales EKG \u00b7 befundet von Dr Ada Test"),
              QStringLiteral("Seite 1 von "),
              QStringLiteral("QRS-Breite und QTc-Grenzwerte nicht automatisch angewandt"),
              QStringLiteral("Modell trainiert mit PTB-XL (Wagner et al., Scientific Data 2020), "
                             "CC BY 4.0")})
            QVERIFY2(text.contains(expected), qPrintable(expected));
        // Anonymised in German: ages over 89 go from the German advice bases ("Alter 95") too.
        const QString anonymised = m_dir.filePath(QStringLiteral("de-anonymised.pdf"));
        const Run a =
            runCli({QStringLiteral("report"), source(".hea"), QStringLiteral("--out"), anonymised,
                    QStringLiteral("--age"), QStringLiteral("95"), QStringLiteral("--lang"),
                    QStringLiteral("de"), QStringLiteral("--anonymise")});
        QVERIFY2(a.exitCode == 0, a.err.constData());
        const QString anonymisedText = QString::fromUtf8(
            run(QStringLiteral("pdftotext"), {anonymised, QStringLiteral("-")}).out);
        QVERIFY2(anonymisedText.contains(QStringLiteral("Alter 90 oder älter")),
                 qPrintable(anonymisedText));
        QVERIFY2(!anonymisedText.contains(QStringLiteral("Alter 95")), qPrintable(anonymisedText));
        for (const QString& english :
             {QStringLiteral("probability of an abnormal ECG"), QStringLiteral("page 1 of"),
              QStringLiteral("Decision support"), QStringLiteral("Heart rate")})
            QVERIFY2(!text.contains(english), qPrintable(english));
        const QString info = QString::fromUtf8(run(QStringLiteral("pdfinfo"), {pdf}).out);
        QVERIFY2(info.contains(QStringLiteral("EKG-Bericht 00001_hr.hea")), qPrintable(info));
        verifyTrueScale(pdf, QStringLiteral("german"));

        const Run bad = runCli({QStringLiteral("report"), source(".hea"), QStringLiteral("--out"),
                                m_dir.filePath(QStringLiteral("xx.pdf")), QStringLiteral("--lang"),
                                QStringLiteral("xx")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--lang xx"), bad.err.constData());
    }

    void longTextIsPaginated()
    {
        // 40 advice items spill over several pages; every page says "page i of N" with the
        // real N, and each item keeps its title and citation.
        const auto recording = ecglens::io::open(
            ecglens::test::dataPath(kRecord + QStringLiteral(".hea")).toStdString());
        QVERIFY2(recording.ok(), recording.error().c_str());
        ecglens::report::ReportInput input(*recording);
        for (int i = 1; i <= 40; ++i)
            input.advice.push_back(
                {"consider", "Advice title " + std::to_string(i),
                 repeated("Check the finding against the trace and the history. ", 6), "age group",
                 "Guideline source " + std::to_string(i)});
        const QString pdf = m_dir.filePath(QStringLiteral("long.pdf"));
        const auto written = ecglens::report::writeReport(input, pdf);
        QVERIFY2(written.ok(), written.error().c_str());
        const QString info = QString::fromUtf8(run(QStringLiteral("pdfinfo"), {pdf}).out);
        const int pages =
            QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info).captured(1).toInt();
        QVERIFY2(pages >= 4, qPrintable(info));
        const QString text =
            QString::fromUtf8(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out);
        for (int i = 1; i <= pages; ++i)
            QVERIFY2(text.contains(QStringLiteral("page %1 of %2").arg(i).arg(pages)),
                     qPrintable(QStringLiteral("page %1 of %2").arg(i).arg(pages)));
        QVERIFY(text.contains(QStringLiteral("Advice title 40")));
        QVERIFY(text.contains(QStringLiteral("Guideline source 40")));
    }

    /// Without the default model's libraries (a broken installation) the report is still
    /// written, with the recording, measurements and advice, and says why it has no verdict; a
    /// model asked for by name that cannot load is an error and no report.
    void reportWithoutTheDetector()
    {
        const QStringList noModule = {
            QStringLiteral("ECGLENS_TORCH_MODULE=/nonexistent/libecglens_torch.so")};
        const QString pdf = m_dir.filePath(QStringLiteral("no-detector.pdf"));
        const Run r =
            run(ecglens::test::cliPath(),
                {QStringLiteral("report"), source(".hea"), QStringLiteral("--out"), pdf}, noModule);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("writing the report without the detector"), r.err.constData());
        const QString text =
            QString::fromUtf8(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out);
        QVERIFY2(text.contains(QStringLiteral("not available: detector unavailable: The "
                                              "detector's LibTorch module")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Decision support, not a diagnosis")));
        QVERIFY(text.contains(QStringLiteral("bpm"))); // the measurements are there

        const QString named = m_dir.filePath(QStringLiteral("named-model.pdf"));
        const Run n =
            run(ecglens::test::cliPath(),
                {QStringLiteral("report"), source(".hea"), QStringLiteral("--out"), named,
                 QStringLiteral("--model"), QStringLiteral(ECGLENS_MODELS_DIR "/resnet1d")},
                noModule);
        QCOMPARE(n.exitCode, 2);
        QVERIFY2(n.err.contains("LibTorch module"), n.err.constData());
        QVERIFY(!QFile::exists(named));
    }

    /// The report's advice reads the ST levels of the median beat: on PTB-XL 01433 (a man of 56
    /// with anteroseptal infarction) the ST-elevation item with the basis `analyze --json` gives.
    void stElevationAdviceInTheReport()
    {
        const QString rel = QStringLiteral("ptbxl/records100/01000/01433_lr.hea");
        ECGLENS_REQUIRE_DATA(rel);
        const Run a = runCli(
            {QStringLiteral("analyze"), ecglens::test::dataPath(rel), QStringLiteral("--json")});
        QVERIFY2(a.exitCode == 0, a.err.constData());
        QString basis;
        for (const QJsonValue& item :
             QJsonDocument::fromJson(a.out).object().value(QStringLiteral("advice")).toArray())
            if (item[QStringLiteral("code")].toString() == QLatin1String("st-elevation"))
                basis = item[QStringLiteral("basis")].toString();
        QVERIFY2(basis.startsWith(QLatin1String("ST elevation at J: ")), a.out.constData());
        const QString pdf = m_dir.filePath(QStringLiteral("st-elevation.pdf"));
        const Run r = runCli({QStringLiteral("report"), ecglens::test::dataPath(rel),
                              QStringLiteral("--out"), pdf, QStringLiteral("--no-saved-review")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString text =
            QString::fromUtf8(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out)
                .simplified();
        QVERIFY2(text.contains(QStringLiteral("ST elevation in contiguous leads")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Basis: ") + basis), qPrintable(basis));
        QVERIFY(text.contains(QStringLiteral("Prompt review")));
        // Its silence on another ECG would not say the ECG is normal, and the report says so.
        QVERIFY(text.contains(QStringLiteral("no item does not mean a normal ECG.")));
        // Page 1 names it too (a page printed alone), where the usual report has no such line.
        const QString page1 = QString::fromUtf8(
            run(QStringLiteral("pdftotext"),
                {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                 QStringLiteral("1"), QStringLiteral("-layout"), pdf, QStringLiteral("-")})
                .out);
        QVERIFY2(page1.contains(QRegularExpression(
                     QStringLiteral("Prompt review +ST elevation in contiguous leads \\(advice; "
                                    "basis and source in the details\\)"))),
                 qPrintable(page1.left(1200)));
        QVERIFY(!m_text.contains(QStringLiteral("(advice; basis and source in the details)")));
        // Compared with an ECG that does not meet the criteria (00001), the basis says so.
        const QString compared = m_dir.filePath(QStringLiteral("st-elevation-compared.pdf"));
        const Run c =
            runCli({QStringLiteral("report"), ecglens::test::dataPath(rel), QStringLiteral("--out"),
                    compared, QStringLiteral("--no-saved-review"), QStringLiteral("--compare"),
                    source(".hea")});
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QVERIFY(
            QString::fromUtf8(run(QStringLiteral("pdftotext"), {compared, QStringLiteral("-")}).out)
                .simplified()
                .contains(QStringLiteral("; not met on the ECG compared with;")));
    }

    /// A long recording: the Look first windows under the flagged segments, as `analyze --json`
    /// gives them (review_first), times as h:mm:ss.s; a 10 s ECG has none.
    void lookFirstWindowsOfALongRecording()
    {
        const QString file = ecglens::test::dataPath(QStringLiteral("mitdb/220.hea"));
        ECGLENS_REQUIRE_DATA(QStringLiteral("mitdb/220.hea"));
        const QJsonArray first =
            ecglens::test::cliJson({QStringLiteral("analyze"), file, QStringLiteral("--json")})
                .value(QStringLiteral("review_first"))
                .toArray();
        QCOMPARE(first.size(), 10);
        const QString pdf = m_dir.filePath(QStringLiteral("holter.pdf"));
        const QString text = cliReportText(file, pdf);
        QVERIFY2(!text.startsWith(QLatin1String("REPORT FAILED")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String(
                     "Look first: the most probable flagged windows, a minute or more apart")),
                 qPrintable(text));
        const auto clock = [](double s) { return ecglens::test::clockText(s); };
        for (int i = 0; i < first.size(); ++i) {
            const QJsonObject w = first.at(i).toObject();
            const QString expected =
                QStringLiteral("Window %1 %2 \u2013 %3 \u00b7 probability %4")
                    .arg(i + 1)
                    .arg(clock(w.value(QStringLiteral("start_s")).toDouble()),
                         clock(w.value(QStringLiteral("end_s")).toDouble()))
                    .arg(w.value(QStringLiteral("probability")).toDouble(), 0, 'f', 3);
            QVERIFY2(text.contains(expected), qPrintable(expected));
        }
        QVERIFY(!m_text.contains(QLatin1String("Look first")));

        // The first three have an ECG page each (none of them is in the first 10 s), the times
        // as h:mm:ss.s on this 30-minute recording.
        for (int i = 0; i < 3; ++i) {
            const QJsonObject w = first.at(i).toObject();
            const double start = w.value(QStringLiteral("start_s")).toDouble();
            QVERIFY(start >= 10.0);
            const QString caption =
                QStringLiteral("Look first window %1 (probability %2): %3\u2013%4")
                    .arg(i + 1)
                    .arg(w.value(QStringLiteral("probability")).toDouble(), 0, 'f', 3)
                    .arg(clock(start), clock(start + 10.0));
            QVERIFY2(text.contains(caption), qPrintable(caption));
        }
        QVERIFY(!text.contains(QLatin1String("Look first window 4")));

        // Each of them is explained as `explain --window START` explains it, and its page
        // (pages 2-4, after the first 10 s) is shaded.
        for (int i = 0; i < 3; ++i) {
            const double start = first.at(i).toObject().value(QStringLiteral("start_s")).toDouble();
            const QJsonObject e =
                ecglens::test::cliJson({QStringLiteral("explain"), file, QStringLiteral("--window"),
                                        QString::number(start), QStringLiteral("--json")});
            for (const QString& expected :
                 {QStringLiteral("Explanation (SHAP) of window %1\u2013%2")
                      .arg(clock(start), clock(start + 10.0)),
                  QStringLiteral("probability of abnormal %1; with every segment removed %2")
                      .arg(e.value(QStringLiteral("probability")).toDouble(), 0, 'f', 3)
                      .arg(e.value(QStringLiteral("base_probability")).toDouble(), 0, 'f', 3)})
                QVERIFY2(text.contains(expected),
                         qPrintable(expected + QStringLiteral("\n") + text));
            const QString page =
                QString::fromUtf8(
                    run(QStringLiteral("pdftotext"),
                        {QStringLiteral("-f"), QString::number(i + 2), QStringLiteral("-l"),
                         QString::number(i + 2), pdf, QStringLiteral("-")})
                        .out)
                    .simplified();
            QVERIFY2(page.contains(QStringLiteral("Look first window %1 (").arg(i + 1)) &&
                         page.contains(QStringLiteral("Shaded: SHAP")),
                     qPrintable(page));
        }
        // The ones the report did not choose as its main explanation say which window they are.
        QVERIFY2(text.contains(QStringLiteral("Window Look first window 2")) &&
                     text.contains(QStringLiteral("Window Look first window 3")),
                 qPrintable(text));
    }

    /// The SHAP explanation of the most abnormal window, as `explain --window START --json` gives
    /// it: output, each lead's sum of its segments (largest first) and the six strongest
    /// segments. PTB-XL 00017 (10 s, atrial flutter): the window is the record itself.
    void explanationInTheReport()
    {
        const QString file =
            ecglens::test::dataPath(QStringLiteral("ptbxl/records100/00000/00017_lr.hea"));
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00017_lr.hea"));
        const QJsonObject analysis =
            ecglens::test::cliJson({QStringLiteral("analyze"), file, QStringLiteral("--json")});
        QCOMPARE(analysis.value(QStringLiteral("flagged")).toArray().size(), 1);
        const QJsonObject cli =
            ecglens::test::cliJson({QStringLiteral("explain"), file, QStringLiteral("--window"),
                                    QStringLiteral("0"), QStringLiteral("--json")});
        const QString pdf = m_dir.filePath(QStringLiteral("explained.pdf"));
        const QString text = cliReportText(file, pdf);
        QVERIFY2(!text.startsWith(QLatin1String("REPORT FAILED")), qPrintable(text));
        auto fixed = [](double v, int decimals) { return QString::number(v, 'f', decimals); };
        auto signedFixed = [&](double v) -> QString {
            return (v > 0 ? QStringLiteral("+") : QString()) + fixed(v, 2);
        };
        QStringList expected{
            QStringLiteral("Explanation (SHAP) of window 0.0\u201310.0 s"),
            QStringLiteral("Window the most probable window of the most probable flagged segment"),
            QStringLiteral("Output probability of abnormal %1; with every segment removed %2; "
                           "log-odds %3 \u2192 %4")
                .arg(fixed(cli.value(QStringLiteral("probability")).toDouble(), 3),
                     fixed(cli.value(QStringLiteral("base_probability")).toDouble(), 3),
                     fixed(cli.value(QStringLiteral("base_value")).toDouble(), 3),
                     fixed(cli.value(QStringLiteral("output")).toDouble(), 3)),
            QStringLiteral("KernelSHAP over %1 segments, %2 model evaluations")
                .arg(cli.value(QStringLiteral("contributions")).toArray().size())
                .arg(cli.value(QStringLiteral("evaluations")).toInt()),
            QStringLiteral("passed: the contributions add up"),
            QStringLiteral("they do not show where disease is")};
        // By lead: the sums of its contributions, largest magnitude first.
        std::map<QString, double> sums;
        struct Contribution
        {
            QString lead;
            double start, end, value;
        };
        std::vector<Contribution> all;
        for (const QJsonValue& v : cli.value(QStringLiteral("contributions")).toArray()) {
            const QJsonObject c = v.toObject();
            const QString lead = c.value(QStringLiteral("lead")).toString();
            const double value = c.value(QStringLiteral("value")).toDouble();
            sums[lead] += value;
            all.push_back({lead, c.value(QStringLiteral("start_s")).toDouble(),
                           c.value(QStringLiteral("end_s")).toDouble(), value});
        }
        std::vector<std::pair<QString, double>> byLead(sums.begin(), sums.end());
        std::stable_sort(byLead.begin(), byLead.end(), [](const auto& x, const auto& y) {
            return std::abs(x.second) > std::abs(y.second);
        });
        QCOMPARE(int(byLead.size()), 12);
        // The first three leads (further down, ties in the second decimal could reorder).
        QString leads = QStringLiteral("By lead (log-odds) ");
        for (int i = 0; i < 3; ++i)
            leads += (i ? QStringLiteral(" \u00b7 ") : QString()) + byLead[std::size_t(i)].first +
                     QLatin1Char(' ') + signedFixed(byLead[std::size_t(i)].second);
        expected << leads;
        std::stable_sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
            return std::abs(x.value) > std::abs(y.value);
        });
        const Contribution& top = all.front();
        expected << QStringLiteral("Strongest segments [1] %1 %2\u2013%3 s %4")
                        .arg(top.lead, fixed(top.start, 1), fixed(top.end, 1),
                             signedFixed(top.value));
        for (const QString& e : expected)
            QVERIFY2(text.contains(e), qPrintable(e + QStringLiteral("\n") + text));
    }

    /// `report --model models/gbm`: the measurement model's explanation of the flagged window,
    /// as `explain --model models/gbm --json` gives it (output, base, the strongest
    /// contribution first), and no SHAP shading (a measurement model has no segments).
    void measurementModelExplanationInTheReport()
    {
        const QString file =
            ecglens::test::dataPath(QStringLiteral("ptbxl/records100/00000/00017_lr.hea"));
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00017_lr.hea"));
        const QString gbm = QStringLiteral(ECGLENS_MODELS_DIR "/gbm");
        const QJsonObject cli =
            ecglens::test::cliJson({QStringLiteral("explain"), file, QStringLiteral("--model"), gbm,
                                    QStringLiteral("--json")});
        QCOMPARE(cli.value(QStringLiteral("method")).toString(), QStringLiteral("treeshap"));
        const QString pdf = m_dir.filePath(QStringLiteral("gbm.pdf"));
        const Run r = runCli({QStringLiteral("report"), file, QStringLiteral("--out"), pdf,
                              QStringLiteral("--no-saved-review"), QStringLiteral("--model"), gbm});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString text = pdfText(pdf);
        auto fixed = [](double v) { return QString::number(v, 'f', 3); };
        double top = 0;
        for (const QJsonValue& v : cli.value(QStringLiteral("contributions")).toArray()) {
            const double c = v.toObject().value(QStringLiteral("contribution")).toDouble();
            top = std::abs(c) > std::abs(top) ? c : top;
        }
        const QString strongest =
            QStringLiteral("Strongest \\(log-odds\\) [^\u00b7]* %1%2 \u00b7")
                .arg(top > 0 ? QStringLiteral("\\+") : QString(), QString::number(top, 'f', 2));
        QVERIFY2(text.contains(QRegularExpression(strongest)), qPrintable(strongest + text));
        for (const QString& expected :
             {QStringLiteral("Explanation of the measurement model's output for window "
                             "0.0\u201310.0 s"),
              QStringLiteral("Output probability of abnormal %1; log-odds %2 = base %3 + the "
                             "contributions")
                  .arg(fixed(cli.value(QStringLiteral("probability")).toDouble()),
                       fixed(cli.value(QStringLiteral("output")).toDouble()),
                       fixed(cli.value(QStringLiteral("base_value")).toDouble())),
              QStringLiteral("exact TreeSHAP (libxgboost) over the model's %1 inputs")
                  .arg(cli.value(QStringLiteral("contributions")).toArray().size()),
              QStringLiteral("passed: the contributions add up")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n") + text));
        QVERIFY(!text.contains(QStringLiteral("Shaded:")));
        QVERIFY(!text.contains(QStringLiteral("Explanation (SHAP)")));
    }

    /// A made-up explanation of the first 10 s of PTB-XL 00017 drawn on its pages: each page
    /// with it and without differs exactly in the bands' rectangles, placed by the paper's
    /// definition (25 mm/s from 10 mm after the grid's left edge at 18.5 mm; the grid from 42 mm
    /// down; 3 x 4 page: rows 37.5 mm high, column c holds 2.5c..2.5c+2.5 s, the rhythm strip
    /// lead II for 10 s; one lead per row: 30 mm rows), red for a contribution towards abnormal,
    /// blue towards normal. Page 2 has the leads with the largest contribution sums but lead II
    /// (on the rhythm strip) for 10 s, largest first; a segment on neither page is listed as such.
    void explanationBandsOnTheEcgPage()
    {
        const auto recording = ecglens::io::open(
            ecglens::test::dataPath(QStringLiteral("ptbxl/records100/00000/00017_lr.hea"))
                .toStdString());
        QVERIFY2(recording.ok(), recording.error().c_str());
        ecglens::report::ReportInput input(*recording);
        input.detectionMessage = "not run";
        const QString plain = m_dir.filePath(QStringLiteral("unexplained.pdf"));
        auto written = ecglens::report::writeReport(input, plain);
        QVERIFY2(written.ok(), written.error().c_str());

        ecglens::xai::RecordingExplanation e;
        e.windowStartS = 0.0;
        e.windowEndS = 10.0;
        e.fsHz = 100.0;
        struct Made
        {
            int lead, start, end; // standard lead, samples at 100 Hz
            double value;
        };
        // I = 0, II = 1, aVR = 3, V2 = 7.
        const std::vector<Made> made{
            {7, 300, 350, 0.8},  // V2 3.0-3.5 s: page 2 only
            {7, 550, 600, 0.8},  // V2 5.5-6.0 s: page 1 row 2 column 3, page 2
            {1, 800, 840, -0.4}, // II 8.0-8.4 s: page 1 rhythm strip
            {3, 50, 100, 0.3},   // aVR 0.5-1.0 s: aVR sums to 0, not on page 2: on no page
            {3, 300, 350, -0.3}, // aVR 3.0-3.5 s: page 1 row 1 column 2
            {0, 100, 150, 0.05}, // I 1.0-1.5 s: page 1 row 1 column 1, page 2
        };
        double sum = 0.0;
        for (const Made& m : made) {
            e.attribution.players.push_back({m.lead, m.start, m.end, -1});
            e.attribution.shap.values.push_back(m.value);
            e.attribution.shap.standardErrors.push_back(0.0);
            e.leadSums[std::size_t(m.lead)] += m.value;
            sum += m.value;
        }
        e.attribution.shap.method = ecglens::xai::ShapleyMethod::Exact;
        e.attribution.shap.baseValue = -1.0;
        e.attribution.shap.fullValue = -1.0 + sum;
        e.attribution.shap.efficient = true;
        e.leadsPresent.fill(true);
        input.explanation = e;
        const QString pdf = m_dir.filePath(QStringLiteral("bands.pdf"));
        written = ecglens::report::writeReport(input, pdf);
        QVERIFY2(written.ok(), written.error().c_str());

        const QString text = pdfText(pdf);
        for (const QString& expected :
             {QStringLiteral("Strongest segments [1] V2 3.0\u20133.5 s +0.80 \u00b7 [2] V2 "
                             "5.5\u20136.0 s +0.80 \u00b7 [3] II 8.0\u20138.4 s -0.40 \u00b7 [4] "
                             "aVR 0.5\u20131.0 s +0.30 (not on the ECG pages) \u00b7 [5] aVR "
                             "3.0\u20133.5 s -0.30 \u00b7 [6] I 1.0\u20131.5 s +0.05"),
              QStringLiteral("ECG, explained window, the 2 leads with the largest contributions: "
                             "0.0\u201310.0 s"),
              QStringLiteral("Shaded: SHAP contributions to the detector's output")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n") + text));
        QVERIFY(!pdfText(plain).contains(QStringLiteral("Shaded:")));

        struct Band
        {
            QRectF mm; // x, y, width, height
            bool towardsAbnormal;
            bool strong; // not the faint +0.05
        };
        auto checkPage = [&](int page, QImage without, const std::vector<Band>& bands) {
            const QImage with = pageImage(pdf, QStringLiteral("bands%1").arg(page), page);
            QVERIFY2(!with.isNull() && !without.isNull(), "pdftoppm did not render the page");
            QCOMPARE(with.size(), without.size());
            for (const Band& band : bands) {
                const QRect px = QRectF(band.mm.x() * 10, band.mm.y() * 10, band.mm.width() * 10,
                                        band.mm.height() * 10)
                                     .toRect()
                                     .adjusted(8, 8, -8, -8); // clear of the outline
                int pixels = 0, changed = 0;
                double redMinusBlue = 0.0; // mean change of red minus change of blue
                for (int y = px.top(); y <= px.bottom(); ++y)
                    for (int x = px.left(); x <= px.right(); ++x) {
                        const QRgb a = with.pixel(x, y), b = without.pixel(x, y);
                        ++pixels;
                        if (a != b) {
                            ++changed;
                            // Shading takes more blue than red from the paper where it is red.
                            redMinusBlue += (qRed(a) - qRed(b)) - (qBlue(a) - qBlue(b));
                        }
                    }
                redMinusBlue /= std::max(changed, 1);
                const QString what = QStringLiteral("page %1 band at %2 mm: %3 of %4 px changed, "
                                                    "red - blue %5")
                                         .arg(page)
                                         .arg(band.mm.x())
                                         .arg(changed)
                                         .arg(pixels)
                                         .arg(redMinusBlue);
                // The grid is drawn over the bands: its lines (about a quarter of the pixels at
                // 10 px per mm) keep their colour, the paper between them takes the band's.
                if (!band.strong) {
                    QVERIFY2(changed > 0, qPrintable(what));
                    continue;
                }
                QVERIFY2(changed > 0.6 * pixels, qPrintable(what));
                QVERIFY2(band.towardsAbnormal ? redMinusBlue > 20 : redMinusBlue < -20,
                         qPrintable(what));
            }
            // Nothing else on the grid changed (the rectangles widened by 1 mm for antialiasing).
            int stray = 0;
            for (int y = 420; y < 1920; ++y)
                for (int x = 185; x < 2785; ++x) {
                    const QPointF mm(x / 10.0, y / 10.0);
                    bool inside = false;
                    for (const Band& band : bands)
                        inside = inside || band.mm.adjusted(-1, -1, 1, 1).contains(mm);
                    if (!inside && with.pixel(x, y) != without.pixel(x, y))
                        ++stray;
                }
            QVERIFY2(stray == 0, qPrintable(QStringLiteral("page %1: %2 px changed outside the "
                                                           "bands")
                                                .arg(page)
                                                .arg(stray)));
        };
        const QImage without = pageImage(plain, QStringLiteral("unexplained"));
        checkPage(1, without,
                  {{{28.5 + 5.5 * 25.0, 42.0 + 37.5, 0.5 * 25.0, 37.5}, true, true},      // V2
                   {{28.5 + 8.0 * 25.0, 42.0 + 3 * 37.5, 0.4 * 25.0, 37.5}, false, true}, // II
                   {{28.5 + 3.0 * 25.0, 42.0, 0.5 * 25.0, 37.5}, false, true},            // aVR
                   {{28.5 + 1.0 * 25.0, 42.0, 0.5 * 25.0, 37.5}, true, false}});          // I
        if (QTest::currentTestFailed())
            return;
        // Page 2 exists only with an explanation: compared with the same page of one whose
        // values are all 0 (the same lead sums, so the same rows: V2 (1.6), then I (0.05); no
        // shading).
        ecglens::xai::RecordingExplanation silent = e;
        for (double& v : silent.attribution.shap.values)
            v = 0.0;
        silent.leadSums = e.leadSums; // the same leads on page 2, nothing shaded
        input.explanation = silent;
        const QString unshaded = m_dir.filePath(QStringLiteral("unshaded.pdf"));
        written = ecglens::report::writeReport(input, unshaded);
        QVERIFY2(written.ok(), written.error().c_str());
        QVERIFY(pdfText(unshaded).contains(QStringLiteral("the 2 leads with the largest")));
        checkPage(2, pageImage(unshaded, QStringLiteral("unshaded2"), 2),
                  {{{28.5 + 3.0 * 25.0, 42.0, 0.5 * 25.0, 30.0}, true, true},    // V2 3.0-3.5 s
                   {{28.5 + 5.5 * 25.0, 42.0, 0.5 * 25.0, 30.0}, true, true},    // V2 5.5-6.0 s
                   {{28.5 + 1.0 * 25.0, 72.0, 0.5 * 25.0, 30.0}, true, false}}); // I
    }

    /// The explained window shown on no other page gets pages of its own after them.
    void explainedWindowGetsItsOwnPage()
    {
        const auto recording = ecglens::io::open(
            ecglens::test::dataPath(QStringLiteral("mitdb/101.hea")).toStdString());
        QVERIFY2(recording.ok(), recording.error().c_str());
        ecglens::report::ReportInput input(*recording);
        input.detectionMessage = "not run";
        ecglens::xai::RecordingExplanation e;
        e.windowStartS = 600.0;
        e.windowEndS = 610.0;
        e.probability = 0.625;
        e.attribution.players.push_back({1, 100, 200, -1});
        e.attribution.shap.values.push_back(0.5);
        e.attribution.shap.standardErrors.push_back(0.0);
        e.leadsPresent[1] = true;
        input.explanation = e;
        const QString pdf = m_dir.filePath(QStringLiteral("own_page.pdf"));
        const auto written = ecglens::report::writeReport(input, pdf);
        QVERIFY2(written.ok(), written.error().c_str());
        const QString page2 =
            QString::fromUtf8(run(QStringLiteral("pdftotext"),
                                  {QStringLiteral("-f"), QStringLiteral("2"), QStringLiteral("-l"),
                                   QStringLiteral("2"), pdf, QStringLiteral("-")})
                                  .out)
                .simplified();
        const QString caption =
            QStringLiteral("ECG, explained window (probability 0.625): 0:10:00.0\u20130:10:10.0");
        QVERIFY2(page2.contains(caption) && page2.contains(QStringLiteral("Shaded: SHAP")),
                 qPrintable(page2));
        // MLII counts as II: the player's band is on it, and listed as printed.
        QVERIFY2(pdfText(pdf).contains(
                     QStringLiteral("Strongest segments [1] II 0:10:01.0\u20130:10:02.0 +0.50 ")),
                 qPrintable(pdfText(pdf)));
    }

    /// A long recording with many flagged runs: the report lists the 30 most probable, in time
    /// order under their own numbers, and says how many it left out. 100 made-up segments of
    /// 10 s, one a minute; segment k (from 1) has probability 0.5 + (k * 37 % 100) / 1000, so
    /// the 30 most probable are those with k * 37 % 100 >= 70.
    void manyFlaggedSegmentsAreCapped()
    {
        const auto recording = ecglens::io::open(
            ecglens::test::dataPath(QStringLiteral("mitdb/101.hea")).toStdString());
        QVERIFY2(recording.ok(), recording.error().c_str());
        ecglens::report::ReportInput input(*recording);
        ecglens::ml::Analysis a;
        a.thresholds.borderline = 0.2;
        a.thresholds.anomalous = 0.4;
        for (int k = 1; k <= 100; ++k) {
            const double start = 60.0 * (k - 1);
            const double p = 0.5 + (k * 37 % 100) / 1000.0;
            a.windows.push_back({start, start + 10.0, p});
            a.windows.push_back({start + 30.0, start + 40.0, 0.1}); // breaks the runs
            a.flagged.push_back({start, start + 10.0, p});
        }
        a.probability = 0.5;
        a.verdict = ecglens::ml::Verdict::Anomalous;
        input.detection = a;
        const QString pdf = m_dir.filePath(QStringLiteral("capped.pdf"));
        const auto written = ecglens::report::writeReport(input, pdf);
        QVERIFY2(written.ok(), written.error().c_str());
        const QString text = pdfText(pdf);
        QStringList expected;
        for (int k = 1; k <= 100; ++k) {
            const bool listed = k * 37 % 100 >= 70;
            const QString label = QStringLiteral("Segment %1 ").arg(k);
            QVERIFY2(text.contains(label) == listed, qPrintable(label));
            if (listed)
                expected << label;
        }
        QCOMPARE(expected.size(), 30);
        // In time order.
        qsizetype at = 0;
        for (const QString& label : expected) {
            const qsizetype next = text.indexOf(label, at);
            QVERIFY2(next > at, qPrintable(label));
            at = next;
        }
        QVERIFY2(text.contains(QStringLiteral("70 more flagged segments with lower probabilities "
                                              "are not listed here")),
                 qPrintable(text));
    }

    void apiRawSignalAndNoAnalysis()
    {
        // Without the conditioned signal the page says the traces are raw; nothing reviewed.
        const auto recording = ecglens::io::open(
            ecglens::test::dataPath(QStringLiteral("mitdb/101.hea")).toStdString());
        QVERIFY2(recording.ok(), recording.error().c_str());
        ecglens::report::ReportInput input(*recording);
        input.detectionMessage = "not run";
        const QString pdf = m_dir.filePath(QStringLiteral("raw.pdf"));
        const auto written = ecglens::report::writeReport(input, pdf);
        QVERIFY2(written.ok(), written.error().c_str());
        const QString text =
            QString::fromUtf8(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out);
        QVERIFY2(text.contains(QStringLiteral("raw signal, median of each lead removed")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Not reviewed.")));
        QVERIFY(text.contains(QStringLiteral("UNCONFIRMED: not reviewed by a clinician")));
        QVERIFY(text.contains(QStringLiteral("not available: not run")));
        QVERIFY(!text.contains(QStringLiteral("PTB-XL"))); // no model, no credit

        // The recording itself is never a report target.
        const auto refused =
            ecglens::report::writeReport(input, QString::fromStdString(recording->sourcePath));
        QVERIFY(!refused.ok());
        QVERIFY(QString::fromStdString(refused.error()).contains(QStringLiteral("recording")));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
