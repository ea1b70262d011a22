#include "analysis_controller.h"
#include "engine_text.h"

#include "shortcuts.h"

#include "app_settings.h"
#include "ecg_viewer.h"
#include "explanation_panel.h"
#include "flagged_panel.h"
#include "job_runner.h"
#include "main_window.h"
#include "overview_strip.h"
#include "patient_panel.h"
#include "probability_track.h"
#include "verdict_banner.h"

#include "ml/net.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QStatusBar>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace ecglens {

namespace {

constexpr double kWindowS = ml::kWindowSamples / ml::kModelFsHz; // 10 s
constexpr int kDetectorWarmUpDelayMs = 1000;

std::vector<WindowProbability> toTrack(const std::vector<ml::WindowResult>& windows)
{
    std::vector<WindowProbability> out;
    out.reserve(windows.size());
    for (const ml::WindowResult& w : windows)
        out.push_back({w.startS, w.endS, w.probability});
    return out;
}

/// What the verdict was decided against: both thresholds, the age group and the lead set they
/// were chosen for ("borderline from 5.5 %, anomalous from 8.1 %: age 40–64, 12 leads").
QString thresholdBasis(const ml::Analysis& a)
{
    const std::string& g = a.thresholdAgeGroup;
    const QString age =
        g == "<40"     ? QCoreApplication::translate("ecglens::AnalysisController", "age < 40")
        : g == "40-64" ? QCoreApplication::translate("ecglens::AnalysisController", "age 40–64")
        : g == ">=65"  ? QCoreApplication::translate("ecglens::AnalysisController", "age ≥ 65")
                       : QCoreApplication::translate("ecglens::AnalysisController",
                                                     "age unknown, so the lowest thresholds");
    return QCoreApplication::translate("ecglens::AnalysisController",
                                       "borderline from %1, anomalous from %2: %3, %4")
        .arg(VerdictBanner::percentText(a.thresholds.borderline),
             VerdictBanner::percentText(a.thresholds.anomalous), age,
             leadSetText(a.thresholdLeadSet));
}

} // namespace

