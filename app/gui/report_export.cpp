#include "report_export.h"

#include "fhir_results.h"

#include "comparison_view.h"

#include "advice_panel.h"
#include "analysis_controller.h"
#include "app_settings.h"
#include "core/limb_leads.h"
#include "decision_panel.h"
#include "explanation_panel.h"
#include "job_runner.h"
#include "main_window.h"
#include "measurements_panel.h"
#include "patient_panel.h"
#include "report.h"
#include "review_report.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPrintDialog>
#include <QPrinter>
#include <QStatusBar>
#include <QThreadPool>

namespace ecglens {

/// Everything the report needs, copied on the GUI thread so the worker owns its data.
struct ReportExporter::Snapshot
{
    std::shared_ptr<const Recording> recording;
    dsp::ConditionOptions condition;
    std::optional<dsp::Measurements> measurements;
    std::vector<dsp::StLevel> st;
    std::vector<dsp::Finding> findings;
    std::optional<ml::Analysis> detection;
    std::shared_ptr<const xai::RecordingExplanation> explanation; ///< as the viewer shows it
    /// When the viewer shows none: the report's own choice (report::reportExplainedWindow).
    std::optional<xai::RecordingExplanation> ownExplanation;
    /// The other Look first windows with pages of their own, explained for the report.
    std::vector<xai::RecordingExplanation> lookFirstExplanations;
    QStringList unexplained; ///< the ones that could not be, and why
    std::string detectionMessage;
    std::vector<report::AdviceEntry> advice;
    std::optional<report::ReviewDecision> decision;
    std::vector<report::ReviewDecision> earlierDecisions;
    QList<ManualMeasurement> manual;
    std::optional<double> ageYears;
    Sex sex = Sex::Unknown;
    std::string patientId;   ///< as the patient panel shows it (typed in or the file's)
    std::string patientName; ///< likewise
    std::string sha256;
    std::optional<report::ReportComparison> comparison;
};

/// Where the report goes: a PDF file, or a printer.
struct ReportExporter::Target
{
    QString path;                      ///< PDF file (empty when printing)
    std::shared_ptr<QPrinter> printer; ///< owned by the worker while it draws
    QString name;                      ///< what the messages call it
    bool anonymise = false;            ///< report::ReportInput::anonymise
    ReportExporter::Signing signing;   ///< sign with this certificate (file empty: do not)
    report::Paper paper = report::Paper::A4;
    bool fhir = false; ///< also the FHIR Bundle (AppSettings::reportFhir)
};

/// " — the signing certificate expires on …": said at each signed export in the certificate's
/// last 30 days, so that a new one is asked for before reports can no longer be signed.
QString ReportExporter::expiryNote(const QDateTime& validUntilUtc)
{
    if (!validUntilUtc.isValid() ||
        QDateTime::currentDateTimeUtc().daysTo(validUntilUtc) > kExpiryWarningDays)
        return {};
    return tr(" — the signing certificate expires on %1: ask for a new one")
        .arg(validUntilUtc.toLocalTime().date().toString(Qt::ISODate));
}

ReportExporter::ReportExporter(MainWindow* window, QObject* parent)
    : QObject(parent), m_window(window)
{}

void ReportExporter::exportWithDialog(bool anonymise)
{
    if (!m_window->recording())
        return;
    const QFileInfo source(m_window->currentPath());
    const QString suggested =
        (m_window->settings().lastFolder.isEmpty() ? source.absolutePath()
                                                   : m_window->settings().lastFolder) +
        QLatin1Char('/') +
        (anonymise ? QStringLiteral("anonymised-ecg-report.pdf")
                   : source.completeBaseName() + QStringLiteral("-report.pdf"));
    const QString path = QFileDialog::getSaveFileName(
        m_window, anonymise ? tr("Export anonymised report") : tr("Export report"), suggested,
        tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    Signing signing;
    if (!anonymise && !m_window->settings().signingCertificate.isEmpty()) {
        bool ok = false;
        signing.file = m_window->settings().signingCertificate;
        signing.password = QInputDialog::getText(m_window, tr("Sign the report"),
                                                 tr("Password of your signing certificate %1:")
                                                     .arg(QFileInfo(signing.file).fileName()),
                                                 QLineEdit::Password, {}, &ok)
                               .toUtf8();
        if (!ok)
            return;
    }
    exportTo(path, anonymise, std::move(signing));
}

void ReportExporter::exportTo(const QString& path, bool anonymise, Signing signing)
{
    auto target = std::make_shared<Target>();
    target->path = path;
    target->name = path;
    target->anonymise = anonymise;
    target->signing = std::move(signing);
    target->paper = m_window->settings().paper();
    // Not for the synthetic demo: a hospital system would file it under an invented patient.
    target->fhir = m_window->settings().reportFhir && m_window->recording() &&
                   !m_window->recording()->synthetic;
    start(std::move(target));
}

void ReportExporter::printWithDialog()
{
    if (!m_window->recording() || m_busy)
        return;
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    printer->setFullPage(true);
    printer->setPageLayout(report::reportPageLayout(m_window->settings().paper()));
    printer->setDocName(tr("ECG report %1").arg(QFileInfo(m_window->currentPath()).fileName()));
    QPrintDialog dialog(printer.get(), m_window);
    dialog.setWindowTitle(tr("Print report"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const report::Paper paper =
        report::paperOf(printer->pageLayout().pageSize()).value_or(m_window->settings().paper());
    printTo(std::move(printer), paper);
}

void ReportExporter::printTo(std::shared_ptr<QPrinter> printer, report::Paper paper)
{
    if (!printer)
        return;
    printer->setFullPage(true);
    auto target = std::make_shared<Target>();
    target->name =
        printer->outputFileName().isEmpty() ? printer->printerName() : printer->outputFileName();
    if (target->name.isEmpty())
        target->name = tr("the default printer");
    target->printer = std::move(printer);
    target->paper = paper;
    start(std::move(target));
}

void ReportExporter::start(std::shared_ptr<Target> target)
{
    if (!m_window->recording() || m_busy)
        return;
    Snapshot s;
    s.recording = m_window->recording();
    s.condition = m_window->settings().conditionOptions();
    if (const auto values = m_window->measuredValues()) {
        s.measurements.emplace();
        s.measurements->values = *values;
        s.findings = m_window->measurementsPanel()->outcome().findings;
        s.st = m_window->measurementsPanel()->outcome().st;
    }
    if (const auto a = m_window->analysis()->analysis()) {
        s.detection = *a;
        s.explanation = m_window->analysis()->explanationPanel()->explanation();
    } else
        s.detectionMessage = "not run or not finished when the report was exported";
    s.advice = report::adviceEntries(m_window->advicePanel()->items());
    const ReviewRecord review = m_window->currentReview();
    s.decision = reportDecision(review.current);
    s.earlierDecisions = reportEarlierDecisions(review);
    s.manual = review.manual;
    const Patient p = m_window->patientPanel()->patient();
    s.ageYears = p.ageYears;
    s.sex = p.sex;
    s.patientId = p.id;
    s.patientName = p.name;
    s.sha256 = review.sha256.toStdString();
    if (const CompareOutcome& c = m_window->comparison()->outcome(); c.recording) {
        report::ReportComparison rc;
        rc.recording = c.recording;
        rc.values = c.values;
        rc.findings = c.findings;
        rc.st = c.st;
        s.comparison = std::move(rc);
    }
    // The audit entry names the recording exported, whatever is shown when it is done.
    const AuditEvent audit = m_window->aboutShown(
        AuditEvent::reportWritten(target->printer ? target->name : target->path,
                                  target->printer != nullptr, target->anonymise));
    m_busy = true;

    // The Look first windows with pages of their own are explained as `ecglens-cli report`
    // explains them (by the worker, which owns the detector), with the viewer's players and
    // baseline; the one the viewer explains is taken as shown. When the viewer explains none
    // yet, the report explains the window `ecglens-cli report` would.
    std::vector<double> starts;
    std::optional<double> ownChoice;
    if (s.detection && !s.explanation)
        if (const ml::WindowResult* w = report::reportExplainedWindow(*s.detection)) {
            ownChoice = w->startS;
            starts.push_back(w->startS);
        }
    if (s.detection)
        for (const report::LookFirstPage& p : report::lookFirstPageWindows(*s.detection))
            if (s.explanation ? !report::explainsWindowAt(*s.explanation, p.window.startS)
                              : p.window.startS != ownChoice)
                starts.push_back(p.window.startS);
    if (starts.empty()) {
        render(std::move(s), std::move(target), audit);
        return;
    }
    m_window->statusBar()->showMessage(
        tr("Explaining %n window(s) for the report …", nullptr, int(starts.size())));
    ExplainRequest settings;
    m_window->analysis()->explanationPanel()->applyChoices(settings);
    JobRunner* jobs = m_window->jobs();
    auto shared = std::make_shared<Snapshot>(std::move(s));
    auto connection = std::make_shared<QMetaObject::Connection>();
    const quint64 id = jobs->explainForReport(shared->recording, std::move(starts), settings);
    *connection = connect(jobs, &JobRunner::reportExplainFinished, this,
                          [this, id, shared, target, audit, connection,
                           ownChoice](const ReportExplainOutcome& outcome) {
                              if (outcome.jobId != id)
                                  return;
                              disconnect(*connection);
                              for (const xai::RecordingExplanation& e : outcome.explanations) {
                                  if (ownChoice && report::explainsWindowAt(e, *ownChoice))
                                      shared->ownExplanation = e;
                                  else
                                      shared->lookFirstExplanations.push_back(e);
                              }
                              shared->unexplained = outcome.errors;
                              render(std::move(*shared), target, audit);
                          });
}

void ReportExporter::render(Snapshot s, std::shared_ptr<Target> target, const AuditEvent& audit)
{
    const bool printing = target->printer != nullptr;
    m_window->statusBar()->showMessage(printing ? tr("Printing the report …")
                                                : tr("Writing the report …"));
    QPointer<ReportExporter> self(this);
    const std::string version = "ECG Lens " + QCoreApplication::applicationVersion().toStdString();
    QThreadPool::globalInstance()->start([self, s = std::move(s), target, version, audit] {
        report::ReportInput input(*s.recording);
        input.displaySignal = dsp::condition(*s.recording, s.condition);
        if (input.displaySignal) // drawn with the limb leads it lacks, as in the viewer
            addComputedLimbLeads(*input.displaySignal);
        input.displayFilters = report::conditioningText(s.condition);
        input.ageYears = s.ageYears;
        if (s.sex != Sex::Unknown)
            input.sex = s.sex;
        input.patientId = s.patientId;
        input.patientName = s.patientName;
        input.measurements = s.measurements;
        input.findings = s.findings;
        input.st = s.st;
        input.detection = s.detection;
        if (s.explanation) {
            input.explanation = *s.explanation;
            input.explanationInViewer = true;
        } else {
            input.explanation = s.ownExplanation;
        }
        input.lookFirstExplanations = s.lookFirstExplanations;
        input.detectionMessage = s.detectionMessage;
        if (s.detection)
            input.modelTrainingData = report::modelTrainingData(ml::defaultModelDir());
        input.advice = s.advice;
        input.decision = s.decision;
        input.earlierDecisions = s.earlierDecisions;
        addCalipers(input, s.manual);
        input.sourceSha256 = s.sha256;
        input.comparison = s.comparison;
        input.softwareVersion = version;
        input.anonymise = target->anonymise;
        input.paper = target->paper;
        QString error, fhirError;
        if (!target->signing.file.isEmpty()) {
            auto signer =
                report::SigningIdentity::load(target->signing.file, target->signing.password);
            target->signing.password.fill('\0'); // not kept once the certificate is open
            if (signer)
                input.signer = *signer;
            else // nothing is written: the clinician asked for a signed report
                error = QString::fromStdString(signer.error());
        }
        if (target->printer) {
            const auto drawn = report::renderReport(input, *target->printer);
            if (!drawn)
                error = tr("Printing on %1 failed: %2 Check the printer, or the file name when "
                           "printing to a file.")
                            .arg(target->name, QString::fromStdString(drawn.error()));
            target->printer.reset(); // released here: the GUI thread never touches it again
        } else if (error.isEmpty()) {
            if (const auto written = report::writeReport(input, target->path); !written)
                error = QString::fromStdString(written.error());
            else if (target->fhir)
                fhirError =
                    report::writeFhirBundle(input, target->path, report::fhirPathFor(target->path));
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, target, error, fhirError, audit, signer = input.signer,
             unexplained = s.unexplained] {
                if (!self)
                    return;
                self->m_busy = false;
                AuditEvent event = audit;
                if (signer)
                    event.signedBy(signer->signerName(), signer->certificateSha256());
                if (target->fhir && fhirError.isEmpty())
                    event.withFhir(report::fhirPathFor(target->path));
                if (error.isEmpty())
                    self->m_window->recordAudit(event);
                const bool printed = target->path.isEmpty();
                QString message =
                    !error.isEmpty()
                        ? (printed ? tr("Report not printed: %1") : tr("Report not written: %1"))
                              .arg(error)
                    : printed ? tr("Report sent to %1 (%2 landscape; print at 100 % for "
                                   "true scale)")
                                    .arg(target->name, report::paperTitle(target->paper))
                    : target->anonymise ? tr("Anonymised report written to %1").arg(target->name)
                    : signer            ? tr("Report written to %1, signed by %2")
                                       .arg(target->name, signer->signerName()) +
                                   expiryNote(signer->validUntilUtc())
                             : tr("Report written to %1").arg(target->name);
                if (error.isEmpty() && !unexplained.isEmpty())
                    message +=
                        tr(" — not explained: %1").arg(unexplained.join(QStringLiteral("; ")));
                if (error.isEmpty() && target->fhir)
                    message +=
                        fhirError.isEmpty()
                            ? tr(" — FHIR results: %1").arg(report::fhirPathFor(target->name))
                            : tr(" — FHIR results not written: %1").arg(fhirError);
                self->m_window->statusBar()->showMessage(message, 10000);
                if (!error.isEmpty()) {
                    auto* box = new QMessageBox(QMessageBox::Warning,
                                                printed ? tr("Report not printed")
                                                        : tr("Report not written"),
                                                error, QMessageBox::Ok, self->m_window);
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    box->open();
                }
                if (error.isEmpty() && !fhirError.isEmpty()) {
                    auto* box =
                        new QMessageBox(QMessageBox::Warning, tr("FHIR results not written"),
                                        tr("The report was written, its FHIR results "
                                           "were not: %1")
                                            .arg(fhirError),
                                        QMessageBox::Ok, self->m_window);
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    box->open();
                }
                emit self->finished(target->name, error);
            },
            Qt::QueuedConnection);
    });
}

} // namespace ecglens
