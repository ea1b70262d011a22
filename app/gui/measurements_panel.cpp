#include "measurements_panel.h"
#include "engine_text.h"

#include "finding_text.h"

#include "advice/advice.h"
#include "beat_markers.h"
#include "ecg_plot.h"
#include "job_runner.h"

#include <QColor>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace ecglens {

namespace {

// Row names carry their unit (the header of the value column says "value", the unit is in
// the name so every row is self-explaining); translated where shown, in the panel's context.
const char* const kRows[] = {
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "Heart rate (bpm)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "RR mean (ms)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "SDNN (ms)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "RMSSD (ms)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "pNN50 (%)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "PR (ms)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "QRS (ms)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "QT (ms)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "QTc Bazett (ms)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "QTc Fridericia (ms)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "P axis (deg)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "QRS axis (deg)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "T axis (deg)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "Sokolow-Lyon (mV)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "Cornell (mV)"),
    QT_TRANSLATE_NOOP("ecglens::MeasurementsPanel", "Beats (N / S / V / Q)"),
};

constexpr int kDecimals[] = {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2};
constexpr int kFirstAxisRow = 10, kLastAxisRow = 12; // P, QRS and T axes (degrees)

/// The values of the numeric rows, in kRows order (the last row, beats, is text).
std::array<double, std::size(kDecimals)> rowValues(const dsp::IntervalValues& v)
{
    return {v.heartRateBpm, v.rrMeanMs,   v.sdnnMs,   v.rmssdMs,       v.pnn50Percent,
            v.prMs,         v.qrsMs,      v.qtMs,     v.qtcBazettMs,   v.qtcFridericiaMs,
            v.pAxisDeg,     v.qrsAxisDeg, v.tAxisDeg, v.sokolowLyonMv, v.cornellMv};
}

QTableWidgetItem* valueItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

std::vector<BeatMark> beatMarksOf(const std::vector<dsp::Beat>& beats)
{
    std::vector<BeatMark> marks;
    marks.reserve(beats.size());
    for (const dsp::Beat& b : beats)
        marks.push_back({b.timeS, dsp::beatCode(b.beatClass)[0]});
    return marks;
}

MeasurementsPanel::MeasurementsPanel(EcgPlot* plot, JobRunner* jobs, QWidget* parent)
    : QWidget(parent), m_plot(plot), m_jobs(jobs), m_markers(new BeatMarkerLayer(plot)),
      m_status(new QLabel(this)), m_table(new QTableWidget(this)),
      m_findings(new QListWidget(this)), m_st(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* caption = new QLabel(tr("Automatic measurements — decision support, not a diagnosis. "
                                  "Confirm on the trace."),
                               this);
    caption->setObjectName(QStringLiteral("decisionSupportCaption"));
    caption->setWordWrap(true);
    caption->setStyleSheet(QStringLiteral("QLabel { color: #7a4a00; font-weight: bold; }"));
    layout->addWidget(caption);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    const int rows = int(std::size(kRows));
    m_table->setRowCount(rows);
    setColumns();
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Automatic measurements"));
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    for (int r = 0; r < rows; ++r)
        m_table->setItem(r, 0, new QTableWidgetItem(tr(kRows[r])));
    layout->addWidget(m_table, 5);
    m_st->setObjectName(QStringLiteral("stLevels"));
    m_st->setWordWrap(true);
    m_st->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_st->setToolTip(tr("ST level of the median beat 60 ms after J (the latest QRS offset over all "
                        "leads), relative to the level just before QRS onset; positive: "
                        "elevation. Confirm on the trace."));
    layout->addWidget(m_st);
    layout->addWidget(new QLabel(tr("Findings (click to show the evidence)"), this));
    m_findings->setWordWrap(true);
    m_findings->setAccessibleName(tr("Findings"));
    m_findings->setMinimumHeight(4 * fontMetrics().height());
    layout->addWidget(m_findings, 1);
    connect(m_findings, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { showFinding(m_findings->row(item)); });
    connect(m_jobs, &JobRunner::measureFinished, this, &MeasurementsPanel::onMeasured);
    clear();
}

bool MeasurementsPanel::busy() const
{
    return m_jobs->busy(JobKind::Measure);
}

void MeasurementsPanel::analyse(std::shared_ptr<const Recording> recording, double mainsHz)
{
    if (!recording) {
        clear();
        return;
    }
    // Already measured or measuring (a load request cancels a running measure job: then the
    // shown recording is measured again when asked).
    if (recording == m_requested && mainsHz == m_requestedMainsHz &&
        (m_outcome.recording == recording || busy()))
        return;
    if (recording != m_requested)
        clear();
    m_requested = recording;
    m_requestedMainsHz = mainsHz;
    dsp::ConditionOptions options; // the CLI's conditioning (0.5 Hz, notch, 40 Hz)
    options.mainsHz = mainsHz;
    m_status->setText(tr("Measuring …"));
    m_jobs->measure(std::move(recording), options);
}