AnalysisController::AnalysisController(MainWindow* window, EcgViewer* viewer, JobRunner* jobs,
                                       AppSettings& settings, QObject* parent)
    : QObject(parent), m_window(window), m_viewer(viewer), m_jobs(jobs), m_settings(settings),
      m_flagged(new FlaggedPanel(window)),
      m_explanation(new ExplanationPanel(viewer->plot(), settings, window))
{
    m_flaggedDock = new QDockWidget(tr("Flagged segments"), window);
    m_flaggedDock->setObjectName(QStringLiteral("flaggedDock"));
    m_flaggedDock->setWidget(m_flagged);
    m_flaggedDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    m_explanationDock = new QDockWidget(tr("Explanation"), window);
    m_explanationDock->setObjectName(QStringLiteral("explanationDock"));
    auto* scroll = new QScrollArea(m_explanationDock);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_explanation);
    m_explanationDock->setWidget(scroll);
    m_explanationDock->setFeatures(QDockWidget::DockWidgetMovable |
                                   QDockWidget::DockWidgetClosable);

    QMenu* menu = window->menuBar()->addMenu(tr("&Analysis"));
    m_analyseAction = menu->addAction(tr("&Analyse"));
    m_analyseAction->setShortcut(shortcuts::analyse());
    m_analyseAction->setStatusTip(
        tr("Run the detector on the shown recording (decision support, not a diagnosis)"));
    connect(m_analyseAction, &QAction::triggered, this, &AnalysisController::analyse);
    m_cancelAction = menu->addAction(tr("&Cancel analysis"));
    connect(m_cancelAction, &QAction::triggered, this, &AnalysisController::cancel);
    menu->addSeparator();
    m_explainAction = menu->addAction(tr("&Explain shown window"));
    m_explainAction->setShortcut(shortcuts::explain());
    m_explainAction->setStatusTip(
        tr("Which segments of the 10 s window on screen moved the model, and how much"));
    connect(m_explainAction, &QAction::triggered, this, &AnalysisController::explainVisible);
    m_nextAction = menu->addAction(tr("&Next flagged segment"));
    m_nextAction->setShortcuts(
        {QKeySequence(Qt::Key_F), QKeySequence(Qt::CTRL | Qt::Key_BracketRight)});
    connect(m_nextAction, &QAction::triggered, this, &AnalysisController::nextFlagged);
    m_previousAction = menu->addAction(tr("&Previous flagged segment"));
    m_previousAction->setShortcuts(
        {QKeySequence(Qt::SHIFT | Qt::Key_F), QKeySequence(Qt::CTRL | Qt::Key_BracketLeft)});
    connect(m_previousAction, &QAction::triggered, this, &AnalysisController::previousFlagged);
    m_nextFirstAction = menu->addAction(tr("Next &Look first window"));
    m_nextFirstAction->setShortcut(QKeySequence(Qt::Key_L));
    m_nextFirstAction->setStatusTip(
        tr("A long recording's most probable flagged windows, a minute or more apart"));
    connect(m_nextFirstAction, &QAction::triggered, this, &AnalysisController::nextReviewFirst);
    m_previousFirstAction = menu->addAction(tr("Previous Look first window"));
    m_previousFirstAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_L));
    connect(m_previousFirstAction, &QAction::triggered, this,
            &AnalysisController::previousReviewFirst);
    menu->addSeparator();
    m_showAction = menu->addAction(tr("&Show contributions on the trace"));
    m_showAction->setCheckable(true);
    m_showAction->setChecked(settings.showContributions);
    m_showAction->setShortcut(QKeySequence(Qt::Key_X));
    connect(m_showAction, &QAction::toggled, m_explanation,
            &ExplanationPanel::setContributionsVisible);
    // A new players / baseline choice re-explains the window on show.
    connect(m_explanation, &ExplanationPanel::choicesChanged, this, [this] {
        if (const auto e = m_explanation->explanation())
            explainWindow(e->windowStartS, m_currentFlagged, false);
    });
    connect(m_explanation, &ExplanationPanel::contributionsVisibilityChanged, this,
            [this](bool on) {
                m_showAction->setChecked(on);
                m_window->saveSettings();
            });
    QAction* flaggedToggle = m_flaggedDock->toggleViewAction();
    flaggedToggle->setText(tr("Flagged segments panel"));
    menu->addAction(flaggedToggle);
    QAction* explanationToggle = m_explanationDock->toggleViewAction();
    explanationToggle->setText(tr("Explanation panel"));
    menu->addAction(explanationToggle);
    menu->addSeparator();
    m_autoAction = menu->addAction(tr("Analyse automatically after &opening"));
    m_autoAction->setCheckable(true);
    m_autoAction->setChecked(settings.autoAnalyse);
    connect(m_autoAction, &QAction::toggled, this, [this](bool on) {
        m_settings.autoAnalyse = on;
        m_window->saveSettings();
    });

    // With automatic analysis the first recording will need the detector: open LibTorch a
    // second after start (a plain screenshot run has finished by then; the setting is read
    // when the timer fires), so the first verdict does not wait for it.
    m_warmUp.setMaxThreadCount(1);
    QTimer::singleShot(kDetectorWarmUpDelayMs, this, [this] {
        if (m_settings.autoAnalyse)
            m_warmUp.start([] { (void)ml::Net::backendAvailable(); });
    });

    connect(m_jobs, &JobRunner::analyzeFinished, this, &AnalysisController::onAnalyzed);
    connect(m_jobs, &JobRunner::explainFinished, this, &AnalysisController::onExplained);
    connect(m_jobs, &JobRunner::progress, this, &AnalysisController::onProgress);
    connect(m_jobs, &JobRunner::busyChanged, this, [this](JobKind kind, bool) {
        if (kind == JobKind::Analyze || kind == JobKind::Explain)
            updateActions();
    });
    connect(m_flagged, &FlaggedPanel::segmentActivated, this,
            [this](int index) { showFlagged(index, true); });
    connect(m_flagged, &FlaggedPanel::windowActivated, this, &AnalysisController::showReviewFirst);
    connect(viewer->probabilityTrack(), &ProbabilityTrack::timeClicked, this, [this](double t) {
        EcgPlot* plot = m_viewer->plot();
        plot->setVisibleStartS(t - 0.5 * plot->visibleSpanS());
    });
    updateActions();
}

