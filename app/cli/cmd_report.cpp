#include "audit_log.h"
#include "cli_util.h"
#include "review_report.h"
#include "review_store.h"

#include "advice_language.h"
#include "cli_model.h"
#include "fhir_results.h"
#include "i18n.h"
#include "report.h"

#include "core/limb_leads.h"
#include "core/sha256.h"
#include "dsp/filters.h"
#include "dsp/measurements.h"
#include "dsp/rhythm.h"
#include "io/folder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QSettings>

#include <cstdio>

namespace ecglens::cli {

int runReport(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "PDF report (A4 or US Letter): patient, recording, 12 leads on true-scale ECG paper, "
        "measurements, "
        "rhythm findings, detector verdict, flagged segments and the clinician's decision. The "
        "values are those of 'measure' and 'analyze'. Without the default model (or its "
        "libraries) the report is written without a verdict and says why. Decision support, not "
        "a diagnosis."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Recording or demo:"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("PDF to write."),
                                 QStringLiteral("X.pdf"));
    const QCommandLineOption fhir(
        QStringLiteral("fhir"),
        QStringLiteral("Also write the results as an HL7 FHIR R4 transaction Bundle (JSON): a "
                       "DiagnosticReport with the PDF, LOINC-coded preliminary Observations of the "
                       "measurements, the findings and the detector's probability."),
        QStringLiteral("X.json"));
    const QCommandLineOption model(QStringLiteral("model"),
                                   QStringLiteral("Model folder; default: the shipped model."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption noAnalysis(
        QStringLiteral("no-analysis"),
        QStringLiteral("Leave out measurements and the detector (recording and traces only)."));
    const QCommandLineOption reviewer(QStringLiteral("reviewer"),
                                      QStringLiteral("Name of the reviewing clinician."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption decision(QStringLiteral("decision"),
                                      QStringLiteral("The clinician's decision."),
                                      QStringLiteral("TEXT"));
    const QCommandLineOption note(QStringLiteral("note"), QStringLiteral("The clinician's note."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption anonymise(
        QStringLiteral("anonymise"),
        QStringLiteral("Leave out what identifies the patient (HIPAA Safe Harbor identifiers a "
                       "report can carry): ID, file name, file SHA-256, dates but the year, ages "
                       "over 89, reviewer and note."));
    parser.addOptions(patientOptions());
    const QCommandLineOption language(
        QStringLiteral("lang"),
        QStringLiteral("Language of the report: %1 (default en; numbers follow it). Advice "
                       "items and their bases, rhythm findings, detector and reader warnings are "
                       "translated too; text from the recording and PTB-XL statement names stay "
                       "as they are.")
            .arg(interfaceLanguages().join(QStringLiteral(", "))),
        QStringLiteral("code"));
    const QCommandLineOption noSavedReview(
        QStringLiteral("no-saved-review"),
        QStringLiteral("Leave out the review saved for this recording in ECG Lens (by default "
                       "its decision, reviewer, note and the patient details typed in are used "
                       "when --decision, --reviewer and --note are not given)."));
    const QCommandLineOption reviews(
        QStringLiteral("reviews"),
        QStringLiteral("Folder of reviews of recordings in read-only folders (default: the "
                       "setting reviews/folder, else %1).")
            .arg(QDir::toNativeSeparators(ReviewStore::defaultFallbackDir())),
        QStringLiteral("dir"), ReviewStore::configuredFallbackDir());
    const QCommandLineOption compare(
        QStringLiteral("compare"),
        QStringLiteral("Another ECG of the patient (e.g. an earlier one) to compare this one with: "
                       "named in the report with both ECGs' measurements and the change."),
        QStringLiteral("FILE"));
    parser.addOption(compare);
    // The window's setting (Tools > Report paper; a site's [report] paper=), else the country's.
    const QSettings settings(QSettings::NativeFormat, QSettings::UserScope,
                             QStringLiteral("ECG Lens"), QStringLiteral("ecglens"));
    const report::Paper defaultPaper =
        report::paperFromName(settings.value(QLatin1String(report::kPaperSettingKey)).toString())
            .value_or(report::systemPaper());
    const QCommandLineOption paper(
        QStringLiteral("paper"),
        QStringLiteral("Paper: a4 or letter (default here: %1, from ECG Lens's Tools > Report "
                       "paper or the country). The ECG pages are true scale on either.")
            .arg(report::paperName(defaultPaper)),
        QStringLiteral("name"), report::paperName(defaultPaper));
    parser.addOption(paper);
    parser.addOptions({out, fhir, model, noAnalysis, reviewer, decision, note, anonymise, language,
                       noSavedReview, reviews});
    int exitCode = kExitOk;
    const QCommandLineOption sign(
        QStringLiteral("sign"),
        QStringLiteral("Sign the PDF with the certificate and private key of this PKCS#12 file "
                       "(.p12 / .pfx); its password comes from --sign-password-file or the "
                       "environment variable ECGLENS_SIGN_PASSWORD, never the command line."),
        QStringLiteral("ID.p12"));
    const QCommandLineOption signPassword(
        QStringLiteral("sign-password-file"),
        QStringLiteral("File whose first line is the PKCS#12 password (- : standard input)."),
        QStringLiteral("FILE"));
    parser.addOptions({sign, signPassword});
    if (!parseArgs(parser, args, 1, exitCode))
        return exitCode;
    if (!parser.isSet(out) || parser.value(out).isEmpty())
        return fail(QStringLiteral("--out X.pdf is required"));
    std::shared_ptr<const report::SigningIdentity> signer;
    if (parser.isSet(sign)) {
        QByteArray password = qgetenv("ECGLENS_SIGN_PASSWORD");
        if (parser.isSet(signPassword)) {
            QFile f(parser.value(signPassword));
            const bool stdIn = parser.value(signPassword) == QLatin1String("-");
            if (!(stdIn ? f.open(stdin, QIODevice::ReadOnly) : f.open(QIODevice::ReadOnly)))
                return fail(QStringLiteral("--sign-password-file %1: %2")
                                .arg(parser.value(signPassword), f.errorString()));
            password = f.readLine(4096);
            while (password.endsWith('\n') || password.endsWith('\r'))
                password.chop(1);
        }
        auto loaded = report::SigningIdentity::load(parser.value(sign), password);
        if (!loaded)
            return fail(QString::fromStdString(loaded.error()));
        signer = *loaded;
    }
    const auto chosenPaper = report::paperFromName(parser.value(paper));
    if (!chosenPaper)
        return fail(QStringLiteral("--paper %1: not a4 or letter").arg(parser.value(paper)));
    {
        // English too: its translation holds the plural forms ("1 day", "6 days").
        const QString code = parser.isSet(language) ? parser.value(language) : QStringLiteral("en");
        if (!interfaceLanguages().contains(code))
            return fail(QStringLiteral("--lang %1: not one of %2")
                            .arg(code, interfaceLanguages().join(QStringLiteral(", "))));
        if (const QString problem = installTranslations(*QCoreApplication::instance(), code);
            !problem.isEmpty())
            std::fprintf(stderr, "ecglens-cli: %s\n", qPrintable(problem));
        if (parser.isSet(language))
            QLocale::setDefault(QLocale(code));
    }

    ml::AnalysisOptions options;
    if (!readPatientOptions(parser, options))
        return kExitBadInput;

    const QString file = parser.positionalArguments().at(0);
    const auto recording = openRecording(file);
    if (!recording)
        return kExitBadInput;
    if (recording->fsHz <= 0 || recording->sampleCount() == 0)
        return fail(QStringLiteral("%1: no samples to report").arg(file));
    if (parser.isSet(fhir) && recording->synthetic)
        return fail(QStringLiteral("--fhir: %1 is a synthetic demo recording, with no patient to "
                                   "send results for")
                        .arg(file));

    // The review saved in ECG Lens (beside the recording, else in the reviews folder), unless
    // the command line gives one: its decision, and the patient details typed in for a file
    // without them (they choose the detector's thresholds and the advice, as in the window).
    const bool reviewGiven = parser.isSet(decision) || parser.isSet(reviewer) || parser.isSet(note);
    std::optional<report::ReviewDecision> savedDecision;
    std::string savedId, savedName; // typed in for a file without them
    std::vector<report::ReviewDecision> savedEarlier;
    QList<ManualMeasurement> savedManual; // the clinician's caliper measurements
    if (!reviewGiven && !parser.isSet(noSavedReview) && !recording->synthetic) {
        const ReviewLoad saved = ReviewStore::loadNow(file, parser.value(reviews));
        if (!saved.error.isEmpty()) {
            std::fprintf(stderr, "ecglens-cli: the saved review is not used: %s\n",
                         saved.error.toLocal8Bit().constData());
        } else if (saved.found) {
            savedDecision = reportDecision(saved.record.current);
            savedEarlier = reportEarlierDecisions(saved.record);
            savedManual = saved.record.manual;
            const Patient& p = recording->patient;
            if (!options.ageYears && !p.ageYears && saved.record.patientAgeYears)
                options.ageYears = saved.record.patientAgeYears;
            if (options.sex == Sex::Unknown && p.sex == Sex::Unknown)
                options.sex = saved.record.patientSex;
            if (p.id.empty())
                savedId = saved.record.patientId.toStdString();
            if (p.name.empty())
                savedName = saved.record.patientName.toStdString();
            std::fprintf(stderr, "ecglens-cli: using the review saved in %s%s%s\n",
                         QDir::toNativeSeparators(saved.sidecarPath).toLocal8Bit().constData(),
                         saved.warning.isEmpty() ? "" : " — ",
                         saved.warning.toLocal8Bit().constData());
        }
    }

    report::ReportInput input(*recording);
    input.ageYears = options.ageYears;
    if (options.sex != Sex::Unknown)
        input.sex = options.sex;
    input.patientId = savedId;
    input.patientName = savedName;
    input.softwareVersion = "ECG Lens " ECGLENS_VERSION;
    input.anonymise = parser.isSet(anonymise);
    input.paper = *chosenPaper;

    const dsp::ConditionOptions condition; // as 'measure' and the viewer's defaults
    input.displaySignal = dsp::condition(*recording, condition);
    input.displayFilters = report::conditioningText(condition);

    if (parser.isSet(compare)) {
        const auto other = openRecording(parser.value(compare));
        if (!other)
            return kExitBadInput;
        report::ReportComparison c;
        c.recording = std::make_shared<const Recording>(*other);
        if (!parser.isSet(noAnalysis))
            if (const auto measured = dsp::analyse(*other, condition)) {
                c.values = measured->measurements.values;
                c.findings = dsp::rhythmFindings(measured->beats, measured->measurements);
                c.st = dsp::stLevels(measured->measurements.medianBeat);
            }
        input.comparison = std::move(c);
    }

    if (parser.isSet(noAnalysis)) {
        input.detectionMessage = "not run (--no-analysis)";
    } else {
        // The shown signal is the one measured (conditioned once).
        auto analysis =
            input.displaySignal ? dsp::analyseConditioned(*input.displaySignal) : std::nullopt;
        if (!analysis)
            return fail(QStringLiteral("%1: measurement cancelled").arg(file));
        // The stimuli are searched on the raw signal; the conditioning filters take them out.
        dsp::measurePacedApart(*recording, *input.displaySignal, *analysis);
        input.measurements = analysis->measurements;
        input.findings = dsp::rhythmFindings(analysis->beats, analysis->measurements);
        input.st = dsp::stLevels(analysis->measurements.medianBeat);

        // A model asked for by name must load; without the default one (a broken installation)
        // the report is still written, saying why it has no verdict, as the window does.
        const auto loaded = AnyModel::tryLoad(parser.value(model));
        if (!loaded && parser.isSet(model))
            return fail(loaded.error());
        if (!loaded)
            std::fprintf(stderr, "ecglens-cli: writing the report without the detector: %s\n",
                         loaded.error().c_str());
        auto detection =
            loaded ? loaded->analyse(*recording, options)
                   : Result<ml::Analysis>::failure("detector unavailable: " + loaded.error());
        // The advice grades the clinician's caliper values where the saved review has any (and
        // reads the ST levels from the median beat).
        dsp::Measurements graded = analysis->measurements;
        graded.values = withCalipers(graded.values, savedManual);
        input.advice = report::adviceEntries(
            localisedAdvice(adviceItems(*recording, options, &graded, input.findings,
                                        detection ? &*detection : nullptr,
                                        input.comparison ? &input.comparison->st : nullptr,
                                        input.comparison ? &input.comparison->findings : nullptr),
                            installedLanguage()));
        // The explanation of the most abnormal flagged window, else the most probable one, as
        // `explain --window START` gives it (default players, baseline and seed; a measurement
        // model: its measurements).
        const ml::WindowResult* shown =
            detection ? report::reportExplainedWindow(*detection) : nullptr;
        if (shown && loaded->detector()) {
            auto explained = xai::explainRecording(*loaded->detector(), *recording, shown->startS);
            if (explained)
                input.explanation = std::move(*explained);
            else
                std::fprintf(stderr, "ecglens-cli: the report has no explanation: %s\n",
                             explained.error().c_str());
            // The Look first windows with ECG pages of their own are explained too.
            for (const report::LookFirstPage& p : report::lookFirstPageWindows(*detection)) {
                const ml::WindowResult& w = p.window;
                if (w.startS == shown->startS)
                    continue;
                auto more = xai::explainRecording(*loaded->detector(), *recording, w.startS);
                if (more)
                    input.lookFirstExplanations.push_back(std::move(*more));
                else
                    std::fprintf(stderr,
                                 "ecglens-cli: Look first window at %.1f s unexplained: %s\n",
                                 w.startS, more.error().c_str());
            }
        } else if (shown && loaded->classical()) {
            auto explained =
                ml::explainMeasurements(*loaded->classical(), *recording, shown->startS, options);
            if (explained)
                input.measurementExplanation = std::move(*explained);
            else
                std::fprintf(stderr, "ecglens-cli: the report has no explanation: %s\n",
                             explained.error().c_str());
        }
        if (detection) {
            input.detection = std::move(*detection);
            input.modelTrainingData = report::modelTrainingData(
                parser.isSet(model) ? toStd(parser.value(model)) : ml::defaultModelDir());
        } else {
            input.detectionMessage = detection.error();
        }
    }
    // Drawn with the limb leads it lacks, as the viewer draws it (after it was measured).
    if (input.displaySignal)
        addComputedLimbLeads(*input.displaySignal);
    input.decision = savedDecision;
    input.earlierDecisions = savedEarlier;
    addCalipers(input, savedManual);
    if (reviewGiven) {
        report::ReviewDecision d;
        d.decision = toStd(parser.value(decision));
        d.note = toStd(parser.value(note));
        d.reviewer = toStd(parser.value(reviewer));
        d.timeIso = toStd(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        input.decision = d;
    }

    input.signer = signer;
    const auto written = report::writeReport(input, parser.value(out));
    if (!written)
        return fail(written.error());
    std::printf("Report written to %s\n", toStd(parser.value(out)).c_str());
    if (parser.isSet(fhir)) {
        if (const QString error =
                report::writeFhirBundle(input, parser.value(out), parser.value(fhir));
            !error.isEmpty())
            return fail(QStringLiteral("The FHIR Bundle was not written: %1").arg(error));
        std::printf("FHIR Bundle written to %s\n", toStd(parser.value(fhir)).c_str());
    }
    if (signer)
        std::printf("Signed by %s (certificate SHA-256 %s)\n", toStd(signer->signerName()).c_str(),
                    toStd(signer->certificateSha256()).c_str());

    // The audit trail the window writes too (site setting audit/log; README "Audit trail").
    if (!recording->synthetic) {
        const auto sha = sha256Files(io::recordingFiles(toStd(file)));
        AuditEvent event =
            AuditEvent::reportWritten(parser.value(out), false, parser.isSet(anonymise));
        if (signer)
            event.signedBy(signer->signerName(), signer->certificateSha256());
        if (parser.isSet(fhir))
            event.withFhir(parser.value(fhir));
        auditOrWarn(event.on(file, sha ? QString::fromStdString(*sha) : QString(),
                             QString::fromStdString(recording->patient.id)));
    }
    return kExitOk;
}

} // namespace ecglens::cli
