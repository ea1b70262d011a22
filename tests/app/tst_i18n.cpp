// The interface's translations: complete, in step with the sources, embedded where the loader
// looks, and actually changing what the window shows.

#include "advice_language.h"
#include "advice_panel.h"
#include "app_settings.h"
#include "decision_panel.h"
#include "engine_text.h"
#include "finding_text.h"
#include "i18n.h"
#include "io/messages.h"
#include "io/open.h"
#include "io/readers.h"
#include "main_window.h"
#include "ml/messages.h"
#include "ml/model_files.h"
#include "ml/preprocess.h"
#include "test_data.h"
#include "worklist_panel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>

using namespace ecglens;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QStringList translations; ///< the text, or the numerus forms
    QString type;             ///< the translation's type attribute ("", "unfinished", ...)
};

std::vector<TsMessage> readTs(const QString& path, QString* error)
{
    std::vector<TsMessage> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    TsMessage m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message"))
            out.push_back(m);
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = TsMessage{};
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!m.numerus)
                m.translations << xml.readElementText();
        } else if (name == QLatin1String("numerusform")) {
            m.translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

/// %1..%99 and %n, sorted: the same multiset must be in the source and its translation.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    std::sort(found.begin(), found.end());
    return found;
}

/// Keyboard accelerators: '&' before a character other than '&' (a "&&" is a literal ampersand).
int accelerators(const QString& text)
{
    int n = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (!text[i + 1].isSpace())
            ++n;
    }
    return n;
}

QString tsPath(const QString& code)
{
    return QStringLiteral(ECGLENS_SOURCE_DIR "/translations/ecglens_") + code +
           QStringLiteral(".ts");
}

QStringList translatedLanguages()
{
    QStringList codes = interfaceLanguages();
    codes.removeAll(QStringLiteral("en")); // the source language
    return codes;
}

} // namespace

class TestI18n : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    std::unique_ptr<MainWindow> window(const QString& settingsName)
    {
        auto w = std::make_unique<MainWindow>(
            std::make_unique<QSettings>(m_dir.filePath(settingsName), QSettings::IniFormat));
        w->settings().autoAnalyse = false;
        return w;
    }

    static QStringList menuTitles(const MainWindow& w)
    {
        QStringList titles;
        for (QAction* a : w.menuBar()->actions())
            titles << a->text();
        return titles;
    }

    /// Removes the translators installed by installTranslations (children of the application).
    static void removeTranslators() { removeTranslations(*qApp); }