bool AnalysisController::analysing() const
{
    return m_jobs->busy(JobKind::Analyze);
}

bool AnalysisController::explaining() const
{
    return m_jobs->busy(JobKind::Explain);
}

void AnalysisController::clearProbabilities()
{
    m_viewer->probabilityTrack()->clear();
    m_viewer->overview()->setProbabilities({}, 1.0);
    m_viewer->overview()->setMarks({});
}

void AnalysisController::updateActions()
{
    const bool have = m_recording != nullptr;
    const bool flagged = m_analysis && !m_analysis->flagged.empty();
    m_analyseAction->setEnabled(have);
    m_cancelAction->setEnabled(analysing() || explaining());
    m_explainAction->setEnabled(have);
    m_nextAction->setEnabled(flagged);
    m_previousAction->setEnabled(flagged);
    const bool first = m_analysis && !m_flagged->reviewFirst().empty();
    m_nextFirstAction->setEnabled(first);
    m_previousFirstAction->setEnabled(first);
}

void AnalysisController::setRecording(std::shared_ptr<const Recording> recording)
{
    m_jobs->cancel(JobKind::Analyze);
    m_jobs->cancel(JobKind::Explain);
    m_recording = std::move(recording);
    m_analysis.reset();
    m_measuredWarnings.clear();
    m_analysisPending = false;
    m_pendingExplain.reset();
    m_currentFlagged = m_currentFirst = -1;
    m_viewer->verdictBanner()->clear();
    clearProbabilities();
    m_flagged->clear();
    m_explanation->clear();
    if (m_recording) {
        if (m_settings.autoAnalyse)
            analyse();
        else
            m_viewer->verdictBanner()->setMessage(
                tr("Not analysed — Analysis ▸ Analyse (%1) runs the detector.")
                    .arg(shortcuts::text(shortcuts::analyse())),
                false);
    }
    updateActions();
}

void AnalysisController::analyse()
{
    if (!m_recording)
        return;
    m_jobs->cancel(JobKind::Explain); // explanations follow the new verdict
    m_analysis.reset();
    m_currentFlagged = m_currentFirst = -1;
    m_viewer->verdictBanner()->setRunning(0.0);
    clearProbabilities();
    m_flagged->setMessage(tr("Analysing …"));
    m_explanation->clear();
    AnalyzeRequest request;
    const Patient patient = m_window->patientPanel()->patient();
    request.ageYears = patient.ageYears;
    request.sex = patient.sex;
    m_jobs->analyze(m_recording, request);
    m_analysisPending = true;
    m_pendingExplain.reset();
    updateActions();
}

void AnalysisController::resume()
{
    if (!m_recording)
        return;
    if (m_analysisPending && !analysing())
        analyse();
    else if (m_pendingExplain && !explaining())
        explainWindow(m_pendingExplain->startS, m_pendingExplain->flaggedIndex,
                      m_pendingExplain->highlight);
}

void AnalysisController::cancel()
{
    m_analysisPending = false;
    m_pendingExplain.reset();
    if (analysing()) {
        m_jobs->cancel(JobKind::Analyze);
        const QString text = tr("Analysis cancelled — Analysis ▸ Analyse (%1) runs it again.")
                                 .arg(shortcuts::text(shortcuts::analyse()));
        m_viewer->verdictBanner()->setMessage(text, false);
        m_flagged->setMessage(tr("Analysis cancelled."));
        emit analysisEnded(text, false);
    }
    if (explaining()) {
        m_jobs->cancel(JobKind::Explain);
        m_explanation->setMessage(tr("Explanation cancelled."), false);
    }
    updateActions();
}

void AnalysisController::onProgress(JobKind kind, double fraction)
{
    if (kind == JobKind::Analyze)
        m_viewer->verdictBanner()->setRunning(fraction);
    else if (kind == JobKind::Explain)
        m_explanation->setRunning(fraction);
}

