#pragma once

// The detector's verdicts on worklist recordings, kept across sessions: a folder listed again
// the next day shows the verdicts it had, without reading and analysing every recording again.
// A verdict is kept by what it was computed from (the recording's content, the patient's age
// and sex, the model's manifest), so a changed recording, corrected patient details or another
// model never show an old verdict.

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace ecglens {

struct CachedVerdict
{
    QString verdictClass; ///< "normal" / "borderline" / "anomalous"
    double probability = -1.0;
    QString modelVersion;
    QDateTime savedUtc;
};

/// A JSON file of verdicts by key, read on first use and written atomically (QSaveFile), merged
/// with what another window wrote there since; readable by its owner alone (it holds ages and
/// verdicts, no names or IDs). A file that cannot be read is treated as empty and replaced at
/// the next save; at most kMaxEntries are kept, the newest.
class VerdictCache
{
public:
    /// `path` empty: kept in memory only.
    explicit VerdictCache(QString path = {}) : m_path(std::move(path)) {}

    /// `<app data>/worklist-verdicts.json`, beside the audit log.
    static QString defaultPath();
    /// The key of a verdict: recording content, age, sex code and the model manifest's SHA-256.
    /// Empty (never found, never kept) when the recording's or the model's SHA-256 is unknown.
    static QString key(const QString& recordingSha256, std::optional<double> ageYears,
                       const QString& sexCode, const QString& modelSha256);

    QString path() const { return m_path; }
    std::optional<CachedVerdict> find(const QString& key) const;
    void insert(const QString& key, CachedVerdict verdict);
    /// Verdicts inserted since the last save.
    int unsaved() const { return int(m_unsaved.size()); }
    /// Writes the verdicts inserted since the last save; empty, or why it could not.
    QString save();

    static constexpr int kMaxEntries = 20000;
    static constexpr qint64 kMaxFileBytes = 16 << 20;

private:
    void load() const;
    static QHash<QString, CachedVerdict> readFile(const QString& path);

    QString m_path;
    mutable bool m_loaded = false;
    mutable QHash<QString, CachedVerdict> m_verdicts;
    QHash<QString, CachedVerdict> m_unsaved;
};

} // namespace ecglens
