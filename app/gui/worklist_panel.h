#pragma once

// "Worklist" dock: the recordings of a folder with patient, length and review state, filtered
// (not reviewed, reviewed, needs attention) and searched by patient ID or file name. Rows open
// on double-click or Enter; the row of the recording on screen is bold and follows its review
// as it is saved.

#include "verdict_cache.h"
#include "worklist_model.h"

#include <QHash>
#include <QThreadPool>
#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTableView;
class QToolButton;

namespace ecglens {

class JobRunner;
struct TriageOutcome;

class WorklistPanel : public QWidget
{
    Q_OBJECT
public:
    /// `jobs` runs the detector over the list (the window's engine worker, which owns the
    /// model); without it the list has no detector column button.
    explicit WorklistPanel(JobRunner* jobs = nullptr, QWidget* parent = nullptr);
    ~WorklistPanel() override;

    /// Where the detector's verdicts are kept for the next session (default
    /// VerdictCache::defaultPath(); empty: this session only; `ownerOnly`: see VerdictCache).
    /// Verdicts not yet written go to the file the panel had.
    void setVerdictFile(const QString& path, bool ownerOnly = true);
    QString verdictFile() const { return m_verdicts->path(); }

    /// Lists `folder` in the background (replacing the list); reviews of recordings in
    /// read-only folders are looked up in `reviewFallbackDir` (ReviewStore::fallbackDir).
    void openFolder(const QString& folder, const QString& reviewFallbackDir);
    void rescan();
    void cancelScan();
    QString folder() const { return m_folder; }
    bool scanning() const;
    /// Waits until the running scan is done and its rows are in (tests, screenshots).
    void waitForScan();

    void setCurrent(const QString& path);
    void updateReview(const QString& path, const ReviewRecord& record);
    /// The first recording after the current one, in the order shown (wrapping around), that is
    /// readable and not reviewed; empty if there is none.
    QString nextNotReviewed() const;
    /// Runs the detector on every readable recording of the list that has no result yet, one
    /// at a time in the order shown, between the window's own jobs.
    void runDetector();
    void stopDetector();
    bool detectorRunning() const { return m_triaging; }
    /// The window's "Open next not reviewed" action, offered as a button under the list.
    void setNextAction(QAction* action);

    WorklistModel* model() const { return m_model; }
    WorklistFilter* filter() const { return m_filter; }
    QTableView* table() const { return m_table; }
    QComboBox* showCombo() const { return m_show; }
    /// "This patient's ECGs": only the shown recording's patient, for serial review.
    QToolButton* samePatientButton() const { return m_samePatient; }
    QToolButton* compareButton() const { return m_compare; }
    QLineEdit* searchEdit() const { return m_search; }
    QString summary() const;

signals:
    void openRequested(const QString& path);
    /// "Compare with shown" on the selected row.
    void compareRequested(const QString& path);
    void scanFinished(const QString& folder);
    /// The detector has been through the list (or stopped because the model cannot be used).
    void detectorFinished();

private:
    void onListed(const QString& folder, int total, bool truncated, const QStringList& warnings,
                  const QString& triageIdentity);
    void onDescribed(const QString& folder, const QList<WorklistEntry>& batch);
    void onFinished(const QString& folder, int skipped, const QString& error);
    void updateSummary();
    /// "Compare with shown": a readable row other than the shown recording's is selected.
    void updateCompare();
    void triageNext();
    /// The shown recording's patient ID (from its row), empty when unknown or not listed.
    QString currentPatient() const;
    void updatePatientFilter();
    void onTriaged(const TriageOutcome& outcome);

    WorklistScanner* m_scanner;
    WorklistModel* m_model;
    WorklistFilter* m_filter;
    QLabel* m_folderLabel;
    QToolButton* m_rescan;
    QToolButton* m_cancel;
    QComboBox* m_show;
    QLineEdit* m_search;
    QTableView* m_table;
    QLabel* m_summary;
    QProgressBar* m_progress;
    QToolButton* m_next;
    QToolButton* m_triage;
    QToolButton* m_samePatient;
    QToolButton* m_compare;
    /// The detector's verdicts by what they were computed from (verdictKey): kept across
    /// sessions, so that a rescan, another folder holding the same recordings or the next day's
    /// listing neither loses nor redoes them. Looked up by the scanner on its thread, saved on
    /// m_saver's. Why a recording was not analysed (too long, unreadable) is kept for this
    /// session only.
    std::shared_ptr<VerdictCache> m_verdicts;
    QThreadPool m_saver; ///< one thread: writes the verdict file off the GUI thread
    QHash<QString, QString> m_triageNotes;
    QString m_triageIdentity; ///< triageIdentity() of the detector, read when a listing starts
    /// Writes new verdicts to the verdict file in the background; a failure becomes the
    /// summary's note.
    void saveVerdicts();
    JobRunner* m_jobs;
    QStringList m_triageQueue;
    bool m_triaging = false;
    QString m_triageNote; ///< why the detector stopped (no model)
    QString m_folder;
    QString m_fallbackDir;
    QString m_notes; ///< truncation, skipped files, warnings, errors of the last scan
};

} // namespace ecglens
