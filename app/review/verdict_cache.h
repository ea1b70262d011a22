#pragma once

// The detector's verdicts on worklist recordings, kept across sessions: a folder listed again
// the next day shows the verdicts it had, without reading and analysing every recording again.
// A verdict is kept by what it was computed from (the recording's content, the patient's age
// and sex, the model's manifest), so a changed recording, corrected patient details or another
// model never show an old verdict.

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

class QSettings;

#include <optional>

namespace ecglens {

struct CachedVerdict
{
    QString verdictClass; ///< "normal" / "borderline" / "anomalous"
    double probability = -1.0;
    QString modelVersion;
    QDateTime savedUtc;
    /// Codes of the advice items asking for a prompt review with this verdict (e.g.
    /// "st-elevation"); none when the file's entry has no list (rewritten by an older version
    /// of ECG Lens, which did not keep them): such an entry is analysed again.
    std::optional<QStringList> prompts;
};

/// A JSON file of verdicts by key, read on first use and written atomically (QSaveFile), merged
/// with what another window wrote there since (under a QLockFile beside it); readable by its owner
/// alone (it holds ages, verdicts and advice codes, no names or IDs). A file that cannot be read is
/// treated as empty and replaced at the next save; at most kMaxEntries are kept, the newest.
///
/// Thread-safe: the worklist looks verdicts up on its scanning thread and saves them on a
/// thread of its own, while the GUI thread inserts new ones (at the 20,000-entry cap the file
/// is a few MB of JSON, too much to read or write on the GUI thread). Saves run one at a time;
/// a verdict inserted while a save runs is kept for the next.
class VerdictCache
{
public:
    /// `path` empty: kept in memory only. `ownerOnly`: the file is made readable by its owner
    /// alone (a user's own file); else it keeps the permissions new files get in its folder
    /// (a file a site shares between users and workstations).
    explicit VerdictCache(QString path = {}, bool ownerOnly = true)
        : m_path(std::move(path)), m_ownerOnly(ownerOnly)
    {}
    VerdictCache(const VerdictCache&) = delete;
    VerdictCache& operator=(const VerdictCache&) = delete;

    /// `<app data>/worklist-verdicts.json`, beside the audit log.
    static QString defaultPath();
    /// Where verdicts are kept as `worklist/verdicts` in `store` says (a native store falls back
    /// to the site file): a path (shared: its folder's permissions), "off" (this session only)
    /// or nothing (defaultPath(), the user's own).
    struct Location
    {
        QString path;
        bool ownerOnly = true;
    };
    static Location configured(const QSettings& store);
    /// The key of a verdict: recording content, age, sex code and the model manifest's SHA-256.
    /// Empty (never found, never kept) when the recording's or the model's SHA-256 is unknown.
    static QString key(const QString& recordingSha256, std::optional<double> ageYears,
                       const QString& sexCode, const QString& modelSha256);

    QString path() const { return m_path; }
    std::optional<CachedVerdict> find(const QString& key) const;
    void insert(const QString& key, CachedVerdict verdict);
    /// Verdicts inserted since the last save.
    int unsaved() const;
    /// Writes the verdicts inserted since the last save (reading, merging and writing the
    /// file: blocking); empty, or why it could not. After a failure they stay unsaved.
    QString save();

    static constexpr int kMaxEntries = 20000;
    /// Read from the file: at most this many prompt codes per verdict, each cut to this length.
    static constexpr int kMaxPrompts = 32;
    static constexpr int kMaxPromptCode = 64;
    static constexpr qint64 kMaxFileBytes = 16 << 20;

private:
    /// Reads the file at the first lookup (outside the mutex).
    void ensureLoaded() const;
    static QHash<QString, CachedVerdict> readFile(const QString& path);

    const QString m_path;
    const bool m_ownerOnly;
    mutable QMutex m_mutex; ///< guards the members below
    QMutex m_saving;        ///< one save at a time
    mutable bool m_loaded = false;
    mutable QHash<QString, CachedVerdict> m_verdicts;
    QHash<QString, CachedVerdict> m_unsaved;
};

} // namespace ecglens
