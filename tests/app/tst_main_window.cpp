// The window's open path (background worker, latest request wins, error dialog, settings,
// patient panel, demo marking) and `ecglens --screenshot`, offscreen.

#include "app_settings.h"
#include "ecg_viewer.h"
#include "i18n.h"
#include "job_runner.h"
#include "main_window.h"
#include "ml/shared_library.h"
#include "patient_panel.h"
#include "report.h"
#include "test_data.h"
#include "test_window.h"
#include "view/signal_view.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMessageBox>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace ecglens;

namespace {

/// Number of signals declared by a WFDB header: the second field of its first non-comment line.
int wfdbSignalCount(const QString& heaPath)
{
    QFile f(heaPath);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        return line.split(' ').value(1).toInt();
    }
    return -1;
}

/// Signals declared by an EDF header (bytes 252-255, "ns"), minus EDF Annotations channels.
int edfSignalCount(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray head = f.read(256);
    const int ns = head.mid(252, 4).trimmed().toInt();
    const QByteArray labels = f.read(16 * ns);
    int annotations = 0;
    for (int i = 0; i < ns; ++i)
        if (labels.mid(16 * i, 16).trimmed() == "EDF Annotations")
            ++annotations;
    return ns - annotations;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    std::unique_ptr<QSettings> store(const QString& name = QStringLiteral("settings.ini"))
    {
        return std::make_unique<QSettings>(m_dir.filePath(name), QSettings::IniFormat);
    }

    /// Opens `path` through the window and waits; fails with the reader's message.
    static bool openAndWait(MainWindow& w, const QString& path, int timeoutMs = 60000)
    {
        QSignalSpy shown(&w, &MainWindow::recordingShown);
        QSignalSpy failed(&w, &MainWindow::loadFailed);
        w.openPath(path);
        if (!QTest::qWaitFor([&] { return shown.count() + failed.count() > 0; }, timeoutMs))
            qWarning("timed out opening %s", qPrintable(path));
        return shown.count() > 0;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    /// With automatic analysis the window opens the detector's LibTorch module a second after
    /// start, before any recording (so the first verdict does not wait for it), and without it
    /// never does. Runs first: the module, once open, stays open for the process.
    void detectorWarmedUpOnlyWithAutomaticAnalysis()
    {
        const auto moduleOpen = [] { return ml::sharedLibraryMapped("libecglens_torch.so"); };
        QVERIFY(!moduleOpen());
        {
            MainWindow w(store(QStringLiteral("manual.ini")));
            w.settings().autoAnalyse = false;
            w.show();
            QTest::qWait(2500);
            QVERIFY(!moduleOpen());
        }
        {
            MainWindow w(store(QStringLiteral("auto.ini")));
            QVERIFY(w.settings().autoAnalyse); // the default
            w.show();
            QTRY_VERIFY_WITH_TIMEOUT(moduleOpen(), 20000);
        }
    }

    void opensEverySharedFormat_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<int>("expectedLeads"); // from the file's own header; -1: just > 0
        const auto wfdb = [](const char* rel) {
            return wfdbSignalCount(test::dataPath(QString::fromLatin1(rel)));
        };
        QTest::newRow("WFDB MIT-BIH 100") << "wfdb-samples/100.hea" << wfdb("wfdb-samples/100.hea");
        QTest::newRow("WFDB MIT-BIH 101") << "mitdb/101.hea" << wfdb("mitdb/101.hea");
        QTest::newRow("PTB-XL 100 Hz")
            << "ptbxl/records100/00000/00001_lr.hea" << wfdb("ptbxl/records100/00000/00001_lr.hea");
        QTest::newRow("PTB-XL 500 Hz")
            << "ptbxl/records500/00000/00009_hr.hea" << wfdb("ptbxl/records500/00000/00009_hr.hea");
        QTest::newRow("LUDB") << "ludb/data/1.hea" << wfdb("ludb/data/1.hea");
        QTest::newRow("EDF") << "wfdb-samples/test_generator_2.edf"
                             << edfSignalCount(test::dataPath(
                                    QStringLiteral("wfdb-samples/test_generator_2.edf")));
        // formats/README.md: the SCP file holds 12 leads (also what libbiosig reads).
        QTest::newRow("SCP-ECG") << "formats/ecgtoolkit-Example.scp" << 12;
        QTest::newRow("DICOM") << "formats/ecgtoolkit-Example.dcm" << 12;
        QTest::newRow("HL7 aECG (Mortara)") << "formats/ecgtoolkit-Example.xml" << -1;
        QTest::newRow("HL7 aECG (ecg-kit)") << "formats/ecgkit-ecg_hl7.xml" << -1;
    }
    void opensEverySharedFormat()
    {
        QFETCH(QString, relative);
        QFETCH(int, expectedLeads);
        ECGLENS_REQUIRE_DATA(relative);
        MainWindow w(store());
        w.resize(1200, 800);
        w.show();
        const bool ok = openAndWait(w, test::dataPath(relative));
        if (!ok)
            QFAIL(qPrintable(QStringLiteral("%1 did not open through the window (reader missing or "
                                            "failing?): %2")
                                 .arg(relative, w.lastError())));
        QVERIFY(w.recording());
        if (expectedLeads > 0)
            QCOMPARE(int(w.recording()->leads.size()), expectedLeads);
        else
            QVERIFY(!w.recording()->leads.empty());
        QVERIFY(w.recording()->durationS() > 0);
        // It is on screen: the plot has the view and drew data into its panels.
        const EcgPlot* plot = w.viewer()->plot();
        QVERIFY(plot->signalView());
        QVERIFY(!plot->paperLayout().panels.empty());
        QVERIFY(plot->graph(0)->data()->size() > 0);
        QVERIFY(w.windowTitle().contains(QFileInfo(relative).fileName()));
    }

    /// Every reader warning of the shown recording stays reachable (the status bar's message
    /// shows one at a time): MIT-BIH 100 cut to its first 1000 frames, with a header saying
    /// 1000 samples and keeping both signals' checksums of the whole record, gives a checksum
    /// warning per signal.
    void readerWarningsAllListed()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/100.dat"));
        const QString dir = m_dir.filePath(QStringLiteral("warnings"));
        QVERIFY(QDir().mkpath(dir));
        QFile source(test::dataPath(QStringLiteral("wfdb-samples/100.hea")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QByteArray header = source.readAll();
        QVERIFY(header.contains("100 2 360 650000"));
        header.replace("100 2 360 650000", "100 2 360 1000");
        QFile hea(QDir(dir).filePath(QStringLiteral("100.hea")));
        QVERIFY(hea.open(QIODevice::WriteOnly));
        hea.write(header);
        hea.close();
        QFile dat(test::dataPath(QStringLiteral("wfdb-samples/100.dat")));
        QVERIFY(dat.open(QIODevice::ReadOnly));
        QFile cut(QDir(dir).filePath(QStringLiteral("100.dat")));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        QCOMPARE(cut.write(dat.read(3000)), qint64(3000)); // format 212, 2 signals: 3 bytes a frame
        cut.close();

        QVERIFY(installTranslations(*qApp, QStringLiteral("en")).isEmpty()); // plural forms
        MainWindow w(store());
        w.show();
        QVERIFY(openAndWait(w, hea.fileName()));
        auto* button = w.findChild<QToolButton*>(QStringLiteral("readerWarnings"));
        QVERIFY(button && button->isVisible());
        QCOMPARE(button->text(), QStringLiteral("⚠ 2 reader warnings"));
        for (const QString& expected : {QStringLiteral("MLII: checksum mismatch (header -22131"),
                                        QStringLiteral("V5: checksum mismatch (header 20052")})
            QVERIFY2(button->toolTip().contains(expected), qPrintable(button->toolTip()));
        button->click();
        auto* box = w.findChild<QMessageBox*>(QStringLiteral("readerWarningsBox"));
        QVERIFY(box);
        QCOMPARE(box->text(), button->toolTip());
        box->close();
        // A clean recording has none.
        QVERIFY(openAndWait(w, test::dataPath(QStringLiteral("wfdb-samples/100.hea"))));
        QVERIFY(!button->isVisible());
    }

    void readerErrorKeepsWindowUsable()
    {
        const QString junk = m_dir.filePath(QStringLiteral("junk.edf"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(300, 'x'));
        f.close();
        MainWindow w(store());
        w.show();
        QVERIFY(!openAndWait(w, junk));
        QVERIFY(!w.lastError().isEmpty());
        QVERIFY2(w.lastError().contains(QStringLiteral("junk.edf")), qPrintable(w.lastError()));
        QVERIFY(!w.loading());
        // The same window opens a good file afterwards.
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00001_lr.hea"));
        QVERIFY(
            openAndWait(w, test::dataPath(QStringLiteral("ptbxl/records100/00000/00001_lr.hea"))));
        QVERIFY(w.lastError().isEmpty());
    }

    void annotationOnlyEdfIsExplained()
    {
        // test_edfann.edf declares one channel, "EDF Annotations" (header bytes 252-255 and the
        // label field): nothing to draw, so the window says so instead of showing empty paper.
        const QString rel = QStringLiteral("wfdb-samples/test_edfann.edf");
        ECGLENS_REQUIRE_DATA(rel);
        QCOMPARE(edfSignalCount(test::dataPath(rel)), 0);
        MainWindow w(store());
        w.show();
        QVERIFY(!openAndWait(w, test::dataPath(rel)));
        QVERIFY2(w.lastError().contains(QStringLiteral("no signal")), qPrintable(w.lastError()));
        QVERIFY(!w.recording());
    }

    void latestRequestWins()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00001_lr.hea"));
        MainWindow w(store());
        w.show();
        QSignalSpy shown(&w, &MainWindow::recordingShown);
        QSignalSpy failed(&w, &MainWindow::loadFailed);
        // A: a long recording (several seconds of work); B requested right after.
        w.openPath(QStringLiteral("demo:seconds=7200,fs=500,leads=12"));
        const QString b = test::dataPath(QStringLiteral("ptbxl/records100/00000/00001_lr.hea"));
        w.openPath(b);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() > 0 || failed.count() > 0, 60000);
        QTest::qWait(500); // give a stale A the chance to (wrongly) arrive
        QCOMPARE(failed.count(), 0);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.at(0).at(0).toString(), b);
        QCOMPARE(w.currentPath(), b);
        QCOMPARE(int(w.recording()->leads.size()), 12);
    }

    void runnerDropsStaleAndRunsOffGuiThread()
    {
        JobRunner runner;
        QSignalSpy done(&runner, &JobRunner::loadFinished);
        const quint64 a = runner.load(QStringLiteral("demo:seconds=3600,fs=500,leads=12"));
        const quint64 b = runner.load(QStringLiteral("demo:seconds=10"));
        QVERIFY(b > a);
        QTRY_VERIFY_WITH_TIMEOUT(done.count() > 0, 60000);
        QTest::qWait(300);
        QCOMPARE(done.count(), 1);
        const auto outcome = done.at(0).at(0).value<LoadOutcome>();
        QCOMPARE(outcome.jobId, b);
        QVERIFY(outcome.recording);
        QVERIFY(outcome.signal);
        QCOMPARE(int(outcome.recording->durationS() + 0.5), 10);
        // Cancel: nothing arrives, and the runner is idle again.
        done.clear();
        runner.load(QStringLiteral("demo:seconds=3600,fs=500,leads=12"));
        QVERIFY(runner.busy(JobKind::Load));
        runner.cancel(JobKind::Load);
        QVERIFY(!runner.busy(JobKind::Load));
        QTest::qWait(1500);
        QCOMPARE(done.count(), 0);
    }

    void demoIsMarkedSynthetic()
    {
        MainWindow w(store());
        w.show();
        QSignalSpy shown(&w, &MainWindow::recordingShown);
        w.openDemo();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() > 0 || !w.lastError().isEmpty(), 30000);
        QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
        QVERIFY(w.recording()->synthetic);
        QVERIFY(w.windowTitle().contains(QStringLiteral("SYNTHETIC DEMO")));
        bool bannerShown = false;
        for (QLabel* l : w.findChildren<QLabel*>())
            if (l->isVisible() && l->text().contains(QStringLiteral("SYNTHETIC DEMO")))
                bannerShown = true;
        QVERIFY(bannerShown);
        // The decision-support note is always there.
        auto* note = w.findChild<QLabel*>(QStringLiteral("decisionSupportNote"));
        QVERIFY(note && note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("does not diagnose")));
    }

    /// A screen reader (Orca, NVDA) names a control by what Qt's accessibility interface
    /// reports: every control a clinician can operate, in the window and every dock, with a
    /// recording shown and analysed, has a name there (its text, a form label that is its
    /// buddy, or an accessible name set for it), and the ECG traces say what they show.
    void everyControlHasAnAccessibleName()
    {
        MainWindow w(store(QStringLiteral("a11y.ini")));
        w.show();
        QSignalSpy shown(&w, &MainWindow::recordingShown);
        w.openDemo();
        QVERIFY(QTest::qWaitFor([&] { return shown.count() > 0; }, 60000));
        for (QDockWidget* dock : w.findChildren<QDockWidget*>())
            dock->show();
        const QStringList unnamed = test::unnamedControls(w);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1String("\n"))));

        // The traces say which leads, which stretch and at what scale, and follow a change.
        EcgPlot* plot = w.viewer()->plot();
        const QString said = plot->accessibleDescription();
        QVERIFY2(said.startsWith(QLatin1String(
                     "Leads I, II, III, aVR, aVL, aVF, V1, V2, V3, V4, V5, V6; 0.0 to ")),
                 qPrintable(said));
        QVERIFY2(said.endsWith(QLatin1String(" shown at 25 mm/s and 10 mm/mV.")), qPrintable(said));
        plot->setSpeedMmPerS(50.0);
        QVERIFY2(plot->accessibleDescription().endsWith(
                     QLatin1String(" shown at 50 mm/s and 10 mm/mV.")),
                 qPrintable(plot->accessibleDescription()));
    }

    /// A shortcut shared by two actions fires neither (Qt reports an ambiguous overload), so
    /// every key sequence belongs to one action; each dock's View-menu toggle says which dock.
    void everyShortcutIsUnique()
    {
        MainWindow w(store(QStringLiteral("shortcuts.ini")));
        w.show();
        QSignalSpy shown(&w, &MainWindow::recordingShown);
        w.openDemo(); // per-lead menus exist once a recording is shown
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() > 0, 30000);
        QMap<QString, QStringList> owners;
        for (QAction* a : w.findChildren<QAction*>())
            for (const QKeySequence& k : a->shortcuts())
                owners[k.toString(QKeySequence::PortableText)] << a->text();
        QVERIFY(owners.contains(QStringLiteral("Ctrl+P")) &&
                owners.contains(QStringLiteral("Ctrl+E")));
        QStringList clashes;
        for (auto it = owners.cbegin(); it != owners.cend(); ++it)
            if (it.value().size() > 1)
                clashes << it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(", "));
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
        QStringList dockToggles;
        for (QDockWidget* d : w.findChildren<QDockWidget*>())
            dockToggles << d->toggleViewAction()->text();
        const QSet<QString> distinct(dockToggles.cbegin(), dockToggles.cend());
        QVERIFY2(distinct.size() == dockToggles.size(), qPrintable(dockToggles.join(u',')));
    }

    void patientPanelEditableWhereFileIsSilent()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("mitdb/101.hea"));
        MainWindow w(store());
        w.show();
        QVERIFY(openAndWait(w, test::dataPath(QStringLiteral("mitdb/101.hea"))));
        // 101.hea's comment line gives age 75 and sex F, but no patient ID.
        PatientPanel* p = w.patientPanel();
        QVERIFY(p->idEditable());
        QVERIFY(!p->ageEditable());
        QCOMPARE(p->patient().ageYears.value_or(-1), 75.0);
        QVERIFY(!p->sexEditable());
        QCOMPARE(p->patient().sex, Sex::Female);
        QCOMPARE(p->nameText(), QString()); // MIT-BIH is anonymous
        QCOMPARE(p->birthDateText(), QString());
        QCOMPARE(w.windowTitle(), QStringLiteral("101.hea \u2014 ECG Lens"));
        // The title names the patient as typed in, each identifier a Unicode isolate
        // (U+2068 ... U+2069): a Hebrew name reads right to left in place, and the title, whose
        // direction a window manager takes from its first strong letter outside isolates
        // (UAX #9 P2, as QString::isRightToLeft), stays left to right.
        p->applyEntered(QStringLiteral("MRN-1"), QString(), std::nullopt, Sex::Unknown);
        QCOMPARE(w.windowTitle(),
                 QStringLiteral("\u2068MRN-1\u2069 \u00b7 101.hea \u2014 ECG Lens"));
        const QString hebrew =
            QStringLiteral("\u05e9\u05e8\u05d5\u05df, \u05d3\u05d1\u05d5\u05e8\u05d4");
        p->applyEntered(QStringLiteral("MRN-1"), hebrew, std::nullopt, Sex::Unknown);
        QCOMPARE(w.windowTitle(), QStringLiteral("\u2068") + hebrew +
                                      QStringLiteral("\u2069 (\u2068MRN-1\u2069) \u00b7 101.hea "
                                                     "\u2014 ECG Lens"));
        QVERIFY(!w.windowTitle().isRightToLeft());
        QVERIFY(QString(hebrew + QStringLiteral(" (MRN-1)")).isRightToLeft()); // not isolated
        // A long record gets the overview strip.
        QVERIFY(w.viewer()->overviewShown());

        // PTB-XL 00010: scp_codes {'NORM': 100.0, 'SR': 0.0} in ptbxl_database.csv, where 0 is
        // PTB-XL's "likelihood unknown": shown without a percentage, not as "0 %". The file's
        // words are isolates (U+2068 ... U+2069), so a Hebrew or Arabic statement would keep
        // its "(100 %)" after it.
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00010_lr.hea"));
        QVERIFY(
            openAndWait(w, test::dataPath(QStringLiteral("ptbxl/records100/00000/00010_lr.hea"))));
        const QStringList lines = p->statementsText().split(QLatin1Char('\n'));
        QCOMPARE(lines, (QStringList{QStringLiteral("Statements in the file:"),
                                     QStringLiteral("NORM — \u2068normal ECG\u2069 (100 %)"),
                                     QStringLiteral("SR — \u2068sinus rhythm\u2069")}));

        // The SCP-ECG example names its patient (section 1 tag 0 "Clark", tag 5 1953-05-08;
        // libbiosig reads the same): shown to check against, not editable.
        ECGLENS_REQUIRE_DATA(QStringLiteral("formats/ecgtoolkit-Example.scp"));
        QVERIFY(openAndWait(w, test::dataPath(QStringLiteral("formats/ecgtoolkit-Example.scp"))));
        QCOMPARE(p->nameText(), QStringLiteral("Clark"));
        QCOMPARE(p->birthDateText(), QStringLiteral("1953-05-08"));
        QCOMPARE(w.windowTitle(), QStringLiteral("\u2068Clark\u2069 (\u2068SBJ-123\u2069) \u00b7 "
                                                 "ecgtoolkit-Example.scp \u2014 ECG Lens"));
        // View > Patient in window title off (a screen others can see): the file name alone.
        auto* inTitle = w.findChild<QAction*>(QStringLiteral("patientInTitleAction"));
        QVERIFY(inTitle && inTitle->isCheckable() && inTitle->isChecked());
        inTitle->setChecked(false);
        QVERIFY(!w.settings().patientInTitle);
        QCOMPARE(w.windowTitle(), QStringLiteral("ecgtoolkit-Example.scp \u2014 ECG Lens"));
        // A file named after its patient gives the name away in the title: then not the file
        // name either (the anonymised report leaves file names out for the same reason).
        const QString named = m_dir.filePath(QStringLiteral("ECG_CLARK_2024.scp"));
        QVERIFY(
            QFile::copy(test::dataPath(QStringLiteral("formats/ecgtoolkit-Example.scp")), named));
        QVERIFY(openAndWait(w, named));
        QCOMPARE(w.windowTitle(), QStringLiteral("file name hidden \u2014 ECG Lens"));
        inTitle->setChecked(true);
        QCOMPARE(w.windowTitle(), QStringLiteral("\u2068Clark\u2069 (\u2068SBJ-123\u2069) \u00b7 "
                                                 "ECG_CLARK_2024.scp \u2014 ECG Lens"));
        QVERIFY(report::fileNameNamesPatient(QStringLiteral("sbj-123.xml"), QString(),
                                             QStringLiteral("SBJ-123")));
        QVERIFY(!report::fileNameNamesPatient(QStringLiteral("00001_lr.hea"),
                                              QStringLiteral("Doe, J."), QStringLiteral("MRN-77")));
        QVERIFY(openAndWait(w, test::dataPath(QStringLiteral("formats/ecgtoolkit-Example.scp"))));
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("\u2068Clark\u2069")));
        QVERIFY(p->findChild<QLineEdit*>(QStringLiteral("patientName"))->isReadOnly());
        QVERIFY(!p->idEditable());
    }

    void settingsPersist()
    {
        {
            MainWindow w(store(QStringLiteral("persist.ini")));
            w.settings().layout = QStringLiteral("3x4");
            w.settings().speedMmPerS = 50.0;
            w.settings().theme = QStringLiteral("mono");
            w.settings().filterNotch = true;
            w.settings().mainsHz = 60.0;
            w.settings().addRecent(QStringLiteral("/x/a.hea"));
            w.saveSettings();
        }
        MainWindow w(store(QStringLiteral("persist.ini")));
        QCOMPARE(w.settings().layout, QStringLiteral("3x4"));
        QCOMPARE(w.settings().speedMmPerS, 50.0);
        QCOMPARE(w.settings().mainsHz, 60.0);
        QVERIFY(w.settings().filterNotch);
        QCOMPARE(w.settings().recentFiles, QStringList{QStringLiteral("/x/a.hea")});
        QCOMPARE(w.viewer()->plot()->leadLayout(), LeadLayout::Grid3x4);
        QCOMPARE(w.viewer()->plot()->paperMetrics().speedMmPerS(), 50.0);
        QCOMPARE(w.viewer()->plot()->theme().key, QStringLiteral("mono"));
    }

    /// A hospital's defaults (the system-scope settings file) reach every user who has not
    /// chosen otherwise, also when the site changes them later; a user's own choice is kept.
    void siteDefaultsReachUsers()
    {
        QTemporaryDir site, user;
        QVERIFY(site.isValid() && user.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::SystemScope, site.path());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, user.path());
        const QString org = QCoreApplication::organizationName();
        const QString app = QCoreApplication::applicationName();
        QCoreApplication::setOrganizationName(QStringLiteral("ECG Lens site test"));
        QCoreApplication::setApplicationName(QStringLiteral("ecglens"));
        auto siteFile = [&] {
            return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::SystemScope,
                                               QCoreApplication::organizationName(),
                                               QCoreApplication::applicationName());
        };
        {
            auto s = siteFile();
            s->setValue(QStringLiteral("filters/mainsHz"), 60.0);
            s->setValue(QStringLiteral("analysis/auto"), false);
            s->setValue(QStringLiteral("view/theme"), QStringLiteral("mono"));
            s->setValue(QStringLiteral("report/paper"), QStringLiteral("Letter"));
            s->setValue(QStringLiteral("privacy/patientInTitle"), false);
        }
        {
            MainWindow w(std::make_unique<QSettings>());
            QCOMPARE(w.settings().paper(), report::Paper::Letter);
            // Tools > Report paper shows the site's choice.
            const auto* paperMenu = w.findChild<QMenu*>(QStringLiteral("reportPaperMenu"));
            QVERIFY(paperMenu);
            QStringList checked;
            for (const QAction* a : paperMenu->actions())
                if (a->isChecked())
                    checked << a->text();
            QCOMPARE(checked, QStringList{QStringLiteral("US Letter")});
            QCOMPARE(w.settings().mainsHz, 60.0);
            QVERIFY(!w.settings().autoAnalyse);
            QCOMPARE(w.settings().theme, QStringLiteral("mono"));
            QVERIFY(!w.settings().patientInTitle); // a site with shared screens
            QVERIFY(!w.findChild<QAction*>(QStringLiteral("patientInTitleAction"))->isChecked());
            w.settings().theme = QStringLiteral("red"); // the user's own choice
            w.saveSettings();
        }
        const QString userFile =
            QDir(user.path()).filePath(QStringLiteral("ECG Lens site test/ecglens.conf"));
        QVERIFY2(QFile::exists(userFile), qPrintable(userFile));
        {
            QSettings own(userFile, QSettings::IniFormat);
            QCOMPARE(own.value(QStringLiteral("view/theme")).toString(), QStringLiteral("red"));
            QVERIFY(!own.contains(QStringLiteral("filters/mainsHz")));
            QVERIFY(!own.contains(QStringLiteral("analysis/auto")));
            QVERIFY(!own.contains(QStringLiteral("privacy/patientInTitle")));
        }
        siteFile()->setValue(QStringLiteral("filters/mainsHz"), 50.0);
        {
            MainWindow w(std::make_unique<QSettings>());
            QCOMPARE(w.settings().mainsHz, 50.0);
            QCOMPARE(w.settings().theme, QStringLiteral("red"));
        }
        QCoreApplication::setOrganizationName(org);
        QCoreApplication::setApplicationName(app);
    }

    /// A settings file edited by hand (a user's or a site's) with values the menus cannot
    /// offer falls back to the built-in defaults, one value at a time.
    void handEditedSettingsFallBackToDefaults()
    {
        const QString path = m_dir.filePath(QStringLiteral("garbage.ini"));
        {
            QSettings s(path, QSettings::IniFormat);
            s.setValue(QStringLiteral("view/layout"), QStringLiteral("13x1"));
            s.setValue(QStringLiteral("view/theme"), QStringLiteral("purple"));
            s.setValue(QStringLiteral("filters/lowPassHz"), 7.0);
            s.setValue(QStringLiteral("filters/mainsHz"), 55.0);
            s.setValue(QStringLiteral("view/speed"), QStringLiteral("fast"));
            s.setValue(QStringLiteral("view/gain"), -3.0);
            s.setValue(QStringLiteral("screen/dpiCalibration"), 1e9);
            s.setValue(QStringLiteral("ui/language"), QStringLiteral("tlh"));
            s.setValue(QStringLiteral("report/paper"), QStringLiteral("A3"));
            s.setValue(QStringLiteral("filters/notch"), true); // valid: kept
        }
        QSettings s(path, QSettings::IniFormat);
        AppSettings loaded;
        loaded.load(s);
        const AppSettings d;
        QCOMPARE(loaded.layout, d.layout);
        QCOMPARE(loaded.theme, d.theme);
        QCOMPARE(loaded.lowPassHz, d.lowPassHz);
        QCOMPARE(loaded.mainsHz, d.mainsHz);
        QCOMPARE(loaded.speedMmPerS, d.speedMmPerS);
        QCOMPARE(loaded.gainMmPerMv, d.gainMmPerMv);
        QCOMPARE(loaded.dpiCalibration, d.dpiCalibration);
        QCOMPARE(loaded.language, QString());
        QCOMPARE(loaded.reportPaper, QString()); // the country's
        QCOMPARE(loaded.paper(), report::systemPaper());
        QVERIFY(loaded.filterNotch);
        MainWindow w(std::make_unique<QSettings>(path, QSettings::IniFormat));
        QVERIFY(!w.settings().conditionOptions().lowPassHz.has_value()); // not 7 Hz

        // Numbers that are no numbers ("nan" once passed the gain and the screen calibration
        // through: every comparison with NaN is false).
        const QString nans = m_dir.filePath(QStringLiteral("nan.ini"));
        {
            QSettings n(nans, QSettings::IniFormat);
            for (const char* key : {"view/gain", "screen/dpiCalibration", "view/speed",
                                    "filters/mainsHz", "filters/lowPassHz"})
                n.setValue(QString::fromLatin1(key), QStringLiteral("nan"));
        }
        QSettings n(nans, QSettings::IniFormat);
        AppSettings fromNans;
        fromNans.load(n);
        QCOMPARE(fromNans.gainMmPerMv, d.gainMmPerMv);
        QCOMPARE(fromNans.dpiCalibration, d.dpiCalibration);
        QCOMPARE(fromNans.speedMmPerS, d.speedMmPerS);
        QCOMPARE(fromNans.mainsHz, d.mainsHz);
        QCOMPARE(fromNans.lowPassHz, d.lowPassHz);
    }

    void displayFiltersAndRawToggle()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records500/00000/00009_hr.hea"));
        MainWindow w(store(QStringLiteral("filters.ini")));
        w.show();
        QSignalSpy applied(&w, &MainWindow::filtersApplied);
        QVERIFY(
            openAndWait(w, test::dataPath(QStringLiteral("ptbxl/records500/00000/00009_hr.hea"))));
        QTRY_VERIFY(applied.count() >= 1);
        const auto raw = w.viewer()->plot()->signalView();
        QCOMPARE(raw->recordingPtr(), w.recording()); // no filter set: raw on screen
        applied.clear();
        w.settings().filterBaseline = true;
        w.settings().lowPassHz = 40.0;
        w.applyFilters();
        QTRY_VERIFY_WITH_TIMEOUT(applied.count() >= 1, 30000);
        const auto filtered = w.viewer()->plot()->signalView();
        QVERIFY(filtered->recordingPtr() != w.recording());
        // Baseline removal takes the mean of a lead towards 0; the raw recording is untouched.
        const auto& lead = filtered->recording().leads[0].samples;
        double mean = 0;
        for (float v : lead)
            mean += v;
        mean /= double(lead.size());
        QVERIFY2(std::abs(mean) < 0.05, qPrintable(QString::number(mean)));
        // Raw is one switch away.
        applied.clear();
        w.settings().showRaw = true;
        w.applyFilters();
        QTRY_VERIFY(applied.count() >= 1);
        QCOMPARE(w.viewer()->plot()->signalView()->recordingPtr(), w.recording());
    }

    void screenshotCommandLine()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00001_lr.hea"));
        const QString out = m_dir.filePath(QStringLiteral("shot.png"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(ECGLENS_GUI_PATH),
                {QStringLiteral("--screenshot"), out, QStringLiteral("--layout"),
                 QStringLiteral("3x4"), QStringLiteral("--size"), QStringLiteral("1200x800"),
                 test::dataPath(QStringLiteral("ptbxl/records100/00000/00001_lr.hea"))});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QImage img(out);
        QCOMPARE(img.size(), QSize(1200, 800));
        // A bad file: exit code 1 and the reader's message on stderr.
        p.start(QStringLiteral(ECGLENS_GUI_PATH), {QStringLiteral("--screenshot"), out,
                                                   m_dir.filePath(QStringLiteral("missing.hea"))});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("missing.hea"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