void MeasurementsPanel::clear()
{
    m_requested.reset();
    m_outcome = {};
    m_markers->clear();
    m_findings->clear();
    showStLevels();
    fillColumn(1, nullptr, nullptr);
    updateChange();
    m_status->setText(tr("No recording"));
}

void MeasurementsPanel::setColumns()
{
    if (m_comparing) {
        m_table->setColumnCount(4);
        m_table->setHorizontalHeaderLabels(
            {tr("Measurement (unit)"), tr("Shown"), tr("Comparison"), tr("Change")});
    } else {
        m_table->setColumnCount(2);
        m_table->setHorizontalHeaderLabels({tr("Measurement (unit)"), tr("Record")});
    }
    for (int c = 1; c < m_table->columnCount(); ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
}

void MeasurementsPanel::fillColumn(int column, const dsp::IntervalValues* values,
                                   const std::array<int, 4>* beats)
{
    const int rows = int(std::size(kRows));
    if (!values) {
        for (int r = 0; r < rows; ++r)
            m_table->setItem(r, column, valueItem(QStringLiteral("—")));
        return;
    }
    const auto v = rowValues(*values);
    for (int r = 0; r < int(v.size()); ++r)
        m_table->setItem(r, column,
                         valueItem(std::isfinite(v[std::size_t(r)])
                                       ? localNumber(v[std::size_t(r)], 'f', kDecimals[r])
                                       : QStringLiteral("—")));
    m_table->setItem(rows - 1, column,
                     valueItem(beats ? QStringLiteral("%1 / %2 / %3 / %4")
                                           .arg((*beats)[0])
                                           .arg((*beats)[1])
                                           .arg((*beats)[2])
                                           .arg((*beats)[3])
                                     : QStringLiteral("—")));
}

void MeasurementsPanel::fillShownColumn()
{
    const std::array<int, 4> beats = beatClassCounts(m_outcome.beats);
    fillColumn(1, m_outcome.recording ? &m_outcome.values : nullptr, &beats);
}

void MeasurementsPanel::updateChange()
{
    if (!m_comparing)
        return;
    const int rows = int(std::size(kRows));
    const bool shown = m_outcome.recording != nullptr;
    for (int r = 0; r < rows; ++r) {
        QString text = QStringLiteral("—");
        if (shown && m_compareValues && r < int(std::size(kDecimals))) {
            const QString change =
                changeText(rowValues(*m_compareValues)[std::size_t(r)],
                           rowValues(m_outcome.values)[std::size_t(r)], kDecimals[r],
                           r >= kFirstAxisRow && r <= kLastAxisRow);
            if (!change.isEmpty())
                text = change;
        }
        m_table->setItem(r, 3, valueItem(text));
    }
}

void MeasurementsPanel::setComparison(const std::optional<dsp::IntervalValues>& values,
                                      const std::array<int, 4>& beatCounts,
                                      const std::vector<dsp::Finding>& findings,
                                      const std::vector<dsp::StLevel>& st)
{
    m_comparing = true;
    m_compareValues = values;
    m_compareBeats = beatCounts;
    m_compareFindings = findings;
    m_compareSt = st;
    showStLevels();
    listComparisonFindings();
    setColumns();
    fillShownColumn();
    fillColumn(2, values ? &*values : nullptr, values ? &m_compareBeats : nullptr);
    updateChange();
}

void MeasurementsPanel::clearComparison()
{
    if (!m_comparing)
        return;
    m_comparing = false;
    m_compareValues.reset();
    m_compareFindings.clear();
    m_compareSt.clear();
    showStLevels();
    listComparisonFindings();
    setColumns();
    fillShownColumn();
}

void MeasurementsPanel::listComparisonFindings()
{
    // The shown ECG's findings come first (their rows are the indices showFinding takes).
    const int own = ownFindingCount();
    while (m_findings->count() > own)
        delete m_findings->takeItem(m_findings->count() - 1);
    if (!m_comparing)
        return;
    for (const dsp::Finding& f : m_compareFindings) {
        auto* item = new QListWidgetItem(tr("Comparison ECG: %1").arg(findingText(f)), m_findings);
        item->setForeground(QColor(0x55, 0x55, 0x55)); // its evidence is on the other trace
        item->setToolTip(tr("A finding of the ECG shown for comparison; click to show it there"));
    }
}

QString MeasurementsPanel::cell(const QString& name, int column) const
{
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, 0)->text() == name)
            return m_table->item(r, column) ? m_table->item(r, column)->text() : QString();
    return {};
}

QString MeasurementsPanel::value(const QString& name) const
{
    return cell(name, 1);
}

