#pragma once

#include "ml/detector.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTableWidget;

namespace ecglens {

/// "Flagged segments" dock: one row per run of analysis windows at or above the anomalous
/// threshold (start–end, probability). Clicking a row asks the window to jump there and explain
/// it; the row of the segment under review stays selected.
class FlaggedPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FlaggedPanel(QWidget* parent = nullptr);

    /// Lists the flagged segments of an analysis of a recording of `durationS` (none: says so);
    /// times as a clock from 10 min (report::clockTimes).
    void setSegments(const std::vector<ml::WindowResult>& flagged, double durationS);
    /// The windows to look at first on a long recording (ml::reviewFirstWindows), under the
    /// segments; none: the list is hidden.
    void setReviewFirst(const std::vector<ml::WindowResult>& windows);
    /// A message instead of rows (no analysis yet, running, failed).
    void setMessage(const QString& text);
    void clear();

    int count() const { return int(m_segments.size()); }
    const std::vector<ml::WindowResult>& segments() const { return m_segments; }
    QTableWidget* table() const { return m_table; }
    QTableWidget* reviewFirstTable() const { return m_first; }
    const std::vector<ml::WindowResult>& reviewFirst() const { return m_firstWindows; }
    /// Selects row `index` without emitting segmentActivated (-1: none).
    void setCurrent(int index);
    int current() const;
    /// Selects row `index` of the review-first list without emitting windowActivated (-1:
    /// none); a row there clears the segment's selection.
    void setCurrentReviewFirst(int index);

signals:
    /// The user picked a segment (row index into segments()).
    void segmentActivated(int index);
    /// The user picked a window of the review-first list (row index into reviewFirst()).
    void windowActivated(int index);

private:
    /// Fills `table` with one row per window: number, time (h:mm:ss when `clock`), probability.
    static void fillRows(QTableWidget* table, const std::vector<ml::WindowResult>& windows,
                         bool clock);
    static QTableWidget* makeTable(QWidget* parent, const QString& name);
    /// Selects row `index` of `table` without signals (-1: none) and clears `other`'s.
    static void selectRow(QTableWidget* table, QTableWidget* other, int index);

    QLabel* m_status;
    QTableWidget* m_table;
    QLabel* m_firstLabel;
    QTableWidget* m_first;
    std::vector<ml::WindowResult> m_segments;
    std::vector<ml::WindowResult> m_firstWindows;
    bool m_clock = false; ///< times as h:mm:ss (report::clockTimes of the recording)
};

} // namespace ecglens