private slots:
    void cleanup()
    {
        removeTranslators();
        QLocale::setDefault(QLocale::c());
    }

    /// Every message of every shipped language is translated (no "unfinished" entry reaches a
    /// release), keeps the source's placeholders (a lost %1 silently drops a value), its
    /// keyboard accelerator and the About box's data credits and licence names.
    void translationsComplete_data()
    {
        QTest::addColumn<QString>("code");
        for (const QString& code : interfaceLanguages())
            QTest::newRow(qPrintable(code)) << code;
    }
    void translationsComplete()
    {
        QFETCH(QString, code);
        QString error;
        const auto messages = readTs(tsPath(code), &error);
        QVERIFY2(error.isEmpty(), qPrintable(tsPath(code) + QStringLiteral(": ") + error));
        if (code == QLatin1String("en")) { // plural forms of the source language only
            QVERIFY(messages.size() >= 5);
            for (const TsMessage& m : messages)
                QVERIFY2(m.numerus, qPrintable(m.source));
        } else {
            QVERIFY2(messages.size() > 400, qPrintable(QString::number(messages.size())));
        }
        QStringList problems;
        for (const TsMessage& m : messages) {
            const QString where = m.context + QStringLiteral(" \"") + m.source + QLatin1Char('"');
            if (!m.type.isEmpty())
                problems << where + QStringLiteral(": type=") + m.type;
            if (m.translations.isEmpty() || (m.numerus && m.translations.size() != 2))
                problems << where + QStringLiteral(": %1 forms").arg(m.translations.size());
            for (const QString& t : m.translations) {
                if (t.trimmed().isEmpty()) {
                    problems << where + QStringLiteral(": empty");
                    continue;
                }
                if (placeholders(t) != placeholders(m.source))
                    problems << where + QStringLiteral(": placeholders %1 vs %2")
                                            .arg(placeholders(t).join(QLatin1Char(' ')),
                                                 placeholders(m.source).join(QLatin1Char(' ')));
                // Credits and licences the licences require stay whole in every language.
                for (const char* kept :
                     {"PTB-XL", "CC BY 4.0", "GPL-3.0-or-later", "MIT-BIH", "LUDB", "ECG Lens"})
                    if (m.source.contains(QLatin1String(kept)) && !t.contains(QLatin1String(kept)))
                        problems << where +
                                        QStringLiteral(": lost \"%1\"").arg(QLatin1String(kept));
                if (accelerators(t) != accelerators(m.source))
                    problems << where + QStringLiteral(": accelerators in \"") + t +
                                    QLatin1Char('"');
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    /// The .ts files hold every text the sources mark for translation and nothing else:
    /// lupdate over the GUI's, the widgets' and the report's sources leaves them byte for byte
    /// as they are (after changing texts run `cmake --build --preset dev --target
    /// update_translations`, and for English the -pluralonly command in
    /// app/report/CMakeLists.txt, then translate what they add).
    void translationsInStepWithSources()
    {
        const QString lupdate = QStandardPaths::findExecutable(
            QStringLiteral("lupdate"), {QStringLiteral("/usr/lib/qt6/bin")});
        QVERIFY2(!lupdate.isEmpty(), "lupdate not found: install qt6-l10n-tools (bash "
                                     "packaging/install-deps.sh)");
        for (const QString& code : interfaceLanguages()) {
            const QString copy =
                m_dir.filePath(QStringLiteral("check_") + code + QStringLiteral(".ts"));
            QFile::remove(copy);
            QVERIFY(QFile::copy(tsPath(code), copy));
            QStringList args = {QStringLiteral(ECGLENS_SOURCE_DIR "/app/gui"),
                                QStringLiteral(ECGLENS_SOURCE_DIR "/app/review"),
                                QStringLiteral(ECGLENS_SOURCE_DIR "/widgets"),
                                QStringLiteral(ECGLENS_SOURCE_DIR "/app/report"),
                                QStringLiteral("-locations"),
                                QStringLiteral("none"),
                                QStringLiteral("-no-obsolete"),
                                QStringLiteral("-ts"),
                                copy};
            if (code == QLatin1String("en"))
                args << QStringLiteral("-pluralonly"); // the source language: plurals only
            QProcess p;
            p.start(lupdate, args);
            QVERIFY(p.waitForFinished(120000));
            const QString out =
                QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            QCOMPARE(p.exitCode(), 0);
            QFile before(tsPath(code)), after(copy);
            QVERIFY(before.open(QIODevice::ReadOnly) && after.open(QIODevice::ReadOnly));
            QVERIFY2(before.readAll() == after.readAll(),
                     qPrintable(tsPath(code) +
                                QStringLiteral(" is not in step with the sources "
                                               "(lupdate changes it): ") +
                                out));
        }
    }

    /// The compiled translations are embedded exactly where the loader looks, and Qt's own
    /// (standard dialog buttons) are installed.
    void translationsEmbeddedWhereLoaded()
    {
        for (const QString& code : translatedLanguages()) {
            const QString qm =
                kTranslationsPrefix + QStringLiteral("/ecglens_") + code + QStringLiteral(".qm");
            QVERIFY2(QFile::exists(qm), qPrintable(qm));
            const QString problem = installTranslations(*qApp, code);
            QVERIFY2(problem.isEmpty(),
                     qPrintable(problem + QStringLiteral(" (bash packaging/install-deps.sh)")));
            removeTranslators();
        }
        // English: the plural forms only, and no Qt translation (Qt's texts are English).
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")).isEmpty());
        QCOMPARE(qApp->findChildren<QTranslator*>().size(), qsizetype(1));
        QCOMPARE(
            QCoreApplication::translate("ecglens::AnalysisController", "%n window(s)", nullptr, 1),
            QStringLiteral("1 window"));
        QCOMPARE(
            QCoreApplication::translate("ecglens::AnalysisController", "%n window(s)", nullptr, 3),
            QStringLiteral("3 windows"));
    }

    /// Switching the language changes the visible text: menus, the status bar's safety note and
    /// a standard dialog button (Qt's translation).
    void switchingLanguageChangesVisibleText()
    {
        QStringList english;
        QString englishNote;
        {
            auto w = window(QStringLiteral("en.ini"));
            english = menuTitles(*w);
            const auto labels = w->statusBar()->findChildren<QLabel*>();
            for (QLabel* l : labels)
                if (l->text().contains(QLatin1String("does not diagnose")))
                    englishNote = l->text();
        }
        QVERIFY2(english.contains(QStringLiteral("&File")), qPrintable(english.join(u',')));
        QVERIFY(!englishNote.isEmpty());

        QVERIFY(installTranslations(*qApp, QStringLiteral("de")).isEmpty());
        auto w = window(QStringLiteral("de.ini"));
        const QStringList german = menuTitles(*w);
        QCOMPARE(german.size(), english.size());
        QVERIFY2(german.contains(QStringLiteral("&Datei")), qPrintable(german.join(u',')));
        QVERIFY2(german.contains(QStringLiteral("&Hilfe")), qPrintable(german.join(u',')));
        for (qsizetype i = 0; i < german.size(); ++i)
            QVERIFY2(german[i] != english[i], qPrintable(german[i]));
        bool noteTranslated = false;
        for (QLabel* l : w->statusBar()->findChildren<QLabel*>())
            noteTranslated |= l->text().contains(QLatin1String("keine Diagnose"));
        QVERIFY2(noteTranslated, "the status bar's 'does not diagnose' note is not in German");
        // The detector's class in the decision panel is a word of the interface, not the
        // engine's "anomalous".
        w->decisionPanel()->setDetector({QStringLiteral("anomalous"), 0.8, QStringLiteral("m1")});
        bool classTranslated = false;
        for (QLabel* l : w->decisionPanel()->findChildren<QLabel*>())
            classTranslated |= l->text().startsWith(QStringLiteral("Detektor: Auffällig, 80"));
        QVERIFY(classTranslated);
        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
    }

    /// The advice catalogue in German: every item translated from the catalogue's current
    /// English; an item whose English differs from what was translated stays English; the
    /// window's advice follows the installed language.
    void adviceTranslated()
    {
        QStringList problems = adviceTranslationProblems(QStringLiteral("de"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(!adviceTranslationProblems(QStringLiteral("xx")).isEmpty());

        const advice::Rule* pause = nullptr;
        for (const advice::Rule& r : advice::builtinCatalogue().rules)
            if (r.code == "pause")
                pause = &r;
        QVERIFY(pause);
        advice::AdviceItem current{
            pause->code, pause->severity, pause->title, pause->text, "basis", "source", {}};
        advice::AdviceItem edited = current;
        edited.text += " Edited after the translation.";
        const auto de = localisedAdvice({current, edited}, QStringLiteral("de"));
        QCOMPARE(QString::fromStdString(de[0].title), QStringLiteral("Pause erkannt"));
        QCOMPARE(de[0].basis, std::string("basis")); // values and citation untouched
        QCOMPARE(de[0].source, std::string("source"));
        QCOMPARE(de[1].title, pause->title); // stale translation not used
        QCOMPARE(de[1].text, edited.text);
        QCOMPARE(localisedAdvice({current}, QStringLiteral("en"))[0].title, pause->title);

        QVERIFY(installTranslations(*qApp, QStringLiteral("de")).isEmpty());
        QCOMPARE(installedLanguage(), QStringLiteral("de"));
        auto w = window(QStringLiteral("advice.ini"));
        QSignalSpy shown(w.get(), &MainWindow::recordingShown);
        w->openDemo();
        QVERIFY(QTest::qWaitFor([&] { return shown.count() > 0; }, 30000));
        QVERIFY(QTest::qWaitFor([&] { return !w->advicePanel()->items().empty(); }, 30000));
        QStringList titles;
        for (const advice::AdviceItem& item : w->advicePanel()->items())
            titles << QString::fromStdString(item.title);
        QVERIFY2(titles.contains(
                     QStringLiteral("QRS-Breite und QTc-Grenzwerte nicht automatisch angewandt")),
                 qPrintable(titles.join(QStringLiteral(" | "))));
        for (const advice::Rule& r : advice::builtinCatalogue().rules) // no English left
            QVERIFY2(!titles.contains(QString::fromStdString(r.title)), r.title.c_str());
        removeTranslators();
        QCOMPARE(installedLanguage(), QStringLiteral("en"));
    }

    /// Rhythm findings: the engine's English as it is in English; in German rebuilt from kind and
    /// values, every kind, numbers in German notation.
    void findingsTranslated()
    {
        dsp::Finding pause;
        pause.kind = dsp::FindingKind::Pause;
        pause.values = {2400.0};
        pause.timesS = {751.2, 753.6};
        pause.startS = 751.2;
        pause.text = "Pause of 2.4 s at 12:31.2"; // as dsp::rhythmFindings writes it
        QCOMPARE(findingText(pause), QStringLiteral("Pause of 2.4 s at 12:31.2"));

        QVERIFY(installTranslations(*qApp, QStringLiteral("de")).isEmpty());
        QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
        QCOMPARE(findingText(pause), QStringLiteral("Pause von 2,4 s bei 12:31,2"));
        dsp::Finding pvc;
        pvc.kind = dsp::FindingKind::PrematureVentricularBeats;
        pvc.beats = {3, 9, 17};
        pvc.startS = 65.0;
        QCOMPARE(findingText(pvc), QStringLiteral("3 vorzeitige ventrikuläre Schläge / Schläge "
                                                  "mit breitem QRS, erster bei 1:05,0"));
        pvc.beats = {3};
        QCOMPARE(findingText(pvc), QStringLiteral("1 vorzeitiger ventrikulärer Schlag / Schlag "
                                                  "mit breitem QRS, erster bei 1:05,0"));
        dsp::Finding sinus;
        sinus.kind = dsp::FindingKind::SinusRhythm;
        sinus.values = {88.0};
        QCOMPARE(findingText(sinus), QStringLiteral("Sinusrhythmus, 88/min"));
        // Every kind has its German sentence (none falls back to the engine's English): every
        // value the enumeration has a code for, the electrode reversals, pacemaker and QRS shape
        // findings included.
        int kinds = 0;
        for (int k = 0; std::string(dsp::findingCode(dsp::FindingKind(k))) != "unknown"; ++k) {
            ++kinds;
            dsp::Finding f;
            f.kind = dsp::FindingKind(k);
            f.values = {70.0, 80.0, 0.5, 0.3, 1.0};
            f.beats = {1, 2};
            f.leads = {"II", "aVF"};
            f.text = "ENGLISH";
            QVERIFY2(findingText(f) != QLatin1String("ENGLISH"), dsp::findingCode(f.kind));
        }
        QCOMPARE(kinds, int(dsp::FindingKind::PathologicalQWaves) + 1);
    }

    /// The engine's messages (detector warnings, advice bases): the interface's table has every
    /// template the engine can send, word for word (so lupdate hands translators the very
    /// English the engine writes), and nothing else; without a translator each reads exactly as
    /// the engine's English; in German each reads differently and numbers take a decimal comma.
    /// The statements a PTB-XL record carries (scp_statements.csv's descriptions) are worded in
    /// the interface language; every description in the data has a translation, and text a
    /// file gives that is not one of them stays as it is.
    void statementsTranslated()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/scp_statements.csv"));
        QFile csv(test::dataPath(QStringLiteral("ptbxl/scp_statements.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
        csv.readLine(); // header
        QStringList inData;
        while (!csv.atEnd()) {
            const QString line = QString::fromUtf8(csv.readLine());
            // code,description,...; a quoted description holds commas
            const qsizetype comma = line.indexOf(QLatin1Char(','));
            QString rest = line.mid(comma + 1);
            inData << (rest.startsWith(QLatin1Char('"'))
                           ? rest.mid(1, rest.indexOf(QLatin1Char('"'), 1) - 1)
                           : rest.left(rest.indexOf(QLatin1Char(','))));
        }
        QCOMPARE(inData.size(), 71);
        QStringList known = statementDescriptions();
        std::sort(inData.begin(), inData.end());
        std::sort(known.begin(), known.end());
        QCOMPARE(known, inData);

        QVERIFY(installTranslations(*qApp, QStringLiteral("de")).isEmpty());
        for (const QString& d : known)
            QVERIFY2(statementText({"X", -1, d.toStdString()}) != d, qPrintable(d));
        QCOMPARE(statementText({"NORM", 100, "normal ECG"}), QStringLiteral("normales EKG"));
        QCOMPARE(statementText({"AFLT", 100, "atrial flutter"}), QStringLiteral("Vorhofflattern"));
        QCOMPARE(statementText({"", -1, "Sinus rhythm. Normal ECG."}),
                 QStringLiteral("Sinus rhythm. Normal ECG."));
    }

    void engineMessagesTranslated()
    {
        std::vector<MessageTemplate> templates = ml::messages::all();
        for (const MessageTemplate& t : advice::basisMessageTemplates())
            templates.push_back(t);
        for (const MessageTemplate& t : io::messages::all())
            templates.push_back(t);
        QMap<QString, QString> table;
        for (const auto& [id, english] : engineTextTable())
            table.insert(id, english);
        QCOMPARE(table.size(), qsizetype(templates.size()));
        const std::vector<std::string> args{"12.5", "V1, II", "7"};
        for (const MessageTemplate& t : templates) {
            QVERIFY2(table.contains(QString::fromLatin1(t.id)), t.id);
            QCOMPARE(table.value(QString::fromLatin1(t.id)), QString::fromUtf8(t.english));
            const Message m = makeMessage(t, args);
            QCOMPARE(engineText(m), QString::fromStdString(m.text));
        }
        // The lead set whose thresholds applied, as the banner and the report word it.
        QCOMPARE(leadSetText("2"), QStringLiteral("leads II + V1"));
        QCOMPARE(leadSetText("something new"), QStringLiteral("something new"));
        QVERIFY(installTranslations(*qApp, QStringLiteral("de")).isEmpty());
        QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
        QCOMPARE(leadSetText("2"), QStringLiteral("Ableitungen II + V1"));
        QCOMPARE(leadSetText("limb6"), QStringLiteral("6 Extremitätenableitungen"));
        QCOMPARE(leadSetText("1"), QStringLiteral("Ableitung II"));
        for (const MessageTemplate& t : templates) {
            const Message m = makeMessage(t, args);
            // Wordings that are the same in German ("PR %1 ms") still write 12,5.
            QVERIFY2(engineText(m) != QString::fromStdString(m.text), t.id);
        }
        // A real refusal: a copy of the shipped model with one byte of model.json changed.
        QTemporaryDir model;
        const QDir shipped(QStringLiteral(ECGLENS_SOURCE_DIR "/models/resnet1d"));
        for (const QString& f : shipped.entryList(QDir::Files))
            QVERIFY(QFile::copy(shipped.filePath(f), model.filePath(f)));
        QFile json(model.filePath(QStringLiteral("model.json")));
        QVERIFY(json.open(QIODevice::ReadWrite));
        QByteArray bytes = json.readAll();
        bytes.replace("\"resnet1d\"", "\"resnet1e\"");
        QVERIFY(json.seek(0) && json.write(bytes) == bytes.size());
        json.close();
        const auto refused = ml::verifyManifest(model.path().toStdString());
        QVERIFY(!refused.ok());
        QVERIFY2(QString::fromStdString(refused.error())
                     .startsWith(QStringLiteral("file model.json in ")),
                 refused.error().c_str());
        const QString german = engineError(refused);
        QVERIFY2(german.startsWith(QStringLiteral("Datei model.json in ")) &&
                     german.contains(QStringLiteral("wurde verändert oder beschädigt")) &&
                     german.endsWith(QStringLiteral("Modell neu installieren")),
                 qPrintable(german));
        // A checksum prefix of decimal digits only stays as it is (not read as a number).
        QVERIFY(engineText(makeMessage(ml::messages::kModelFileModified,
                                       {"weights.pt", "/m", "9007199254740993...", "0a..."}))
                    .contains(QStringLiteral("SHA-256 9007199254740993... stimmt nicht")));
        QCOMPARE(engineText(makeMessage(ml::messages::kFlatLead, {"V1", "0.004"})),
                 QStringLiteral("Ableitung V1 ist flach (Spannweite 0,004 mV) — Elektrode gelöst "
                                "oder Ableitung nicht angeschlossen?"));
        // A real reader warning: MIT-BIH record 100 with its signal file cut to 1,000 frames.
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/100.dat"));
        QTemporaryDir dir;
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("wfdb-samples/100.hea")),
                            dir.filePath(QStringLiteral("100.hea"))));
        QFile dat(test::dataPath(QStringLiteral("wfdb-samples/100.dat")));
        QVERIFY(dat.open(QIODevice::ReadOnly));
        QFile cut(dir.filePath(QStringLiteral("100.dat")));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        QCOMPARE(cut.write(dat.read(3000)), qint64(3000)); // format 212, 2 signals: 3 bytes a frame
        cut.close();
        const auto truncated = io::open(dir.filePath(QStringLiteral("100.hea")).toStdString());
        QVERIFY2(truncated.ok(), truncated.error().c_str());
        QCOMPARE(truncated->warnings.size(), std::size_t(1));
        const Message& cutWarning = truncated->warnings.front();
        QCOMPARE(cutWarning.text,
                 std::string("MLII, V5: 650000 samples expected, 100.dat holds 1000 — file "
                             "truncated?"));
        QCOMPARE(engineText(cutWarning),
                 QStringLiteral("MLII, V5: 650000 Abtastwerte erwartet, 100.dat enthält nur "
                                "1000 — Datei abgeschnitten?"));
        // A segment's own warning is worded in turn.
        QCOMPARE(engineText(io::messages::segmentWarning("041s02", cutWarning)),
                 QStringLiteral("Segment 041s02: MLII, V5: 650000 Abtastwerte erwartet, 100.dat "
                                "enthält nur 1000 — Datei abgeschnitten?"));
        // An annotation file cut inside its first aux string: the record opens with a warning
        // that quotes the annotation reader's error, both worded in German.
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/100.atr"));
        QFile atr(test::dataPath(QStringLiteral("wfdb-samples/100.atr")));
        QVERIFY(atr.open(QIODevice::ReadOnly));
        QFile cutAtr(dir.filePath(QStringLiteral("100.atr")));
        QVERIFY(cutAtr.open(QIODevice::WriteOnly) && cutAtr.write(atr.read(5)) == 5);
        cutAtr.close();
        const auto annotated = io::open(dir.filePath(QStringLiteral("100.hea")).toStdString());
        QVERIFY2(annotated.ok(), annotated.error().c_str());
        QCOMPARE(annotated->warnings.size(), std::size_t(2));
        const Message& atrWarning = annotated->warnings.back();
        QCOMPARE(atrWarning.text,
                 cutAtr.fileName().toStdString() + ": file ends inside an aux string — truncated?");
        QCOMPARE(engineText(atrWarning),
                 cutAtr.fileName() + QStringLiteral(": Die Datei endet mitten in einem Aux-Text — "
                                                    "abgeschnitten?"));
        QVERIFY(cutAtr.remove());
        // Quoted twice: the annotation file's error quotes its record's header error.
        QTemporaryDir headerless;
        QFile emptyHeader(headerless.filePath(QStringLiteral("x.hea")));
        QVERIFY(emptyHeader.open(QIODevice::WriteOnly));
        emptyHeader.close();
        const auto noRate = io::readWfdbAnnotations(emptyHeader.fileName().toStdString(), "atr");
        QVERIFY(!noRate.ok() && noRate.errorMessage());
        const Message twice = io::messages::quoting(io::messages::kWfdbAnnotationsUnreadable, {},
                                                    *noRate.errorMessage());
        QCOMPARE(twice.text, noRate.error());
        QCOMPARE(engineText(twice),
                 headerless.filePath(QStringLiteral("x.atr")) +
                     QStringLiteral(": Der Header der Aufzeichnung lässt sich für die Abtastrate "
                                    "nicht lesen (") +
                     emptyHeader.fileName() +
                     QStringLiteral(": leerer WFDB-Header (keine "
                                    "Record-Zeile).)"));
        // An SCP-ECG lead whose Huffman stream holds a code no table defines.
        QCOMPARE(
            engineText(io::messages::quoting(io::messages::kScpLeadDamaged, {"V1"},
                                             makeMessage(io::messages::kScpHuffmanUndefinedCode))),
            QStringLiteral("V1: die komprimierten Daten enthalten einen Code, den die "
                           "Huffman-Tabelle nicht definiert; die Abtastwerte ab dieser "
                           "Stelle fehlen."));
        // A recording the detector cannot analyse (no standard lead): the analysis error.
        Recording eeg;
        eeg.fsHz = 256;
        Lead fpz;
        fpz.name = fpz.originalName = "EEG Fpz-Cz";
        fpz.fsHz = 256;
        fpz.samples.assign(2560, 0.0f);
        eeg.leads.push_back(fpz);
        QCOMPARE(engineError(ml::prepareSignal(eeg)),
                 QStringLiteral("keine Ableitung der Aufzeichnung ist eine Standard-EKG-Ableitung "
                                "(I, II, III, aVR, aVL, aVF, V1–V6, MLII), die das Modell "
                                "analysieren kann"));
        // A worklist folder that is not there: the panel's note is German.
        {
            WorklistPanel panel;
            const QString gone = dir.filePath(QStringLiteral("gone"));
            panel.openFolder(gone, QString());
            QVERIFY(QTest::qWaitFor([&] { return !panel.scanning(); }, 30000));
            QVERIFY2(panel.summary().contains(gone + QStringLiteral(": Ordner nicht gefunden.")),
                     qPrintable(panel.summary()));
        }
        // A file that cannot be opened: the errors every format shares are worded in German
        // (the English stays Result::error, for the command line); a reader's own detail is
        // English.
        const std::string folder = dir.path().toStdString();
        const auto isFolder = io::open(folder);
        QVERIFY(!isFolder.ok());
        QCOMPARE(isFolder.error(), folder + ": is a folder, not a recording.");
        QCOMPARE(engineError(isFolder),
                 QString::fromStdString(folder) +
                     QStringLiteral(": ist ein Ordner, keine Aufzeichnung."));
        const auto missing = io::open(folder + "/nothing.edf");
        QCOMPARE(engineError(missing), QString::fromStdString(folder) +
                                           QStringLiteral("/nothing.edf: Datei nicht gefunden."));
        QFile empty(dir.filePath(QStringLiteral("empty.edf")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QCOMPARE(engineError(io::describe(empty.fileName().toStdString())),
                 empty.fileName() + QStringLiteral(": die Datei ist leer."));
        QFile junk(dir.filePath(QStringLiteral("junk.bin")));
        QVERIFY(junk.open(QIODevice::WriteOnly) && junk.write("\x01\x02\x03 not an ECG") > 0);
        junk.close();
        QVERIFY(engineError(io::open(junk.fileName().toStdString()))
                    .endsWith(QStringLiteral(": Dateiformat nicht erkannt (unterstützt: WFDB "
                                             ".hea/.dat, EDF/EDF+/BDF, CSV/Text, SCP-ECG, HL7 aECG "
                                             "XML, DICOM-EKG-Kurve).")));
        // A reader's own reasons: record 100's header without its signal file, and with a
        // damaged gain field (the file's text keeps its quotes and its English).
        QTemporaryDir alone;
        const QString lone = alone.filePath(QStringLiteral("100.hea"));
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("wfdb-samples/100.hea")), lone));
        const auto noSignals = io::open(lone.toStdString());
        QCOMPARE(noSignals.error(),
                 lone.toStdString() + ": signal file 100.dat not found (it holds MLII, V5).");
        QCOMPARE(engineError(noSignals),
                 lone + QStringLiteral(": Signaldatei 100.dat nicht gefunden (sie enthält MLII, "
                                       "V5)."));
        QFile header(lone);
        QVERIFY(header.open(QIODevice::ReadOnly));
        QByteArray text = header.readAll();
        header.close();
        QVERIFY(text.contains(" 212 200 11 1024 995"));
        text.replace(" 212 200 11 1024 995", " 212 2oo 11 1024 995");
        QVERIFY(header.remove() && header.open(QIODevice::WriteOnly) && header.write(text) > 0);
        header.close();
        const auto badGain = io::open(lone.toStdString());
        QVERIFY(QString::fromStdString(badGain.error())
                    .endsWith(QStringLiteral(": invalid gain \"2oo\"")));
        QVERIFY2(engineError(badGain).startsWith(lone +
                                                 QStringLiteral(": Signalzeile \"100.dat 212 2oo")),
                 qPrintable(engineError(badGain)));
        QVERIFY2(engineError(badGain).endsWith(QStringLiteral(": ungültige Verstärkung \"2oo\"")),
                 qPrintable(engineError(badGain)));
        QFile shortEdf(dir.filePath(QStringLiteral("short.edf")));
        QVERIFY(shortEdf.open(QIODevice::WriteOnly) && shortEdf.write("0       patient") > 0);
        shortEdf.close();
        QCOMPARE(engineError(io::open(shortEdf.fileName().toStdString())),
                 shortEdf.fileName() + QStringLiteral(": Der Header ist kürzer als 256 Byte – "
                                                      "keine EDF-Datei oder abgeschnitten."));
        QFile shortScp(dir.filePath(QStringLiteral("short.scp")));
        QVERIFY(shortScp.open(QIODevice::WriteOnly) && shortScp.write(QByteArray(10, '\0')) == 10);
        shortScp.close();
        QCOMPARE(engineError(io::open(shortScp.fileName().toStdString())),
                 shortScp.fileName() + QStringLiteral(": zu kurz für eine SCP-ECG-Datei (10 Byte) "
                                                      "— Datei abgeschnitten?"));
        // Quantities get the decimal comma; a name made of digits keeps its leading zeros.
        QCOMPARE(
            engineText(makeMessage(io::messages::kWfdbSegmentMissing, {"007", "1000", "12.500"})),
            QStringLiteral("Segment 007 (1000 Abtastwerte) fehlt: Die Aufzeichnung endet "
                           "bei 12,500 s."));
        // A real basis from the advice rules: MIT-BIH-like AF finding at 68.
        advice::AdviceInput in;
        in.ageYears = 68;
        in.findingCodes = {"irregular_rhythm_possible_af"};
        const auto items = advice::adviceFor(in, advice::builtinCatalogue());
        const auto af = std::find_if(items.begin(), items.end(), [](const advice::AdviceItem& i) {
            return i.basis.find("irregular rhythm") != std::string::npos;
        });
        QVERIFY(af != items.end());
        QCOMPARE(af->basis,
                 std::string("rhythm finding: irregular rhythm without P waves; age 68"));
        QCOMPARE(engineText(af->basisParts, QStringLiteral("; ")),
                 QStringLiteral("Rhythmusbefund: unregelmäßiger Rhythmus ohne P-Wellen; Alter 68"));
        // The ST-elevation basis: the leads' levels in one value, its numbers written German.
        advice::AdviceInput st;
        st.ageYears = 56;
        st.sex = Sex::Male;
        st.stLevels = {{"V1", 0.21, 0.3},
                       {"V2", 0.26, 0.4},
                       {"V3", 0.21, 0.3},
                       {"V4", 0.16, 0.2},
                       {"V5", 0.05, 0.1}};
        const auto stItems = advice::adviceFor(st, advice::builtinCatalogue());
        QCOMPARE(stItems.size(), std::size_t(1));
        QCOMPARE(engineText(stItems[0].basisParts, QStringLiteral("; ")),
                 QStringLiteral("ST-Hebung am J-Punkt: V1 0,21 mV, V2 0,26 mV, V3 0,21 mV, V4 "
                                "0,16 mV (Grenzen 0,20 mV in V2 und V3, 0,10 mV in den übrigen "
                                "Ableitungen); Alter 56"));
        st.stLevels = {{"V5", -0.05, -0.06}, {"V6", -0.12, -0.15}};
        const auto depression = advice::adviceFor(st, advice::builtinCatalogue());
        QCOMPARE(depression.size(), std::size_t(1));
        QCOMPARE(engineText(depression[0].basisParts, QStringLiteral("; ")),
                 QStringLiteral("ST-Senkung am J-Punkt: V5 -0,05 mV, V6 -0,12 mV (mindestens "
                                "0,05 mV am J-Punkt und bei J+60 ms, horizontal oder "
                                "deszendierend); Alter 56"));
        // An id the table does not know keeps the engine's English.
        Message unknown;
        unknown.id = "detector.future";
        unknown.text = "a warning from a newer engine";
        QCOMPARE(engineText(unknown), QStringLiteral("a warning from a newer engine"));
    }

    /// The system's language is used when the interface has it, else English.
    void systemLanguageResolved()
    {
        QCOMPARE(resolveLanguage(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(resolveLanguage(QStringLiteral("en")), QStringLiteral("en"));
        const QStringList swiss = {QStringLiteral("de-CH"), QStringLiteral("en-GB")};
        QCOMPARE(resolveLanguage(QString(), swiss), QStringLiteral("de"));
        QCOMPARE(resolveLanguage(QStringLiteral("xx"), swiss), QStringLiteral("de"));
        const QStringList french = {QStringLiteral("fr-FR"), QStringLiteral("it-IT")};
        QCOMPARE(resolveLanguage(QString(), french), QStringLiteral("en"));
        QCOMPARE(resolveLanguage(QString(), {QStringLiteral("fr-FR"), QStringLiteral("de-AT")}),
                 QStringLiteral("de")); // the first one available, in the user's order
        // The application's default locale follows the chosen language; the system's does not.
        QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
        QCOMPARE(resolveLanguage(QString()),
                 resolveLanguage(QString(), QLocale::system().uiLanguages()));
        QCOMPARE(languageName(QStringLiteral("de")), QStringLiteral("Deutsch"));
        QCOMPARE(languageName(QStringLiteral("en")), QStringLiteral("English"));
    }

    /// Tools > Language stores the choice for the next start and says so in both languages.
    void languageMenuStoresTheChoice()
    {
        auto w = window(QStringLiteral("menu.ini"));
        w->show();
        auto* menu = w->findChild<QMenu*>(QStringLiteral("languageMenu"));
        QVERIFY(menu);
        QAction* deutsch = nullptr;
        for (QAction* a : menu->actions())
            if (a->data().toString() == QLatin1String("de"))
                deutsch = a;
        QVERIFY(deutsch);
        QVERIFY(menu->actions().first()->isChecked()); // system language, the default
        deutsch->trigger();
        QCOMPARE(w->settings().language, QStringLiteral("de"));
        QSettings stored(m_dir.filePath(QStringLiteral("menu.ini")), QSettings::IniFormat);
        QCOMPARE(stored.value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
        AppSettings reloaded;
        reloaded.load(stored);
        QCOMPARE(reloaded.language, QStringLiteral("de"));
        QMessageBox* box = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] {
                return (box = w->findChild<QMessageBox*>(QStringLiteral("languageRestartBox")));
            },
            5000));
        // The window is English here; the box adds the message in the language chosen.
        const char* const source = "The language changes when ECG Lens is started again.";
        QTranslator german;
        QVERIFY(german.load(kTranslationsPrefix + QStringLiteral("/ecglens_de.qm")));
        const QString inGerman = german.translate("ecglens::ToolsActions", source);
        QVERIFY(!inGerman.isEmpty() && inGerman != QLatin1String(source));
        QCOMPARE(box->text(), QLatin1String(source) + QLatin1Char('\n') + inGerman);
        box->close();
    }
};

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
