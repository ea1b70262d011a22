#include "flagged_panel.h"
#include "engine_text.h"

#include "report_text.h"

#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ecglens {

FlaggedPanel::FlaggedPanel(QWidget* parent)
    : QWidget(parent), m_status(new QLabel(this)), m_table(new QTableWidget(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_table->setColumnCount(3);
    m_table->setAccessibleName(tr("Flagged segments"));
    m_table->setHorizontalHeaderLabels({tr("#"), tr("Time (s)"), tr("Probability")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setToolTip(tr("Click a segment to show it and explain the model's output there "
                           "(F / Shift+F: next / previous)"));
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableWidget::cellClicked, this,
            [this](int row, int) { emit segmentActivated(row); });
    connect(m_table, &QTableWidget::cellActivated, this,
            [this](int row, int) { emit segmentActivated(row); });
    clear();
}

void FlaggedPanel::setSegments(const std::vector<ml::WindowResult>& flagged)
{
    m_segments = flagged;
    m_table->setRowCount(int(flagged.size()));
    const bool longRecording = !flagged.empty() && flagged.back().endS >= 600.0;
    m_table->horizontalHeaderItem(1)->setText(longRecording ? tr("Time (h:mm:ss)")
                                                            : tr("Time (s)"));
    for (int r = 0; r < int(flagged.size()); ++r) {
        const ml::WindowResult& w = flagged[std::size_t(r)];
        auto* index = new QTableWidgetItem(QString::number(r + 1));
        auto* time = new QTableWidgetItem(tr("%1 – %2").arg(
            report::clockText(w.startS, longRecording), report::clockText(w.endS, longRecording)));
        time->setData(Qt::UserRole, w.startS);
        time->setData(Qt::UserRole + 1, w.endS);
        auto* p = new QTableWidgetItem(localNumber(w.probability, 'f', 3));
        p->setData(Qt::UserRole, w.probability);
        p->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(r, 0, index);
        m_table->setItem(r, 1, time);
        m_table->setItem(r, 2, p);
    }
    m_status->setText(flagged.empty()
                          ? tr("No segment reaches the anomalous threshold.")
                          : tr("%n segment(s) at or above the anomalous threshold — click to "
                               "review.",
                               nullptr, int(flagged.size())));
}

void FlaggedPanel::setMessage(const QString& text)
{
    m_segments.clear();
    m_table->setRowCount(0);
    m_status->setText(text);
}

void FlaggedPanel::clear()
{
    setMessage(tr("Not analysed."));
}

void FlaggedPanel::setCurrent(int index)
{
    const QSignalBlocker block(m_table);
    if (index < 0 || index >= m_table->rowCount())
        m_table->clearSelection();
    else
        m_table->selectRow(index);
}

int FlaggedPanel::current() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

} // namespace ecglens
