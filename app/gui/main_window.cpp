#include "main_window.h"

#include "comparison_view.h"

#include "advice_language.h"
#include "engine_text.h"
#include "finding_text.h"
#include "i18n.h"

#include "advice_panel.h"
#include "analysis_controller.h"
#include "beat_markers.h"
#include "decision_panel.h"
#include "dsp/measurements.h"
#include "dsp/rhythm.h"
#include "ecg_viewer.h"
#include "file_actions.h"
#include "help_actions.h"
#include "job_runner.h"
#include "measurements_panel.h"
#include "patient_panel.h"
#include "report_export.h"
#include "tools_actions.h"
#include "view/signal_view.h"
#include "view_actions.h"
#include "worklist_model.h"
#include "worklist_panel.h"

#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ecglens {

namespace {

QString formatDuration(double seconds)
{
    const auto total = static_cast<long long>(seconds);
    if (total >= 3600)
        return QStringLiteral("%1 h %2 min")
            .arg(total / 3600)
            .arg((total % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (total >= 60)
        return QStringLiteral("%1 min %2 s")
            .arg(total / 60)
            .arg(total % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 s").arg(localNumber(seconds, 'f', 1));
}

QString formatClock(double seconds)
{
    const auto ms = static_cast<long long>(std::max(0.0, seconds) * 1000.0 + 0.5);
    return QStringLiteral("%1:%2:%3.%4")
        .arg(ms / 3600000)
        .arg((ms / 60000) % 60, 2, 10, QLatin1Char('0'))
        .arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

/// "Abnormal ECG, Dr A": a decision and who made it, for messages.
QString whoDecided(const DecisionEntry& d)
{
    return QStringLiteral("%1, %2").arg(decisionText(d.decision),
                                        d.reviewer.isEmpty() ? MainWindow::tr("no reviewer name")
                                                             : d.reviewer);
}

} // namespace

MainWindow::MainWindow(std::unique_ptr<QSettings> store, QWidget* parent)
    : QMainWindow(parent), m_store(std::move(store)), m_jobs(new JobRunner(this)),
      m_viewer(new EcgViewer(this)), m_patient(new PatientPanel(this)), m_banner(new QLabel(this)),
      m_advice(new AdvicePanel(this)), m_exporter(new ReportExporter(this, this)),
      m_reviewStore(new ReviewStore(this)), m_decision(new DecisionPanel(this)),
      m_reviewTimer(new QTimer(this)), m_rereadTimer(new QTimer(this)),
      m_worklist(new WorklistPanel(m_jobs, this))
{
    if (m_store) {
        m_siteDefaults = AppSettings::siteDefaults(*m_store);
        m_settings.load(*m_store);
        m_audit = AuditLog::fromSettings(*m_store);
        m_reviewStore->setFallbackDir(ReviewStore::configuredFallbackDir(*m_store));
        const VerdictCache::Location verdicts = VerdictCache::configured(*m_store);
        m_worklist->setVerdictFile(verdicts.path, verdicts.ownerOnly);
    }
    m_auditWriter.setMaxThreadCount(1); // lines in the order they were asked for
    setAcceptDrops(true);
    resize(1400, 900);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setStyleSheet(QStringLiteral(
        "QLabel { background: #ffe08a; color: #3a2a00; font-weight: bold; padding: 4px; }"));
    m_banner->hide();
    layout->addWidget(m_banner);
    // The shown ECG, and under it another one for comparison when asked (hidden otherwise).
    auto* split = new QSplitter(Qt::Vertical, central);
    split->setObjectName(QStringLiteral("comparisonSplitter"));
    split->setChildrenCollapsible(false);
    auto* shownPane = new QWidget(split);
    auto* shownLayout = new QVBoxLayout(shownPane);
    shownLayout->setContentsMargins(0, 0, 0, 0);
    shownLayout->setSpacing(0);
    m_shownTitle = new QLabel(shownPane); // names the shown ECG while another is compared
    m_shownTitle->setObjectName(QStringLiteral("shownTitle"));
    m_shownTitle->setStyleSheet(ComparisonView::headerStyle());
    m_shownTitle->hide();
    shownLayout->addWidget(m_shownTitle);
    shownLayout->addWidget(m_viewer, 1);
    split->addWidget(shownPane);
    m_comparison = new ComparisonView(split);
    split->addWidget(m_comparison);
    layout->addWidget(split, 1);
    setCentralWidget(central);
    connect(m_comparison, &ComparisonView::closeRequested, this, &MainWindow::closeComparison);

    auto* dock = new QDockWidget(tr("Patient"), this);
    dock->setObjectName(QStringLiteral("patientDock"));
    dock->setWidget(m_patient);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::RightDockWidgetArea, dock);

    m_fileActions = new FileActions(this, m_settings, this);
    m_viewActions = new ViewActions(this, m_viewer, m_settings, this);
    m_toolsActions = new ToolsActions(this, m_viewer->plot(), m_settings, this);
    m_analysis = new AnalysisController(this, m_viewer, m_jobs, m_settings, this);
    m_helpActions = new HelpActions(this, this);
    m_viewActions->addDockToggle(dock->toggleViewAction(), tr("&Patient panel"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    // Off for a screen others can see (the task bar, a shared or projected display).
    QAction* patientInTitle = m_viewActions->addCheckable(tr("Patient in window titl&e"),
                                                          QStringLiteral("patientInTitleAction"),
                                                          m_settings.patientInTitle);
    connect(patientInTitle, &QAction::toggled, this, [this](bool on) {
        m_settings.patientInTitle = on;
        updateTitleAndStatus();
        saveSettings();
    });
    m_measurements = new MeasurementsPanel(m_viewer->plot(), m_jobs, this);
    connect(m_measurements, &MeasurementsPanel::comparisonFindingActivated, m_comparison,
            &ComparisonView::showFinding);
    auto* measureDock = new QDockWidget(tr("Measurements"), this);
    measureDock->setObjectName(QStringLiteral("measurementsDock"));
    measureDock->setWidget(m_measurements);
    measureDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::RightDockWidgetArea, m_analysis->flaggedDock());
    addDockWidget(Qt::RightDockWidgetArea, measureDock);
    addDockWidget(Qt::RightDockWidgetArea, m_analysis->explanationDock());
    tabifyDockWidget(measureDock, m_analysis->explanationDock());
    resizeDocks({dock, m_analysis->flaggedDock(), measureDock}, {150, 120, 620}, Qt::Vertical);
    resizeDocks({measureDock}, {420}, Qt::Horizontal);
    m_viewActions->addMeasurementToggles(measureDock->toggleViewAction(),
                                         m_measurements->markers());
    buildStatusBar();
    buildReviewDock();
    buildAdviceDock(m_analysis->explanationDock());
    buildWorklistDock();

    connect(m_jobs, &JobRunner::loadFinished, this, &MainWindow::onLoadFinished);
    connect(m_jobs, &JobRunner::filterFinished, this, &MainWindow::onFilterFinished);
    connect(m_jobs, &JobRunner::compareFinished, this, &MainWindow::onCompareFinished);
    connect(m_jobs, &JobRunner::progress, this, [this](JobKind kind, double f) {
        m_jobFraction[int(kind)] = f;
        updateProgress();
    });
    connect(m_jobs, &JobRunner::busyChanged, this, [this](JobKind kind, bool) {
        m_jobFraction[int(kind)] = 0.0;
        updateProgress();
    });
    connect(m_cancel, &QPushButton::clicked, this, &MainWindow::cancelJobs);
    connect(m_viewer->plot(), &EcgPlot::cursorMoved, this,
            [this](double t) { m_statusCursor->setText(tr("cursor %1").arg(formatClock(t))); });
    connect(m_viewer->plot(), &EcgPlot::caliperChanged, this, &MainWindow::onCaliper);
    connect(m_viewer->plot(), &EcgPlot::layoutChanged, this, [this](LeadLayout l) {
        m_settings.layout = layoutKey(l);
        saveSettings();
    });
    connect(m_patient, &PatientPanel::patientEdited, this, [this](const Patient&) {
        updateTitleAndStatus(); // the title names the patient
        statusBar()->showMessage(m_reviewReady
                                     ? tr("Patient details edited (saved with the review)")
                                     : tr("Patient details edited"),
                                 4000);
        if (m_reviewReady) {
            m_reviewEdited = true;
            m_reviewTimer->start();
        }
        // Age and sex choose the detector's thresholds: the verdict must follow the edit.
        if (m_recording && (m_settings.autoAnalyse || m_analysis->analysis()))
            m_analysis->analyse();
    });

    applyViewSettings();
    updateTitleAndStatus();
    if (!m_settings.worklistFolder.isEmpty() && QFileInfo(m_settings.worklistFolder).isDir())
        openFolder(m_settings.worklistFolder); // the worklist of the last session, re-read
}

MainWindow::~MainWindow()
{
    flushReview();
    flushAudit();
    if (m_exporter->busy())
        QThreadPool::globalInstance()->waitForDone(); // a report being written
    saveSettings();
}

void MainWindow::buildReviewDock()
{
    auto* dock = new QDockWidget(tr("Review decision"), this);
    dock->setObjectName(QStringLiteral("decisionDock"));
    dock->setWidget(m_decision);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    tabifyDockWidget(findChild<QDockWidget*>(QStringLiteral("patientDock")), dock);
    findChild<QDockWidget*>(QStringLiteral("patientDock"))->raise();
    m_viewActions->addDockToggle(dock->toggleViewAction(), tr("Review &decision panel"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    // Auto-save: shortly after the last keystroke, and whenever the recording changes or the
    // window closes.
    m_reviewTimer->setSingleShot(true);
    m_reviewTimer->setInterval(800);
    connect(m_reviewTimer, &QTimer::timeout, this, &MainWindow::saveReviewIfEdited);
    connect(m_decision, &DecisionPanel::edited, this, [this] {
        if (!m_reviewReady)
            return;
        m_reviewEdited = true;
        m_reviewTimer->start();
    });
    // Review ▸ record a decision from the keyboard, going down a worklist with File ▸ Open next
    // not reviewed; before Help.
    auto* menu = new QMenu(tr("&Review"), this);
    menuBar()->insertMenu(menuBar()->actions().constLast(), menu);
    const struct
    {
        ReviewDecision decision;
        const char* name;
        const char* text;
        Qt::Key key;
    } kDecisionActions[] = {
        {ReviewDecision::Normal, "reviewNormal", QT_TR_NOOP("Record as &normal ECG"), Qt::Key_1},
        {ReviewDecision::Abnormal, "reviewAbnormal", QT_TR_NOOP("Record as &abnormal ECG"),
         Qt::Key_2},
        {ReviewDecision::Uncertain, "reviewUncertain",
         QT_TR_NOOP("Record as &uncertain (second opinion or further tests)"), Qt::Key_3},
    };
    for (const auto& d : kDecisionActions) {
        QAction* a = menu->addAction(tr(d.text));
        a->setObjectName(QString::fromLatin1(d.name));
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | d.key));
        a->setEnabled(false);
        m_decisionActions << a;
        connect(a, &QAction::triggered, this, [this, decision = d.decision] {
            if (!m_reviewReady)
                return;
            findChild<QDockWidget*>(QStringLiteral("decisionDock"))->raise();
            m_decision->setDecision(decision);
            if (m_decision->reviewerEdit()->text().trimmed().isEmpty()) {
                m_decision->reviewerEdit()->setFocus();
                statusBar()->showMessage(tr("Recorded as %1: type your name as the reviewer.")
                                             .arg(decisionText(decision)),
                                         6000);
            } else {
                statusBar()->showMessage(
                    tr("Recorded as %1 by %2.")
                        .arg(decisionText(decision), m_decision->reviewerEdit()->text().trimmed()),
                    6000);
            }
        });
    }
    connect(m_reviewStore, &ReviewStore::rereadFound, this, &MainWindow::onReviewReread);
    // A window in front gets no activation event when a colleague saves elsewhere; a shared
    // folder (SMB, NFS) sends no change notification either: the review is read again now and
    // then. Only a few kB and only while nothing of this window's is waiting to be saved.
    const int rereadS = m_store ? ReviewStore::configuredRereadSeconds(*m_store)
                                : ReviewStore::kDefaultRereadSeconds;
    connect(m_rereadTimer, &QTimer::timeout, this, [this] {
        if (isVisible() && !isMinimized())
            refreshReview();
    });
    if (rereadS > 0)
        m_rereadTimer->start(rereadS * 1000);
    connect(m_reviewStore, &ReviewStore::loaded, this, &MainWindow::onReviewLoaded);
    connect(m_reviewStore, &ReviewStore::saved, this, &MainWindow::onReviewSaved);
    connect(m_analysis, &AnalysisController::verdictShown, this,
            [this](const QString&, double) { m_decision->setDetector(detectorSnapshot()); });
    connect(m_analysis, &AnalysisController::analysisEnded, this,
            [this](const QString&, bool) { m_decision->setDetector(detectorSnapshot()); });
}

void MainWindow::buildWorklistDock()
{
    auto* dock = new QDockWidget(tr("Worklist"), this);
    dock->setObjectName(QStringLiteral("worklistDock"));
    dock->setWidget(m_worklist);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {460}, Qt::Horizontal);
    dock->hide(); // until a folder is opened
    m_viewActions->addDockToggle(dock->toggleViewAction(), tr("Wor&klist panel"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_worklist->setNextAction(m_fileActions->nextNotReviewedAction());
    connect(m_worklist, &WorklistPanel::openRequested, this, &MainWindow::openPath);
    connect(m_worklist, &WorklistPanel::compareRequested, this, &MainWindow::compareWith);
    // The list shows patients' IDs, ages and decisions: who listed which folder is audited.
    connect(m_worklist, &WorklistPanel::scanFinished, this, [this](const QString& folder) {
        recordAudit(AuditEvent::worklistListed(folder, m_worklist->model()->rowCount()));
    });
    connect(this, &MainWindow::recordingShown, m_worklist, &WorklistPanel::setCurrent);
    connect(this, &MainWindow::reviewSaved, m_worklist, [this](const ReviewSave& outcome) {
        if (outcome.error.isEmpty())
            m_worklist->updateReview(outcome.recordingPath, outcome.record);
    });
    connect(this, &MainWindow::reviewLoaded, m_worklist, [this](const ReviewLoad& outcome) {
        if (outcome.found && outcome.error.isEmpty())
            m_worklist->updateReview(outcome.recordingPath, outcome.record);
    });
}

void MainWindow::openFolder(const QString& folder)
{
    m_settings.worklistFolder = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    saveSettings();
    auto* dock = findChild<QDockWidget*>(QStringLiteral("worklistDock"));
    dock->show();
    dock->raise();
    m_worklist->openFolder(m_settings.worklistFolder, m_reviewStore->fallbackDir());
}

void MainWindow::openNextNotReviewed()
{
    if (m_worklist->folder().isEmpty()) {
        statusBar()->showMessage(tr("No worklist: open a folder first (File ▸ Open folder as "
                                    "worklist)."),
                                 6000);
        return;
    }
    const QString next = m_worklist->nextNotReviewed();
    if (next.isEmpty()) {
        statusBar()->showMessage(m_worklist->scanning()
                                     ? tr("No recording without a decision listed yet; the folder "
                                          "is still being read.")
                                     : tr("Every readable recording the worklist shows has a "
                                          "decision (check its filters)."),
                                 6000);
        return;
    }
    openPath(next);
}

void MainWindow::exportReport()
{
    if (!m_recording) {
        statusBar()->showMessage(tr("Open a recording first"), 4000);
        return;
    }
    m_exporter->exportWithDialog();
}

void MainWindow::exportAnonymisedReport()
{
    if (!m_recording) {
        statusBar()->showMessage(tr("Open a recording first"), 4000);
        return;
    }
    m_exporter->exportWithDialog(true);
}

void MainWindow::printReport()
{
    if (!m_recording) {
        statusBar()->showMessage(tr("Open a recording first"), 4000);
        return;
    }
    m_exporter->printWithDialog();
}

void MainWindow::buildAdviceDock(QDockWidget* tabWith)
{
    auto* dock = new QDockWidget(tr("Advice"), this);
    dock->setObjectName(QStringLiteral("adviceDock"));
    dock->setWidget(m_advice);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    tabifyDockWidget(tabWith, dock);
    m_viewActions->addDockToggle(dock->toggleViewAction(), tr("&Advice panel"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m_measurements, &MeasurementsPanel::measured, this, &MainWindow::updateAdvice);
    connect(m_decision, &DecisionPanel::manualChanged, this, &MainWindow::updateAdvice);
    connect(m_decision, &DecisionPanel::manualActivated, this, &MainWindow::showCaliperMeasurement);
    connect(m_measurements, &MeasurementsPanel::measured, this,
            [this] { m_decision->setAutomatic(measuredValues()); });
    // A suspected limb electrode reversal and pacemaker stimuli belong beside the verdict too:
    // the detector read the leads as labelled and was not validated on paced ECGs.
    connect(m_measurements, &MeasurementsPanel::measured, this, [this] {
        m_analysis->setMeasuredWarnings(
            measuredValues() ? verdictCaveats(m_measurements->outcome().findings) : QStringList{});
    });
    connect(m_analysis, &AnalysisController::verdictShown, this, &MainWindow::updateAdvice);
    connect(m_analysis, &AnalysisController::analysisEnded, this, &MainWindow::updateAdvice);
    connect(m_patient, &PatientPanel::patientEdited, this, &MainWindow::updateAdvice);
}

std::optional<dsp::IntervalValues> MainWindow::measuredValues() const
{
    const MeasureOutcome& m = m_measurements->outcome();
    if (!m_recording || m.recording != m_recording || m.cancelled)
        return std::nullopt;
    return m.values;
}

void MainWindow::updateAdvice()
{
    if (!m_recording) {
        m_advice->setItems({}, tr("Open a recording to see advice."));
        return;
    }
    const auto values = measuredValues();
    const bool haveMeasurements = values.has_value();
    const QList<ManualMeasurement> calipers = m_decision->manual();
    dsp::Measurements measurements;
    if (haveMeasurements) // the clinician's caliper values where there are any
        measurements.values = withCalipers(*values, calipers);
    static const std::vector<dsp::Finding> none;
    const auto analysis = m_analysis->analysis();
    advice::AdviceInput input = advice::inputFor(
        m_patient->patient(), m_recording->durationS(), int(m_recording->leads.size()),
        haveMeasurements ? &measurements : nullptr,
        haveMeasurements ? m_measurements->outcome().findings : none, analysis.get());
    if (haveMeasurements) // the median beat stays in the worker; its ST levels came with it
        input.stLevels = m_measurements->outcome().st;
    // The comparison ECG's ST levels and findings when it was measured (it has a median beat).
    if (haveMeasurements && m_measurements->comparing() &&
        !m_measurements->comparisonSt().empty()) {
        input.comparedStLevels = m_measurements->comparisonSt();
        input.comparedFindings = advice::foundFindings(m_measurements->comparisonFindings());
    }
    QStringList from;
    from << (haveMeasurements ? tr("measurements") : tr("no measurements yet"));
    if (haveMeasurements && !calipers.isEmpty())
        from << tr("your calipers (%1)").arg(manualQuantitiesText(calipers));
    from << (analysis ? tr("the detector's verdict") : tr("no verdict yet"));
    from << (m_patient->patient().ageYears
                 ? tr("age %1").arg(*m_patient->patient().ageYears, 0, 'f', 0)
                 : tr("age unknown"));
    m_advice->setItems(
        localisedAdvice(advice::adviceFor(input, advice::builtinCatalogue()), installedLanguage()),
        tr("From %1.").arg(from.join(QStringLiteral(", "))));
}

DetectorSnapshot MainWindow::detectorSnapshot() const
{
    DetectorSnapshot d;
    if (const auto a = m_analysis->analysis()) {
        d.verdictClass = QString::fromLatin1(ml::verdictName(a->verdict));
        d.probability = a->probability;
        d.modelVersion = QString::fromStdString(a->model.version);
    }
    return d;
}

void MainWindow::openReview()
{
    m_reviewReady = false;
    for (QAction* a : m_decisionActions)
        a->setEnabled(false);
    m_reviewEdited = false;
    m_reviewLastError.clear();
    m_review = ReviewLoad{};
    m_reviewShown = ReviewRecord{};
    m_decision->setDetector(DetectorSnapshot{});
    m_decision->setAutomatic(measuredValues());
    if (!m_recording) {
        m_decision->showUnavailable(tr("Open a recording to record a decision."));
        return;
    }
    if (m_recording->synthetic || m_path.startsWith(QLatin1String("demo:"))) {
        m_decision->showUnavailable(
            tr("Synthetic demo recording: nothing to review, so no decision is saved."));
        return;
    }
    m_decision->showUnavailable(tr("Reading the review of this recording …"));
    m_reviewStore->open(m_path);
}

void MainWindow::onReviewLoaded(const ReviewLoad& outcome)
{
    if (outcome.recordingPath != m_path)
        return; // another recording is shown by now
    m_review = outcome;
    m_reviewShown = outcome.record;
    m_reviewReady = !outcome.readOnly;
    for (QAction* a : m_decisionActions)
        a->setEnabled(m_reviewReady);
    QString status;
    if (!outcome.error.isEmpty())
        status =
            outcome.readOnly
                ? outcome.error + tr(" — shown read-only, not changed.")
                : outcome.error + tr(" — kept under another name when your first entry is saved.");
    else if (outcome.found)
        status = tr("Review read from %1.").arg(QDir::toNativeSeparators(outcome.sidecarPath));
    else
        status = tr("Not reviewed yet. Your entries are saved automatically beside the recording "
                    "(never inside it).");
    if (!outcome.warning.isEmpty())
        status += QLatin1Char(' ') + outcome.warning;
    m_decision->showRecord(outcome.record, m_reviewReady, status);
    if (!outcome.error.isEmpty())
        m_decision->setStatus(status, true);
    m_decision->setDetector(detectorSnapshot());
    m_patient->applyEntered(outcome.record.patientId, outcome.record.patientName,
                            outcome.record.patientAgeYears, outcome.record.patientSex);
    m_reviewEdited = false; // restoring saved details is not an edit
    m_reviewTimer->stop();
    // Opened: logged once the content's hash is known, with the decision found (if any).
    m_auditedManual = outcome.record.manual;
    m_auditedDecision = outcome.found ? decisionKey(outcome.record.current.decision) +
                                            QLatin1Char('/') + outcome.record.current.reviewer
                                      : QString();
    recordAudit(aboutShown(AuditEvent::recordingOpened(
        m_recording ? QString::fromStdString(m_recording->format) : QString())));
    emit reviewLoaded(outcome);
}

ReviewRecord MainWindow::currentReview() const
{
    ReviewRecord r = m_review.record;
    r.recordingFile = QFileInfo(m_path).fileName();
    r.sha256 = m_review.sha256;
    r.bytes = m_review.bytes;
    const Patient p = m_patient->patient();
    r.patientId = m_patient->idEditable() ? QString::fromStdString(p.id) : QString();
    r.patientName = m_patient->nameEditable() ? QString::fromStdString(p.name) : QString();
    r.patientAgeYears = m_patient->ageEditable() ? p.ageYears : std::nullopt;
    r.patientSex = m_patient->sexEditable() ? p.sex : Sex::Unknown;
    r.manual = m_decision->manual();
    DecisionEntry e = m_decision->entry();
    if (e.decision != r.current.decision || e.reviewer != r.current.reviewer ||
        e.note != r.current.note) {
        e.updatedUtc = QDateTime::currentDateTimeUtc();
        e.detector = detectorSnapshot();
        r.record(e);
    }
    return r;
}

void MainWindow::saveReviewIfEdited()
{
    m_reviewTimer->stop();
    if (!m_reviewReady || !m_reviewEdited)
        return;
    m_reviewEdited = false;
    m_review.record = currentReview();
    m_decision->setStatus(tr("Saving …"), false);
    ++m_reviewSavesInFlight;
    m_reviewStore->save(m_path, m_review.record, m_reviewShown);
}

void MainWindow::onReviewSaved(const ReviewSave& outcome)
{
    m_reviewSavesInFlight = std::max(0, m_reviewSavesInFlight - 1);
    const bool current = outcome.recordingPath == m_path;
    if (!outcome.error.isEmpty()) {
        m_reviewLastError = outcome.error;
        const QString text =
            tr("NOT SAVED: %1. Your entries are still here; they are saved again with the next "
               "change.")
                .arg(outcome.error);
        if (current) {
            m_decision->setStatus(text, true);
            m_reviewEdited = true; // try again with the next change or at close
        }
        statusBar()->showMessage(text, 10000);
    } else {
        if (current) {
            m_reviewLastError.clear();
            m_review.sidecarPath = outcome.sidecarPath;
            m_review.found = true;
            m_review.error.clear();
            m_reviewShown = outcome.record;
            const QString when =
                QLocale().toString(outcome.whenUtc.toLocalTime().time(), QLocale::LongFormat);
            QString text;
            if (outcome.theirs) {
                text = tr("Saved %1 to %2 and merged with what another window or workstation "
                          "saved there meanwhile (%3): nothing was overwritten.")
                           .arg(when, QDir::toNativeSeparators(outcome.sidecarPath),
                                whoDecided(outcome.theirs->current));
            } else {
                text =
                    tr("Saved %1 to %2.").arg(when, QDir::toNativeSeparators(outcome.sidecarPath));
            }
            if (!outcome.movedAside.isEmpty())
                text += QLatin1Char(' ') + tr("The unreadable earlier file was kept as %1.")
                                               .arg(QDir::toNativeSeparators(outcome.movedAside));
            // What this window changed goes to the audit log (a decision, or who made it; a
            // change of the caliper measurements), not what was merged in from elsewhere.
            const DecisionEntry& d = outcome.sent.current;
            const QString decided = decisionKey(d.decision) + QLatin1Char('/') + d.reviewer;
            if (decided != m_auditedDecision && d.decision != ReviewDecision::NotReviewed) {
                m_auditedDecision = decided;
                recordAudit(aboutShown(AuditEvent::decisionRecorded(
                    decisionKey(d.decision), d.reviewer, outcome.sidecarPath)));
            }
            if (outcome.sent.manual != m_auditedManual) {
                m_auditedManual = outcome.sent.manual;
                QStringList values;
                for (const ManualMeasurement& m : m_auditedManual)
                    values << QStringLiteral("%1 %2 ms").arg(m.quantity).arg(m.valueMs, 0, 'f', 0);
                recordAudit(aboutShown(AuditEvent::measurementsRecorded(
                    values.join(QStringLiteral(", ")), outcome.sidecarPath)));
            }
            if (outcome.theirs) {
                // The panels show what the file now holds, with entries made while the save ran
                // on top of it (saved next).
                showReviewFromElsewhere(
                    m_reviewEdited ? mergeReviews(outcome.sent, currentReview(), outcome.record)
                                   : outcome.record,
                    outcome.record, text);
            } else {
                m_decision->setStatus(text, false);
            }
        }
    }
    emit reviewSaved(outcome);
}

void MainWindow::showReviewFromElsewhere(const ReviewRecord& shown, const ReviewRecord& onDisk,
                                         const QString& status)
{
    const bool pending = m_reviewEdited; // entries made since, still to be saved
    m_review.record = shown;
    m_decision->showRecord(shown, true);
    m_decision->setStatus(status, true);
    m_patient->applyEntered(shown.patientId, shown.patientName, shown.patientAgeYears,
                            shown.patientSex);
    m_reviewEdited = pending; // showing what is saved is not an edit
    if (!pending)
        m_reviewTimer->stop();
    // What came from elsewhere is not this window's to log, now or at its next save.
    const DecisionEntry& d = onDisk.current;
    m_auditedDecision = decisionKey(d.decision) + QLatin1Char('/') + d.reviewer;
    m_auditedManual = onDisk.manual;
}

bool MainWindow::reviewSettled() const
{
    return m_reviewReady && !m_reviewEdited && !m_reviewTimer->isActive() &&
           m_reviewSavesInFlight == 0;
}

void MainWindow::refreshReview()
{
    if (reviewSettled())
        m_reviewStore->reread(m_path, m_review.sha256);
}

void MainWindow::onReviewReread(const ReviewLoad& outcome)
{
    // Entries made since the re-read was asked for win: their save merges the file then.
    if (outcome.recordingPath != m_path || !reviewSettled() ||
        outcome.record.stored() == m_reviewShown.stored())
        return;
    m_review.sidecarPath = outcome.sidecarPath;
    m_review.found = true;
    m_reviewShown = outcome.record;
    showReviewFromElsewhere(outcome.record, outcome.record,
                            tr("Updated with what another window or workstation saved in %1 (%2).")
                                .arg(QDir::toNativeSeparators(outcome.sidecarPath),
                                     whoDecided(outcome.record.current)));
    m_worklist->updateReview(outcome.recordingPath, outcome.record);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        refreshReview();
    QMainWindow::changeEvent(event);
}

AuditEvent MainWindow::aboutShown(AuditEvent e) const
{
    e.on(m_path, m_review.sha256, QString::fromStdString(m_patient->patient().id));
    return e;
}

void MainWindow::recordAudit(AuditEvent e)
{
    if (!m_audit.enabled())
        return;
    // Stamped now, written by one background writer in order: a log on a slow or unreachable
    // share must not stop the window.
    if (!e.timeUtc.isValid())
        e.timeUtc = QDateTime::currentDateTimeUtc();
    QPointer<MainWindow> self(this);
    m_auditWriter.start([self, log = m_audit, e] {
        const QString error = log.append(e);
        if (error.isEmpty())
            return;
        QMetaObject::invokeMethod(
            qApp,
            [self, error] {
                if (self)
                    self->statusBar()->showMessage(
                        tr("Not recorded in the audit log: %1. Tell your IT department.")
                            .arg(error),
                        15000);
            },
            Qt::QueuedConnection);
    });
}

void MainWindow::flushAudit()
{
    m_auditWriter.waitForDone();
    QCoreApplication::sendPostedEvents(qApp, QEvent::MetaCall); // the queued failure messages
}

void MainWindow::flushReview()
{
    saveReviewIfEdited();
    m_reviewStore->flush();
    QCoreApplication::sendPostedEvents(m_reviewStore); // deliver the queued "saved" results
}

void MainWindow::buildStatusBar()
{
    m_statusFormat = new QLabel(this);
    m_statusCursor = new QLabel(this);
    m_statusCaliper = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->hide();
    auto* note = new QLabel(tr("Supports a clinician's review — does not diagnose."), this);
    note->setStyleSheet(QStringLiteral("QLabel { color: #7a4a00; font-weight: bold; }"));
    note->setObjectName(QStringLiteral("decisionSupportNote"));
    statusBar()->addWidget(m_statusFormat);
    statusBar()->addWidget(m_statusCursor);
    statusBar()->addWidget(m_statusCaliper);
    m_statusWarnings = new QToolButton(this);
    m_statusWarnings->setObjectName(QStringLiteral("readerWarnings"));
    m_statusWarnings->setAutoRaise(true);
    m_statusWarnings->setStyleSheet(
        QStringLiteral("QToolButton { color: #a05000; font-weight: bold; }"));
    m_statusWarnings->hide();
    connect(m_statusWarnings, &QToolButton::clicked, this, [this] {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Reader warnings"),
                                    m_statusWarnings->toolTip(), QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("readerWarningsBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    statusBar()->addPermanentWidget(m_statusWarnings);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    statusBar()->addPermanentWidget(note);
}

void MainWindow::updateProgress()
{
    // One bar for the job the user is waiting on: the load first, then the verdict, then the
    // explanation (measurements and display filters are quick and show their own results).
    for (JobKind kind : {JobKind::Load, JobKind::Analyze, JobKind::Explain}) {
        if (!m_jobs->busy(kind))
            continue;
        m_progress->setFormat(kind == JobKind::Load      ? tr("Opening %p%")
                              : kind == JobKind::Analyze ? tr("Analysing %p%")
                                                         : tr("Explaining %p%"));
        m_progress->setValue(int(m_jobFraction[int(kind)] * 100));
        m_progress->show();
        m_cancel->show();
        return;
    }
    m_progress->setValue(0);
    m_progress->hide();
    m_cancel->hide();
}

void MainWindow::cancelJobs()
{
    if (loading())
        cancelLoading();
    else
        m_analysis->cancel();
}

void MainWindow::saveSettings()
{
    if (m_store) {
        m_settings.save(*m_store, m_siteDefaults);
        m_store->sync();
    }
}

void MainWindow::applyViewSettings()
{
    EcgPlot* plot = m_viewer->plot();
    const QScreen* s = screen();
    PaperMetrics metrics = PaperMetrics::fromScreen(
        s, m_settings.speedMmPerS, m_settings.gainMmPerMv, m_settings.dpiCalibration);
    plot->setPaperMetrics(metrics);
    plot->setLeadLayout(layoutFromKey(m_settings.layout));
    m_viewer->setTheme(EcgTheme::fromKey(m_settings.theme));
    // The comparison ECG on the same paper, so that both read alike (set when it is shown: a
    // plot that was never shown has no paint buffer to draw into).
    if (m_comparison->isVisible()) {
        EcgPlot* other = m_comparison->viewer()->plot();
        other->setPaperMetrics(metrics);
        other->setLeadLayout(layoutFromKey(m_settings.layout));
        m_comparison->viewer()->setTheme(EcgTheme::fromKey(m_settings.theme));
    }
}

void MainWindow::openPath(const QString& path)
{
    if (path.isEmpty())
        return;
    statusBar()->showMessage(tr("Opening %1 …").arg(path));
    m_jobs->load(path);
}

void MainWindow::compareWith(const QString& path)
{
    if (path.isEmpty())
        return;
    if (!m_recording) {
        statusBar()->showMessage(tr("Open a recording first, then compare it with another."), 8000);
        return;
    }
    if (QFileInfo(path) == QFileInfo(m_path)) {
        statusBar()->showMessage(tr("That is the recording shown; choose another ECG to compare "
                                    "it with."),
                                 8000);
        return;
    }
    statusBar()->showMessage(tr("Opening %1 for comparison …").arg(path));
    dsp::ConditionOptions options; // measured as the shown one (MeasurementsPanel::analyse)
    options.mainsHz = m_settings.mainsHz;
    m_jobs->compare(path, options);
}

void MainWindow::compareWithPrevious()
{
    if (!m_recording) {
        statusBar()->showMessage(tr("Open a recording first, then compare it with another."), 8000);
        return;
    }
    const WorklistModel* list = m_worklist->model();
    const int row = list->rowOf(m_path);
    if (row < 0) {
        statusBar()->showMessage(tr("The shown recording is not in the worklist: open its folder "
                                    "as a worklist to find the patient's earlier ECGs."),
                                 10000);
        return;
    }
    const WorklistEntry& shown = list->entry(row);
    const int previous = list->previousOfPatient(row);
    if (previous < 0) {
        statusBar()->showMessage(
            shown.patientId.isEmpty() || !shown.recorded.isValid()
                ? tr("The shown recording has no patient ID or recording date to find an "
                     "earlier ECG by.")
                : tr("No earlier ECG of patient %1 in the worklist.").arg(shown.patientId),
            10000);
        return;
    }
    compareWith(list->entry(previous).path);
}

void MainWindow::closeComparison()
{
    m_jobs->cancel(JobKind::Compare);
    m_comparison->clear();
    m_shownTitle->hide();
    const bool wasComparing = m_measurements->comparing();
    m_measurements->clearComparison();
    if (wasComparing)
        updateAdvice();
}

void MainWindow::onCompareFinished(const CompareOutcome& outcome)
{
    if (outcome.cancelled || !m_recording)
        return;
    if (!outcome.recording) {
        statusBar()->clearMessage();
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot open the ECG for comparison"),
                                    outcome.error.isEmpty() ? tr("Unknown error") : outcome.error,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    const bool wasShown = m_comparison->isVisible();
    m_comparison->setMarkersVisible(m_settings.beatMarkers);
    m_comparison->showComparison(outcome, m_recording.get(), m_patient->patient());
    m_shownTitle->setText(tr("Shown: %1").arg(ComparisonView::describe(*m_recording, m_path)));
    m_shownTitle->show();
    if (!wasShown) // half the height each
        if (auto* split = qobject_cast<QSplitter*>(m_comparison->parentWidget()))
            split->setSizes({split->height() / 2, split->height() - split->height() / 2});
    applyViewSettings();
    m_measurements->setComparison(outcome.values, beatClassCounts(outcome.beats), outcome.findings,
                                  outcome.st);
    updateAdvice(); // the ST items say whether the ECG compared with met them too
    statusBar()->showMessage(tr("Comparing with %1.").arg(outcome.path), 8000);
    recordAudit(
        AuditEvent::recordingOpened(QString::fromStdString(outcome.recording->format), m_path)
            .on(outcome.path, outcome.sha256,
                QString::fromStdString(outcome.recording->patient.id)));
}

void MainWindow::openDemo()
{
    openPath(QStringLiteral("demo:"));
}

void MainWindow::cancelLoading()
{
    m_jobs->cancel(JobKind::Load);
    statusBar()->showMessage(tr("Loading cancelled"), 3000);
}

bool MainWindow::loading() const
{
    return m_jobs->busy(JobKind::Load);
}

void MainWindow::closeRecording()
{
    saveReviewIfEdited();
    m_jobs->cancel(JobKind::Load);
    m_jobs->cancel(JobKind::Filter);
    m_analysis->setRecording(nullptr);
    m_recording.reset();
    m_rawSignal.reset();
    m_filteredSignal.reset();
    m_path.clear();
    m_worklist->setCurrent(QString());
    m_viewer->setSignalView(nullptr);
    m_measurements->clear();
    m_patient->setRecording(nullptr);
    openReview();
    updateAdvice();
    m_viewActions->setRecording(nullptr);
    m_toolsActions->setRecording(nullptr);
    showReaderWarnings();
    updateTitleAndStatus();
}

void MainWindow::onLoadFinished(const LoadOutcome& outcome)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (outcome.cancelled)
        return;
    QString error = outcome.error;
    if (outcome.recording && outcome.recording->leads.empty())
        error =
            tr("%1: the file holds no signal to display (annotations only?).").arg(outcome.path);
    if (!outcome.recording || !error.isEmpty()) {
        m_lastError = error;
        statusBar()->clearMessage();
        // Non-blocking so the window stays usable (and tests are not stuck in a modal loop).
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("Cannot open recording"),
                            error.isEmpty() ? tr("Unknown error") : error, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        m_measurements->analyse(m_recording, m_settings.mainsHz); // the load cancelled it
        m_analysis->resume(); // and the analysis / explanation of the shown recording
        emit loadFailed(error);
        return;
    }
    m_lastError.clear();
    saveReviewIfEdited(); // the previous recording's pending edits, before the path changes
    closeComparison();    // it was compared with the recording that is going
    m_recording = outcome.recording;
    m_rawSignal = outcome.signal;
    m_filteredSignal.reset();
    m_path = outcome.path;
    if (!m_recording->synthetic && !outcome.path.startsWith(QLatin1String("demo:"))) {
        m_settings.addRecent(outcome.path);
        m_fileActions->updateRecentMenu();
        saveSettings();
    }
    m_viewer->setSignalView(m_rawSignal);
    m_patient->setRecording(m_recording.get());
    openReview();
    updateAdvice();
    m_viewActions->setRecording(drawnRecording()); // with the limb leads computed for display
    m_toolsActions->setRecording(m_recording.get());
    m_statusFormat->setToolTip(tr("Opened in %1 s").arg(localNumber(outcome.seconds, 'f', 2)));
    statusBar()->clearMessage();
    showReaderWarnings();
    updateTitleAndStatus();
    emit recordingShown(m_path);
    applyFilters(); // queues the quick measure job first
    m_analysis->setRecording(m_recording);
}

void MainWindow::showReaderWarnings()
{
    const auto count = m_recording ? qsizetype(m_recording->warnings.size()) : 0;
    m_statusWarnings->setVisible(count > 0);
    if (count == 0)
        return;
    QStringList lines;
    for (const Message& w : m_recording->warnings)
        lines << QStringLiteral("• ") + engineText(w);
    m_statusWarnings->setText(tr("⚠ %n reader warning(s)", nullptr, int(count)));
    m_statusWarnings->setToolTip(
        tr("Reading %1 found problems that did not stop it; check the traces:")
            .arg(QFileInfo(m_path).fileName()) +
        QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
}

void MainWindow::applyFilters()
{
    if (!m_recording)
        return;
    m_measurements->analyse(m_recording, m_settings.mainsHz); // no-op unless mains changed
    if (m_settings.showRaw || !m_settings.anyFilter()) {
        m_jobs->cancel(JobKind::Filter);
        m_viewer->replaceSignalView(m_rawSignal);
        updateTitleAndStatus();
        emit filtersApplied();
        return;
    }
    statusBar()->showMessage(tr("Filtering for display …"));
    m_jobs->filter(m_recording, m_settings.conditionOptions());
}

void MainWindow::onFilterFinished(const FilterOutcome& outcome)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (outcome.cancelled || !outcome.signal)
        return;
    m_filteredSignal = outcome.signal;
    m_viewer->replaceSignalView(m_filteredSignal);
    statusBar()->clearMessage();
    updateTitleAndStatus();
    emit filtersApplied();
}

void MainWindow::showCaliperMeasurement(const ManualMeasurement& m)
{
    if (!m_recording)
        return;
    int lead = -1;
    const Recording* shown = drawnRecording();
    for (int i = 0; i < int(shown->leads.size()); ++i)
        if (QString::fromStdString(shown->leads[i].name) == m.lead)
            lead = i;
    m_viewer->plot()->jumpTo(m.fromS);
    m_viewer->plot()->setCalipers(m.fromS, m.toS, lead);
    statusBar()->showMessage(
        tr("%1 as measured: %2")
            .arg(manualQuantityText(m.quantity), manualValueText(m, std::nullopt)),
        8000);
}

const Recording* MainWindow::drawnRecording() const
{
    const auto& view = m_viewer->plot()->signalView();
    return view ? &view->recording() : m_recording.get();
}

void MainWindow::onCaliper(const CaliperReading& r)
{
    const Recording* shown = drawnRecording();
    const Lead* lead = shown && r.lead >= 0 && r.lead < int(shown->leads.size())
                           ? &shown->leads[std::size_t(r.lead)]
                           : nullptr;
    m_decision->setCaliper(r, lead ? QString::fromStdString(lead->name) : QString(),
                           lead && lead->computed);
    m_statusCaliper->setText(r.valid ? tr("Δt %1 ms · %2 bpm · ΔV %3 %4")
                                           .arg(localNumber(r.dtMs, 'f', 0),
                                                localNumber(r.rateBpm, 'f', 1),
                                                localNumber(r.dv, 'f', 2), r.unit)
                                     : QString());
}

void MainWindow::updateTitleAndStatus()
{
    const bool demo = m_recording && m_recording->synthetic;
    QString title = QStringLiteral("ECG Lens");
    if (m_recording) {
        const QString name = demo ? tr("synthetic demo") : QFileInfo(m_path).fileName();
        title = name + QStringLiteral(" — ECG Lens");
        // Whose ECG, as the Patient panel has it (typed in for a file without it): with several
        // windows open, the title bar and the task switcher say which patient each one shows.
        const Patient p = m_patient->patient();
        const QString id = QString::fromStdString(p.id);
        const QString patient = QString::fromStdString(p.name);
        QString who;
        if (!patient.isEmpty() && !id.isEmpty())
            who =
                tr("%1 (%2)").arg(report::inlineIdentifier(patient), report::inlineIdentifier(id));
        else if (!patient.isEmpty() || !id.isEmpty())
            who = report::inlineIdentifier(patient + id);
        if (!demo && !who.isEmpty() && m_settings.patientInTitle)
            title = who + QStringLiteral(" \u00b7 ") + title;
        else if (!demo &&
                 report::fileNameNamesPatient(name, patient, id)) // a file named after them
            title = tr("file name hidden") + QStringLiteral(" \u2014 ECG Lens");
    }
    if (demo)
        title = tr("[SYNTHETIC DEMO] ") + title;
    setWindowTitle(title);
    m_banner->setVisible(demo);
    m_banner->setText(
        tr("SYNTHETIC DEMO — a generated ECG (ECGSYN model), not a patient recording"));
    if (!m_recording) {
        m_statusFormat->setText(tr("No recording — File ▸ Open, drop a file, or Help ▸ Open demo"));
        return;
    }
    const Recording& r = *m_recording;
    const bool filtered = !m_settings.showRaw && m_settings.anyFilter() && m_filteredSignal;
    m_statusFormat->setText(tr("%1 · %2 leads · %3 Hz · %4 · %5")
                                .arg(demo ? tr("synthetic demo") : QString::fromStdString(r.format))
                                .arg(r.leads.size())
                                .arg(localNumber(r.fsHz, 'g', 6))
                                .arg(formatDuration(r.durationS()))
                                .arg(filtered ? tr("display filtered") : tr("raw signal")));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        const QString path = urls.first().toLocalFile();
        if (QFileInfo(path).isDir())
            openFolder(path);
        else
            openPath(path);
        event->acceptProposedAction();
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    flushReview();
    if (!m_reviewLastError.isEmpty()) {
        const auto answer = QMessageBox::warning(
            this, tr("Review not saved"),
            tr("The review of %1 could not be saved:\n%2\n\nClose anyway and lose the unsaved "
               "entries?")
                .arg(QFileInfo(m_path).fileName(), m_reviewLastError),
            QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace ecglens
