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

    /// Lists the flagged segments of an analysis (none: says so).
    void setSegments(const std::vector<ml::WindowResult>& flagged);
    /// A message instead of rows (no analysis yet, running, failed).
    void setMessage(const QString& text);
    void clear();

    int count() const { return int(m_segments.size()); }
    const std::vector<ml::WindowResult>& segments() const { return m_segments; }
    QTableWidget* table() const { return m_table; }
    /// Selects row `index` without emitting segmentActivated (-1: none).
    void setCurrent(int index);
    int current() const;

signals:
    /// The user picked a segment (row index into segments()).
    void segmentActivated(int index);

private:
    QLabel* m_status;
    QTableWidget* m_table;
    std::vector<ml::WindowResult> m_segments;
};

} // namespace ecglens
