#pragma once

#include "app_settings.h"
#include "audit_log.h"
#include "core/recording.h"
#include "engine_worker.h"
#include "review_store.h"

#include <QMainWindow>
#include <QThreadPool>

#include <memory>

class QAction;
class QLabel;
class QToolButton;
class QProgressBar;
class QPushButton;
class QDockWidget;
class QSettings;
class QTimer;

namespace ecglens {

class AdvicePanel;
class ComparisonView;
class AnalysisController;
class DecisionPanel;
class ReportExporter;
class EcgViewer;
class FileActions;
class HelpActions;
class JobRunner;
class MeasurementsPanel;
class PatientPanel;
class ToolsActions;
class ViewActions;
class WorklistPanel;
struct CaliperReading;

/// The window: wires the viewer, the patient panel, the status bar and the action groups to the
/// background job runner. Deliberately small: menus and their behaviour live in the *Actions
/// classes, engine work runs in EngineWorker.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// `store` persists the settings (a test passes one on a temporary file).
    explicit MainWindow(std::unique_ptr<QSettings> store, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Starts loading a file (or "demo:..."); the current recording stays until it succeeds.
    void openPath(const QString& path);
    void openDemo();
    /// Shows another ECG (usually an earlier one of the patient) under the shown one, on the
    /// same paper, with both ECGs' measurements and the change; closed when another recording
    /// is opened.
    void compareWith(const QString& path);
    /// Compares with the latest ECG of the same patient recorded before the shown one, found in
    /// the worklist (by patient ID and recording date); says so when there is none.
    void compareWithPrevious();
    void closeComparison();
    ComparisonView* comparison() const { return m_comparison; }
    /// Lists the recordings of `folder` in the worklist (remembered for the next start).
    void openFolder(const QString& folder);
    /// Opens the worklist's next recording without a decision (none: says so).
    void openNextNotReviewed();
    void closeRecording();
    void cancelLoading();
    /// Cancels what runs in the background: a load, else the analysis and explanation.
    void cancelJobs();

    EcgViewer* viewer() const { return m_viewer; }
    PatientPanel* patientPanel() const { return m_patient; }
    MeasurementsPanel* measurementsPanel() const { return m_measurements; }
    /// The detector's verdict, flagged segments and explanations.
    AnalysisController* analysis() const { return m_analysis; }
    JobRunner* jobs() const { return m_jobs; }
    DecisionPanel* decisionPanel() const { return m_decision; }
    AdvicePanel* advicePanel() const { return m_advice; }
    ReportExporter* reportExporter() const { return m_exporter; }
    /// File ▸ Export report: asks for a file name and writes the PDF report in the background.
    void exportReport();
    /// The report without what identifies the patient (report::ReportInput::anonymise).
    void exportAnonymisedReport();
    /// File ▸ Print report: the print dialog, then the same report on the printer.
    void printReport();
    ReviewStore* reviewStore() const { return m_reviewStore; }
    WorklistPanel* worklist() const { return m_worklist; }
    /// The review of the shown recording as last loaded or saved (with unsaved edits applied).
    ReviewRecord currentReview() const;
    /// The shown recording's automatic measurements, once the measure job is done for it.
    std::optional<dsp::IntervalValues> measuredValues() const;
    /// Saves pending review edits now and waits until every write is done.
    void flushReview();
    AppSettings& settings() { return m_settings; }
    void saveSettings();
    /// Applies layout, speed, gain, theme and DPI calibration from the settings to the viewer.
    void applyViewSettings();
    /// Shows the raw signal or starts the display-filter job, per the settings.
    void applyFilters();

    /// `e` about the shown recording (path, SHA-256, patient ID as shown).
    AuditEvent aboutShown(AuditEvent e) const;
    /// Appends `e` to the audit trail on a background writer (stamped with the time now); when
    /// it cannot be written the status bar says so and the work goes on.
    void recordAudit(AuditEvent e);
    /// Waits until every audit event asked for is written (and its failure shown).
    void flushAudit();
    const AuditLog& auditLog() const { return m_audit; }

    std::shared_ptr<const Recording> recording() const { return m_recording; }
    /// The recording as the viewer draws it (with the limb leads computed for display: lead
    /// indices of the plot), else the one read; null without one.
    const Recording* drawnRecording() const;
    QString currentPath() const { return m_path; }
    QString lastError() const { return m_lastError; }
    bool loading() const;

signals:
    /// A recording is on screen (after a load, or after a filter result replaced the trace).
    void recordingShown(const QString& path);
    void loadFailed(const QString& message);
    void filtersApplied();
    /// The review of the shown recording was read (or found absent / unusable).
    void reviewLoaded(const ecglens::ReviewLoad& outcome);
    void reviewSaved(const ecglens::ReviewSave& outcome);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    /// Coming back to the window re-reads the shown recording's review (refreshReview).
    void changeEvent(QEvent* event) override;

private:
    void buildStatusBar();
    void onLoadFinished(const LoadOutcome& outcome);
    void onFilterFinished(const FilterOutcome& outcome);
    void onCompareFinished(const CompareOutcome& outcome);
    void onCaliper(const CaliperReading& reading);
    /// The shown recording's reader warnings behind the status bar's warning button (hidden
    /// without any): its tooltip lists them, a click shows them.
    void showReaderWarnings();
    /// Puts the calipers back where a recorded caliper measurement was made.
    void showCaliperMeasurement(const ManualMeasurement& m);
    void updateTitleAndStatus();
    void updateProgress();
    void buildReviewDock();
    void buildAdviceDock(QDockWidget* tabWith);
    void buildWorklistDock();
    /// Recomputes the advice from the patient, measurements and verdict now shown.
    void updateAdvice();
    void openReview();
    void onReviewLoaded(const ReviewLoad& outcome);
    void onReviewSaved(const ReviewSave& outcome);
    /// Shows `shown` after a review saved by another window or workstation came in (merged
    /// into this window's save, or re-read): `onDisk` is what the file holds, `status` says
    /// what happened; entries still waiting to be saved stay waiting.
    void showReviewFromElsewhere(const ReviewRecord& shown, const ReviewRecord& onDisk,
                                 const QString& status);
    /// Re-reads the shown review when nothing is waiting to be saved: what another window or
    /// workstation saved meanwhile is shown (onReviewReread).
    void refreshReview();
    /// The review is editable, nothing typed waits to be saved and no save is unanswered (a
    /// re-read read before a save finishes would show the review without this window's
    /// entries).
    bool reviewSettled() const;
    void onReviewReread(const ReviewLoad& outcome);
    /// Queues a save of the review when the user changed something.
    void saveReviewIfEdited();
    DetectorSnapshot detectorSnapshot() const;

    std::unique_ptr<QSettings> m_store;
    AuditLog m_audit;          ///< from the store's audit/log (site setting), else the default
    QThreadPool m_auditWriter; ///< one thread: lines are appended in the order asked for
    QString m_auditedDecision; ///< decision and reviewer last audited for m_path
    QList<ManualMeasurement> m_auditedManual; ///< caliper measurements last audited for m_path
    AppSettings m_settings;
    AppSettings m_siteDefaults; ///< what a preference equal to is not stored for the user
    JobRunner* m_jobs;
    EcgViewer* m_viewer;
    ComparisonView* m_comparison = nullptr;
    QLabel* m_shownTitle = nullptr;
    PatientPanel* m_patient;
    MeasurementsPanel* m_measurements;
    AnalysisController* m_analysis;
    QLabel* m_banner;
    FileActions* m_fileActions;
    ViewActions* m_viewActions;
    ToolsActions* m_toolsActions;
    HelpActions* m_helpActions;

    QLabel* m_statusFormat;
    QLabel* m_statusCursor;
    QLabel* m_statusCaliper;
    /// "⚠ 2 reader warnings" while the shown recording has any; its tooltip lists them and a
    /// click shows them all (the status bar's message shows one at a time).
    QToolButton* m_statusWarnings;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    double m_jobFraction[int(JobKind::Count)] = {};

    std::shared_ptr<const Recording> m_recording;
    std::shared_ptr<const view::SignalView> m_rawSignal;
    std::shared_ptr<const view::SignalView> m_filteredSignal;
    QString m_path;
    QString m_lastError;

    AdvicePanel* m_advice;
    ReportExporter* m_exporter;
    ReviewStore* m_reviewStore;
    DecisionPanel* m_decision;
    QTimer* m_reviewTimer;
    /// Re-reads the shown review now and then (reviews/rereadSeconds), for a window that stays
    /// in front while a colleague decides on another workstation.
    QTimer* m_rereadTimer;
    WorklistPanel* m_worklist;
    ReviewLoad m_review; ///< of m_path; record = last saved state
    /// The review as the file held it at the last load or save: what the panel's entries are
    /// made on, so that a save merges what another window or workstation saved meanwhile.
    ReviewRecord m_reviewShown;
    QList<QAction*> m_decisionActions; ///< Review ▸ Record as …
    bool m_reviewReady = false;        ///< loaded and writable
    bool m_reviewEdited = false;       ///< edits not yet queued for saving
    /// Saves queued and not yet answered: a re-read read before them must not be shown.
    int m_reviewSavesInFlight = 0;
    QString m_reviewLastError; ///< the last save failed with this
};

} // namespace ecglens