void AnalysisController::onAnalyzed(const AnalyzeOutcome& outcome)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (outcome.cancelled || outcome.recording != m_recording || !m_recording)
        return; // not the recording on screen
    m_analysisPending = false;
    VerdictBanner* banner = m_viewer->verdictBanner();
    if (!outcome.analysis) {
        const bool model = !outcome.modelError.isEmpty();
        const QString text =
            model ? tr("Detector unavailable — %1 The recording is shown; review it without "
                       "the detector.")
                        .arg(outcome.modelError)
                  : tr("Analysis failed: %1").arg(outcome.error);
        // The banner says "Analysis: <why>" itself.
        banner->setMessage(model ? text : outcome.error, true);
        m_flagged->setMessage(model ? tr("No detector model.") : tr("Analysis failed."));
        emit analysisEnded(text, true);
        updateActions();
        return;
    }
    m_analysis = outcome.analysis;
    const ml::Analysis& a = *m_analysis;
    showVerdict();
    if (a.windows.size() > 1) {
        const auto windows = toTrack(a.windows);
        ProbabilityTrack* track = m_viewer->probabilityTrack();
        track->setWindows(windows, a.thresholds.borderline, a.thresholds.anomalous);
        track->setFlagged(toTrack(a.flagged));
        // The whole recording at a glance: where the probability rises and falls.
        m_viewer->overview()->setProbabilities(windows, a.thresholds.anomalous);
    } else {
        clearProbabilities(); // one window: the banner says it all
    }
    m_flagged->setSegments(a.flagged, m_recording ? m_recording->durationS() : 0.0);
    const std::vector<ml::WindowResult> first = ml::reviewFirstWindows(a);
    m_flagged->setReviewFirst(first);
    std::vector<double> marks;
    for (const ml::WindowResult& w : first)
        marks.push_back(0.5 * (w.startS + w.endS));
    m_viewer->overview()->setMarks(marks);
    m_window->statusBar()->showMessage(
        tr("Analysed in %1 s: %2, %3")
            .arg(localNumber(outcome.seconds, 'f', 1))
            .arg(tr("%n window(s)", nullptr, int(a.windows.size())),
                 tr("%n flagged segment(s)", nullptr, int(a.flagged.size()))),
        6000);
    emit verdictShown(QString::fromLatin1(ml::verdictName(a.verdict)), a.probability);
    updateActions();

    // Explain right after the verdict: the first flagged segment, else the most probable window
    // (for a 10 s record, the record itself), so the reviewer sees why either way.
    if (!a.flagged.empty()) {
        showFlagged(0, true);
    } else if (const ml::WindowResult* best = ml::mostProbableWindow(a)) {
        explainWindow(best->startS);
    }
}

void AnalysisController::showVerdict()
{
    if (!m_analysis)
        return;
    const ml::Analysis& a = *m_analysis;
    QStringList warnings;
    for (const Message& w : a.warnings)
        warnings << engineText(w);
    warnings << m_measuredWarnings;
    const QString model = QString::fromStdString(a.model.name) + QLatin1Char(' ') +
                          QString::fromStdString(a.model.version);
    m_viewer->verdictBanner()->setVerdict(QString::fromLatin1(ml::verdictName(a.verdict)),
                                          a.probability, model, warnings, thresholdBasis(a));
}

void AnalysisController::setMeasuredWarnings(const QStringList& warnings)
{
    if (warnings == m_measuredWarnings)
        return;
    m_measuredWarnings = warnings;
    showVerdict(); // a verdict already shown gets them; a later one takes them
}

double AnalysisController::flaggedWindowStart(int index) const
{
    if (!m_analysis || index < 0 || index >= int(m_analysis->flagged.size()))
        return 0.0;
    const ml::WindowResult& seg = m_analysis->flagged[std::size_t(index)];
    const ml::WindowResult* best = ml::mostProbableWindow(*m_analysis, seg);
    return best ? best->startS : seg.startS;
}

void AnalysisController::centreOnWindow(double startS, double endS)
{
    EcgPlot* plot = m_viewer->plot();
    const double span = plot->visibleSpanS();
    plot->setVisibleStartS(span >= endS - startS ? 0.5 * (startS + endS) - 0.5 * span : startS);
}

void AnalysisController::showFlagged(int index, bool highlight)
{
    if (!m_analysis || index < 0 || index >= int(m_analysis->flagged.size()))
        return;
    m_currentFlagged = index;
    m_currentFirst = -1;
    m_flagged->setCurrent(index);
    explainWindow(flaggedWindowStart(index), index, highlight);
}