void MeasurementsPanel::onMeasured(const MeasureOutcome& outcome)
{
    if (outcome.cancelled || outcome.recording != m_requested)
        return; // a newer recording or setting was requested
    m_outcome = outcome;
    fillShownColumn();
    updateChange();

    m_markers->setBeats(beatMarksOf(outcome.beats));
    m_markers->setStimuli(stimulusTimes(outcome.findings));
    m_markers->setHighlighted({});
    showStLevels();

    m_findings->clear();
    for (const dsp::Finding& f : outcome.findings) {
        auto* item = new QListWidgetItem(findingText(f), m_findings);
        item->setData(Qt::UserRole, QString::fromStdString(f.code));
        QString tip = tr("%n evidence point(s); click to show", nullptr, int(f.timesS.size()));
        if (f.kind == dsp::FindingKind::PacemakerSpikes)
            tip = tr("The stimuli are marked by magenta strokes above the traces.") +
                  QLatin1Char(' ') + tip;
        item->setToolTip(tip);
    }
    listComparisonFindings();
    QString status = tr("%1 beats analysed (0.5–40 Hz, %2 Hz notch). QRS and QT span the "
                        "earliest onset to the latest offset over all leads and read longer "
                        "than conventional programs: check them on the tracing.")
                         .arg(outcome.beats.size())
                         .arg(m_requestedMainsHz, 0, 'f', 0);
    // Paced and unpaced beats measured apart (dsp::measurePacedApart): say whose values these are
    // (always three beats or more).
    if (const auto pacing = dsp::pacingSummary(outcome.findings); pacing && pacing->medianApart) {
        const auto beats = qulonglong(pacing->medianBeats),
                   byShape = qulonglong(pacing->pacedByShape);
        QString said;
        if (pacing->medianPaced && byShape > 0)
            said = tr("The values are those of the %1 paced beats (%2 of them paced by their QRS "
                      "shape, no spike found).")
                       .arg(beats)
                       .arg(byShape);
        else if (pacing->medianPaced)
            said = tr("The values are those of the %1 beats with pacemaker spikes.").arg(beats);
        else if (byShape > 0)
            said = tr("The values are those of the %1 beats without pacemaker spikes or paced QRS "
                      "shape.")
                       .arg(beats);
        else
            said = tr("The values are those of the %1 beats without pacemaker spikes.").arg(beats);
        status += QLatin1Char(' ') + said;
    }
    // On a paced median beat, the QTc the advice grades there.
    if (advice::medianBeatPaced(outcome.findings))
        status += QLatin1Char(' ') +
                  tr("On paced beats QTc is graded on QT less 48.5 % of the QRS (Bogossian, "
                     "then Fridericia): %1 ms.")
                      .arg(QLocale().toString(advice::qrsAdjustedQtcMs(outcome.values), 'f', 0));
    else if (advice::lbbbShape(outcome.findings))
        status += QLatin1Char(' ') +
                  tr("On a QRS shaped as left bundle branch block QTc is graded on QT less 48.5 % "
                     "of the QRS (Bogossian, then Fridericia): %1 ms.")
                      .arg(QLocale().toString(advice::qrsAdjustedQtcMs(outcome.values), 'f', 0));
    if (const QStringList notEcg = otherSignalNames(*outcome.recording); !notEcg.isEmpty())
        status += QLatin1Char(' ') + tr("Not used, not an ECG by name or unit: %1.")
                                         .arg(QLocale().createSeparatedList(notEcg));
    m_status->setText(status);
    emit measured();
}

std::vector<double> evidenceTimes(const dsp::Finding& f, const std::vector<dsp::Beat>& beats)
{
    std::vector<double> times = f.timesS;
    if (times.empty())
        for (std::size_t i : f.beats)
            if (i < beats.size())
                times.push_back(beats[i].timeS);
    return times;
}

void showEvidence(EcgPlot* plot, BeatMarkerLayer* markers, std::vector<double> times,
                  double fallbackS)
{
    const double centre = times.empty() ? fallbackS : times.front();
    plot->setVisibleStartS(centre - 0.5 * plot->visibleSpanS());
    markers->setHighlighted(std::move(times));
}

void MeasurementsPanel::showFinding(int row)
{
    const int own = ownFindingCount();
    if (row >= own && row < own + int(m_compareFindings.size()) && m_comparing) {
        m_findings->setCurrentRow(row);
        emit comparisonFindingActivated(row - own);
        return;
    }
    if (row < 0 || row >= int(m_outcome.findings.size()))
        return;
    const dsp::Finding& f = m_outcome.findings[size_t(row)];
    showEvidence(m_plot, m_markers, evidenceTimes(f, m_outcome.beats), f.startS);
    m_findings->setCurrentRow(row);
}

void MeasurementsPanel::showStLevels()
{
    QStringList lines;
    if (m_outcome.recording && !m_outcome.st.empty())
        lines << tr("ST at J+60 ms (mV): %1").arg(stLevelsText(m_outcome.st));
    if (m_comparing && !m_compareSt.empty())
        lines << tr("Comparison ECG: %1").arg(stLevelsText(m_compareSt));
    m_st->setText(lines.join(QLatin1Char('\n')));
}

int MeasurementsPanel::ownFindingCount() const
{
    return m_outcome.recording ? int(m_outcome.findings.size()) : 0;
}

int MeasurementsPanel::comparisonFindingRow(int index) const
{
    const int own = ownFindingCount();
    return m_comparing && index >= 0 && index < int(m_compareFindings.size()) ? own + index : -1;
}

} // namespace ecglens
