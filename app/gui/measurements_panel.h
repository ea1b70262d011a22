#pragma once

#include "core/recording.h"
#include "dsp/filters.h"
#include "engine_worker.h"

#include <QWidget>

#include <memory>
#include <vector>

class QAction;
class QLabel;
class QListWidget;
class QTableWidget;

namespace ecglens {

class BeatMarkerLayer;
struct BeatMark;
class EcgPlot;
class JobRunner;

/// The beat markers of detected beats (R time and one-letter class).
std::vector<BeatMark> beatMarksOf(const std::vector<dsp::Beat>& beats);

/// Where finding `f` of a recording whose detected beats are `beats` shows on the trace: its own
/// evidence times, else the times of the beats it names.
std::vector<double> evidenceTimes(const dsp::Finding& f, const std::vector<dsp::Beat>& beats);

/// Centres `plot` on `times` (the first of them; `fallbackS` when there are none) and highlights
/// them on `markers`: how a clicked finding is shown, on either ECG.
void showEvidence(EcgPlot* plot, BeatMarkerLayer* markers, std::vector<double> times,
                  double fallbackS);

/// Measurements dock: runs the measure job (off the GUI thread, through JobRunner) for the shown
/// recording, fills a table of record measurements and a list of rhythm findings, and puts beat
/// markers on the plot. Clicking a finding centres the plot on its evidence and highlights it.
class MeasurementsPanel : public QWidget
{
    Q_OBJECT
public:
    MeasurementsPanel(EcgPlot* plot, JobRunner* jobs, QWidget* parent = nullptr);

    /// Starts measuring `recording` unless it is already measured (or being measured) with the
    /// same mains frequency; the latest request wins.
    void analyse(std::shared_ptr<const Recording> recording, double mainsHz);
    void clear();

    bool busy() const;
    QTableWidget* table() const { return m_table; }
    QListWidget* findings() const { return m_findings; }
    /// "ST at J+60 ms (mV): I +0.06 · II −0.15 · …" of the shown ECG.
    QLabel* stLevels() const { return m_st; }
    /// "N beats analysed (filters) …", naming the leads left out as not ECG.
    QLabel* status() const { return m_status; }
    BeatMarkerLayer* markers() const { return m_markers; }
    /// Text of a table row's value ("—" when not measured); row names as in the table.
    QString value(const QString& name) const;
    const MeasureOutcome& outcome() const { return m_outcome; }
    /// Centres the plot on finding `row`'s evidence and highlights its beats; a row of the
    /// comparison ECG's findings is passed on as comparisonFindingActivated.
    void showFinding(int row);
    /// Shows the comparison ECG's values (ComparisonView) in a column beside the shown one's,
    /// with the change (shown − comparison; axes the shorter way round); `values` empty: it
    /// could not be measured. clearComparison() goes back to one column.
    /// Its rhythm findings are listed after the shown ECG's, marked as the comparison's.
    /// Its ST levels follow the shown ECG's under the table.
    void setComparison(const std::optional<dsp::IntervalValues>& values,
                       const std::array<int, 4>& beatCounts,
                       const std::vector<dsp::Finding>& findings = {},
                       const std::vector<dsp::StLevel>& st = {});
    void clearComparison();
    bool comparing() const { return m_comparing; }
    /// The comparison ECG's ST levels (empty when it has none or none is shown).
    const std::vector<dsp::StLevel>& comparisonSt() const { return m_compareSt; }
    const std::vector<dsp::Finding>& comparisonFindings() const { return m_compareFindings; }
    /// The row of the comparison ECG's finding `index` in findings(), -1 when not listed.
    int comparisonFindingRow(int index) const;
    /// Text of a row's cell in `column` (1 shown, 2 comparison, 3 change).
    QString cell(const QString& name, int column) const;

signals:
    /// A measure job finished for the shown recording (the table and markers are updated).
    void measured();
    /// The clinician clicked the comparison ECG's finding `index` (CompareOutcome::findings).
    void comparisonFindingActivated(int index);

private:
    void onMeasured(const MeasureOutcome& outcome);
    /// Fills `column` from `values` and `beats` ("—" without values).
    void fillColumn(int column, const dsp::IntervalValues* values, const std::array<int, 4>* beats);
    /// Column 1 from the shown recording's measurements ("—" before they are in).
    void fillShownColumn();
    void updateChange();
    void setColumns();
    /// Lists the comparison ECG's findings after the shown one's (none when not comparing).
    void listComparisonFindings();

    EcgPlot* m_plot;
    JobRunner* m_jobs;
    BeatMarkerLayer* m_markers;
    QLabel* m_status;
    QTableWidget* m_table;
    QListWidget* m_findings;
    QLabel* m_st;
    std::shared_ptr<const Recording> m_requested;
    double m_requestedMainsHz = 0.0;
    MeasureOutcome m_outcome;
    bool m_comparing = false;
    std::optional<dsp::IntervalValues> m_compareValues;
    std::array<int, 4> m_compareBeats = {};
    std::vector<dsp::Finding> m_compareFindings;
    std::vector<dsp::StLevel> m_compareSt;
    /// The ST line(s) under the table: the shown ECG's, and the comparison's when comparing.
    void showStLevels();
    /// Rows of findings() that are the shown ECG's (the comparison's follow them).
    int ownFindingCount() const;
};

} // namespace ecglens
