#pragma once

// The worklist as a table (one row per recording) and the view's filter: everything, what is
// not reviewed yet, what is reviewed, or what needs attention (uncertain decisions, recordings
// or reviews that cannot be read).

#include "worklist_scan.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSortFilterProxyModel>

namespace ecglens {

class WorklistModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Recording,
        Decision,
        Detector,
        Prompts, ///< advice asking for a prompt review, with the detector's verdict
        PatientId,
        Age,
        SexColumn,
        Recorded,
        Duration,
        Leads,
        Reviewer,
        Reviewed,
        ColumnCount
    };
    /// Sort key of a cell (numbers as numbers, "unknown" last).
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit WorklistModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void clear();
    void append(const QList<WorklistEntry>& entries);
    /// A review of `path` was saved or read: its row follows. False if `path` is not listed.
    bool updateReview(const QString& path, const ReviewRecord& record);
    /// The detector's result for `path` from the worklist's own run (TriageOutcome).
    bool setDetector(const QString& path, const QString& verdictClass, double probability,
                     const QString& modelVersion, const QString& note,
                     const QStringList& prompts = {});
    /// The recording on screen (shown in bold).
    void setCurrent(const QString& path);
    QString current() const { return m_current; }

    const WorklistEntry& entry(int row) const { return m_entries[row]; }
    /// Row of `path`, -1 if not listed.
    int rowOf(const QString& path) const;
    /// The row of the latest readable recording of the same patient (same non-empty ID) recorded
    /// before the one in `row`; -1 when there is none or a date is unknown.
    int previousOfPatient(int row) const;
    /// Counts for the summary line.
    int count(ReviewDecision d) const;
    int unreadable() const;
    /// Recordings with a detector verdict; of them, those of class `verdictClass`.
    int analysed() const;
    int countDetector(const QString& verdictClass) const;
    /// Recordings with advice asking for a prompt review.
    int countPrompted() const;
    /// Rows whose patient ID is `patientId` (readable recordings; empty ID: none).
    int countPatient(const QString& patientId) const;

    static QString keyOf(const QString& path);

private:
    QList<WorklistEntry> m_entries;
    QHash<QString, int> m_rows;
    QString m_current;
};

class WorklistFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using Show = WorklistShow; // one list of row kinds for the window and the CLI
    static constexpr Show All = WorklistShow::All;
    static constexpr Show NotReviewed = WorklistShow::NotReviewed;
    static constexpr Show Reviewed = WorklistShow::Reviewed;
    static constexpr Show NeedsAttention = WorklistShow::NeedsAttention;
    explicit WorklistFilter(QObject* parent = nullptr);

    void setShow(Show show);
    Show show() const { return m_show; }
    /// Rows whose file name or patient ID contains `text` (case-insensitive).
    void setSearch(const QString& text);
    /// Only the rows of this patient ID, exactly (empty: every patient).
    void setPatient(const QString& patientId);
    QString patient() const { return m_patient; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Show m_show = All;
    QString m_search;
    QString m_patient;
};

} // namespace ecglens
