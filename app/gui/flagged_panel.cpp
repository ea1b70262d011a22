#include "flagged_panel.h"
#include "engine_text.h"

#include "report_text.h"

#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ecglens {

QTableWidget* FlaggedPanel::makeTable(QWidget* parent, const QString& name)
{
    auto* table = new QTableWidget(parent);
    table->setColumnCount(3);
    table->setAccessibleName(name);
    table->setHorizontalHeaderLabels({tr("#"), tr("Time (s)"), tr("Probability")});
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 4);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    return table;
}

FlaggedPanel::FlaggedPanel(QWidget* parent)
    : QWidget(parent), m_status(new QLabel(this)), m_table(makeTable(this, tr("Flagged segments"))),
      m_firstLabel(new QLabel(this)), m_first(makeTable(this, tr("Windows to look at first")))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_table->setToolTip(tr("Click a segment to show it and explain the model's output there "
                           "(F / Shift+F: next / previous)"));
    layout->addWidget(m_table, 1);
    m_firstLabel->setWordWrap(true);
    m_firstLabel->setToolTip(
        tr("On a long recording most windows can be flagged, so the segments above may span most "
           "of it. On the MIT-BIH Holter records these windows held annotated events somewhat "
           "more often than the recording's windows as a whole (see the model card); they are "
           "where to start, not the only places to look."));
    layout->addWidget(m_firstLabel);
    m_first->setToolTip(tr("Click a window to show it and explain the model's output there"));
    layout->addWidget(m_first, 1);
    connect(m_table, &QTableWidget::cellClicked, this,
            [this](int row, int) { emit segmentActivated(row); });
    connect(m_table, &QTableWidget::cellActivated, this,
            [this](int row, int) { emit segmentActivated(row); });
    auto pickFirst = [this](int row, int) {
        if (row >= 0 && row < int(m_firstWindows.size()))
            emit windowActivated(row);
    };
    connect(m_first, &QTableWidget::cellClicked, this, pickFirst);
    connect(m_first, &QTableWidget::cellActivated, this, pickFirst);
    clear();
}

void FlaggedPanel::fillRows(QTableWidget* table, const std::vector<ml::WindowResult>& windows,
                            bool clock)
{
    table->setRowCount(int(windows.size()));
    table->horizontalHeaderItem(1)->setText(clock ? tr("Time (h:mm:ss)") : tr("Time (s)"));
    for (int r = 0; r < int(windows.size()); ++r) {
        const ml::WindowResult& w = windows[std::size_t(r)];
        auto* index = new QTableWidgetItem(QString::number(r + 1));
        auto* time = new QTableWidgetItem(tr("%1 – %2").arg(report::clockText(w.startS, clock),
                                                            report::clockText(w.endS, clock)));
        time->setData(Qt::UserRole, w.startS);
        time->setData(Qt::UserRole + 1, w.endS);
        auto* p = new QTableWidgetItem(localNumber(w.probability, 'f', 3));
        p->setData(Qt::UserRole, w.probability);
        p->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(r, 0, index);
        table->setItem(r, 1, time);
        table->setItem(r, 2, p);
    }
}

void FlaggedPanel::setSegments(const std::vector<ml::WindowResult>& flagged, double durationS)
{
    m_segments = flagged;
    m_clock = report::clockTimes(durationS);
    fillRows(m_table, flagged, m_clock);
    m_status->setText(flagged.empty()
                          ? tr("No segment reaches the anomalous threshold.")
                          : tr("%n segment(s) at or above the anomalous threshold — click to "
                               "review.",
                               nullptr, int(flagged.size())));
}

void FlaggedPanel::setReviewFirst(const std::vector<ml::WindowResult>& windows)
{
    m_firstWindows = windows;
    m_firstLabel->setText(
        tr("Look first: the %n most probable flagged window(s), a minute or more apart", nullptr,
           int(windows.size())));
    fillRows(m_first, windows, m_clock); // the same clock as the segments above
    m_firstLabel->setVisible(!windows.empty());
    m_first->setVisible(!windows.empty());
}

void FlaggedPanel::setMessage(const QString& text)
{
    m_segments.clear();
    m_table->setRowCount(0);
    setReviewFirst({});
    m_status->setText(text);
}

void FlaggedPanel::clear()
{
    setMessage(tr("Not analysed."));
}

void FlaggedPanel::selectRow(QTableWidget* table, QTableWidget* other, int index)
{
    const QSignalBlocker block(table);
    if (index < 0 || index >= table->rowCount()) {
        table->clearSelection();
    } else {
        table->selectRow(index);
        other->clearSelection(); // one place under review at a time
    }
}

void FlaggedPanel::setCurrent(int index)
{
    selectRow(m_table, m_first, index);
}

void FlaggedPanel::setCurrentReviewFirst(int index)
{
    selectRow(m_first, m_table, index);
}

int FlaggedPanel::current() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

} // namespace ecglens