int AnalysisController::step(int current, int count, int delta, const QString& none,
                             const QString& first, const QString& last)
{
    if (count <= 0) {
        m_window->statusBar()->showMessage(none, 3000);
        return -1;
    }
    if (delta > 0 && current >= count - 1)
        m_window->statusBar()->showMessage(last, 3000);
    if (delta < 0 && current <= 0)
        m_window->statusBar()->showMessage(first, 3000);
    return std::clamp(current + delta, 0, count - 1);
}

void AnalysisController::nextFlagged()
{
    showFlagged(step(m_currentFlagged, m_analysis ? int(m_analysis->flagged.size()) : 0, +1,
                     tr("No flagged segments"), tr("First flagged segment"),
                     tr("Last flagged segment")),
                true);
}

void AnalysisController::previousFlagged()
{
    showFlagged(step(m_currentFlagged, m_analysis ? int(m_analysis->flagged.size()) : 0, -1,
                     tr("No flagged segments"), tr("First flagged segment"),
                     tr("Last flagged segment")),
                true);
}

void AnalysisController::showReviewFirst(int index)
{
    const auto& windows = m_flagged->reviewFirst();
    if (!m_analysis || index < 0 || index >= int(windows.size()))
        return;
    m_currentFirst = index;
    m_currentFlagged = -1;
    m_flagged->setCurrentReviewFirst(index);
    explainWindow(windows[std::size_t(index)].startS, -1, true);
}

void AnalysisController::nextReviewFirst()
{
    showReviewFirst(step(m_currentFirst, int(m_flagged->reviewFirst().size()), +1,
                         tr("No Look first windows"), tr("First Look first window"),
                         tr("Last Look first window")));
}

void AnalysisController::previousReviewFirst()
{
    showReviewFirst(step(m_currentFirst, int(m_flagged->reviewFirst().size()), -1,
                         tr("No Look first windows"), tr("First Look first window"),
                         tr("Last Look first window")));
}

void AnalysisController::explainVisible()
{
    if (!m_recording)
        return;
    EcgPlot* plot = m_viewer->plot();
    const double span = plot->visibleSpanS();
    double start = plot->visibleStartS();
    if (span > kWindowS)
        start += 0.5 * (span - kWindowS);
    m_currentFlagged = m_currentFirst = -1;
    m_flagged->setCurrent(-1);
    m_flagged->setCurrentReviewFirst(-1);
    explainWindow(start);
}

void AnalysisController::explainWindow(double startS, int flaggedIndex, bool highlight)
{
    if (!m_recording)
        return;
    const double duration = m_recording->durationS();
    startS = std::clamp(startS, 0.0, std::max(0.0, duration - kWindowS));
    ExplainRequest request;
    request.startS = startS;
    request.flaggedIndex = flaggedIndex;
    request.highlight = highlight;
    m_explanation->applyChoices(request); // players and baseline chosen in the panel
    centreOnWindow(startS, std::min(startS + kWindowS, std::max(duration, startS)));
    m_explanation->setPending(startS, startS + kWindowS);
    m_jobs->explain(m_recording, request);
    m_pendingExplain = request;
    updateActions();
}

void AnalysisController::onExplained(const ExplainOutcome& outcome)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (outcome.cancelled || outcome.recording != m_recording || !m_recording)
        return;
    m_pendingExplain.reset();
    if (!outcome.explanation) {
        const QString text = !outcome.modelError.isEmpty()
                                 ? tr("Detector unavailable — %1").arg(outcome.modelError)
                                 : tr("Explanation failed: %1").arg(outcome.error);
        m_explanation->setMessage(text, true);
        emit explanationFailed(text);
        updateActions();
        return;
    }
    // On the leads drawn: the recorded ones and the limb leads computed for display.
    const Recording* shown = m_window->drawnRecording();
    m_explanation->setExplanation(outcome.explanation, shown ? *shown : *m_recording);
    m_viewer->plot()->highlightStrongest(outcome.request.highlight ? 3 : 0);
    m_explanationDock->raise();
    emit explanationShown();
    updateActions();
}

} // namespace ecglens
