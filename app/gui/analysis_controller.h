#pragma once

#include "core/recording.h"
#include "engine_worker.h"

#include <QObject>
#include <QThreadPool>

#include <memory>
#include <optional>

class QAction;
class QDockWidget;

namespace ecglens {

class EcgViewer;
class ExplanationPanel;
class FlaggedPanel;
class JobRunner;
class MainWindow;
struct AppSettings;

/// The detector and its explanations in the window: the Analysis menu (Analyse, Cancel,
/// Explain, next/previous flagged segment, automatic analysis), the verdict banner, the
/// probability track, the "Flagged segments" and "Explanation" docks. All engine work runs on
/// the JobRunner's worker; results of a superseded recording or request are never shown.
class AnalysisController : public QObject
{
    Q_OBJECT
public:
    AnalysisController(MainWindow* window, EcgViewer* viewer, JobRunner* jobs,
                       AppSettings& settings, QObject* parent = nullptr);

    /// The window shows a new recording (null: none): clears the previous results and, when the
    /// setting says so, starts the analysis.
    void setRecording(std::shared_ptr<const Recording> recording);
    /// Runs the detector on the shown recording (with the patient panel's age and sex).
    void analyse();
    /// Warnings about the detector's input that the measurements of the shown recording found
    /// (a suspected limb electrode reversal: the detector reads the leads as labelled), shown on
    /// the verdict banner after the detector's own; cleared with a new recording.
    void setMeasuredWarnings(const QStringList& warnings);
    /// Cancels a running analysis and explanation; says so in the banner / panel.
    void cancel();
    /// Restarts what a failed open of another file cancelled (an open supersedes every job of
    /// the shown recording before it is known whether the new file can be read).
    void resume();
    /// Explains the 10 s window starting at startS (clamped into the recording).
    void explainWindow(double startS, int flaggedIndex = -1, bool highlight = false);
    /// Explains the window on screen (its centre 10 s when more is shown).
    void explainVisible();
    /// Shows flagged segment `index` (its most probable window) and explains it.
    void showFlagged(int index, bool highlight = true);
    void nextFlagged();
    void previousFlagged();
    /// Shows Look first window `index` (FlaggedPanel::reviewFirst) and explains it.
    void showReviewFirst(int index);
    void nextReviewFirst();
    void previousReviewFirst();

    bool analysing() const;
    bool explaining() const;
    std::shared_ptr<const ml::Analysis> analysis() const { return m_analysis; }
    int currentFlagged() const { return m_currentFlagged; }
    int currentReviewFirst() const { return m_currentFirst; }
    /// Start (s) of the 10 s analysis window shown for flagged segment `index`.
    double flaggedWindowStart(int index) const;

    FlaggedPanel* flaggedPanel() const { return m_flagged; }
    ExplanationPanel* explanationPanel() const { return m_explanation; }
    QDockWidget* flaggedDock() const { return m_flaggedDock; }
    QDockWidget* explanationDock() const { return m_explanationDock; }
    QAction* analyseAction() const { return m_analyseAction; }
    QAction* cancelAction() const { return m_cancelAction; }
    QAction* autoAction() const { return m_autoAction; }
    QAction* nextAction() const { return m_nextAction; }
    QAction* previousAction() const { return m_previousAction; }
    QAction* nextFirstAction() const { return m_nextFirstAction; }
    QAction* previousFirstAction() const { return m_previousFirstAction; }
    QAction* explainAction() const { return m_explainAction; }

signals:
    /// A verdict was put on the banner (every time; tests record them).
    void verdictShown(const QString& verdictClass, double probability);
    /// The analysis ended without a verdict: failed, model unavailable or cancelled.
    void analysisEnded(const QString& message, bool error);
    /// An explanation is on the plot and in the Explanation dock.
    void explanationShown();
    void explanationFailed(const QString& message);

private:
    void onAnalyzed(const AnalyzeOutcome& outcome);
    /// Puts m_analysis's verdict on the banner with its warnings and m_measuredWarnings.
    void showVerdict();
    void onExplained(const ExplainOutcome& outcome);
    void onProgress(JobKind kind, double fraction);
    void updateActions();
    /// Empties the probability track and the overview strip's trend.
    void clearProbabilities();
    void centreOnWindow(double startS, double endS);
    /// The index one step (`delta` = ±1) from `current` in a list of `count`, kept in range;
    /// says in the status bar when there is none or the list ends (`none`, `first`, `last`).
    int step(int current, int count, int delta, const QString& none, const QString& first,
             const QString& last);

    MainWindow* m_window;
    EcgViewer* m_viewer;
    JobRunner* m_jobs;
    AppSettings& m_settings;
    FlaggedPanel* m_flagged;
    ExplanationPanel* m_explanation;
    QDockWidget* m_flaggedDock;
    QDockWidget* m_explanationDock;
    QAction* m_analyseAction;
    QAction* m_cancelAction;
    QAction* m_explainAction;
    QAction* m_nextAction;
    QAction* m_previousAction;
    QAction* m_nextFirstAction;
    QAction* m_previousFirstAction;
    QAction* m_showAction;
    QAction* m_autoAction;

    std::shared_ptr<const Recording> m_recording;
    std::shared_ptr<const ml::Analysis> m_analysis;
    QStringList m_measuredWarnings;
    int m_currentFlagged = -1;
    int m_currentFirst = -1;                        ///< Look first window shown, -1 none
    bool m_analysisPending = false;                 ///< requested, no outcome yet
    std::optional<ExplainRequest> m_pendingExplain; ///< requested, no outcome yet
    /// Opens the detector's LibTorch module ahead of the first analysis (about 0.5 s), off the
    /// worker thread so that a file load is never queued behind it; its destructor waits for
    /// that to finish, so the program never exits while a library is being opened.
    QThreadPool m_warmUp;
};

} // namespace ecglens
